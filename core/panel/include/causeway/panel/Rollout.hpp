#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "causeway/panel/Aggregation.hpp"
#include "causeway/panel/GroupTime.hpp"
#include "causeway/panel/MultiplierBootstrap.hpp"
#include "causeway/panel/Panel.hpp"
#include "causeway/panel/PreTrend.hpp"
#include "causeway/panel/Twfe.hpp"

// A whole rollout analysis on a panel: ATT(g, t), their aggregations, the pre-trend test, the
// multiplier-bootstrap band over event times and the TWFE comparison, in that order.
namespace causeway::panel {

struct RolloutOptions {
  GroupTimeOptions groupTime;
  AggregationOptions aggregation;
  int bootstrapDraws = 0;  // 0: pointwise intervals only (the band equals them)
  std::uint64_t seed = 1;
  bool twfe = true;
};

struct RolloutResult {
  RolloutOptions options;
  GroupTimeEffects groupTime;
  Aggregates aggregates;
  std::optional<PreTrendTest> preTrend;
  std::optional<BootstrapResult> bootstrap;  // over the event-study effects
  std::optional<TwfeComparison> twfe;
  std::vector<std::string> warnings;  // the panel's, the cells', the TWFE comparison's
};

// Fatal errors are those of estimateGroupTime and aggregateEffects (and Cancelled); a TWFE
// comparison that cannot be fitted becomes a warning.
[[nodiscard]] Result<RolloutResult> runRollout(const Panel& panel, const RolloutOptions& options,
                                               const Progress& progress = {});

}  // namespace causeway::panel
