#pragma once

#include <optional>
#include <string>

#include "causeway/panel/Aggregation.hpp"
#include "causeway/panel/GroupTime.hpp"

// The pre-trend check of Callaway & Sant'Anna (2021, sec. 4.1; did's att_gt "W"): a Wald test that
// every pre-period ATT(g, t) (t < g) is zero, using their joint influence-function covariance.
// W = θ' V⁻¹ θ is Hotelling's T² of the units' influence functions, so the p-value comes from
// F = W (n − df) / (df · n) ~ F(df, n − df), which agrees with χ²_df when df ≪ n.
// Telemetry often has more pre cells than a cohort has units (288 five-minute periods, 50 hosts a
// wave); then V cannot be estimated and the test would reject nearly always. In that case the test
// is on the event-study pre-period effects (e < 0) averaged into at most 12 consecutive bins.
namespace causeway::panel {

struct PreTrendTest {
  double statistic = 0;
  int df = 0;             // rank of the covariance of the tested effects
  int denominatorDf = 0;  // n − df
  double pValue = 1;      // F(df, n − df) upper tail
  bool binned = false;    // tested the binned event-study pre-period effects, not every cell
  std::string description;
};

// nullopt when there is no pre-period effect (every cohort starts in the second period).
[[nodiscard]] std::optional<PreTrendTest> preTrendTest(const GroupTimeEffects& effects, const Aggregates& aggregates);

}  // namespace causeway::panel
