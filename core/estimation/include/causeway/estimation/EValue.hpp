#pragma once

#include <string>

namespace causeway::estimation {

// E-value (VanderWeele & Ding, Ann Intern Med 2017): the minimum strength of association, on
// the risk-ratio scale, that an unmeasured confounder would need with both treatment and
// outcome to explain the estimate away.
struct EValue {
  double point = 1.0;  // for the estimate
  double ci = 1.0;     // for the CI limit nearer 1 (1 when the CI includes the null)
  double riskRatio = 1.0;
  double riskRatioLow = 1.0;
  double riskRatioHigh = 1.0;
  std::string conventions;
};

// RR + sqrt(RR (RR - 1)) for RR >= 1; RR < 1 is replaced by 1 / RR first.
[[nodiscard]] double eValueOfRiskRatio(double riskRatio);
[[nodiscard]] EValue eValueForRiskRatio(double riskRatio, double low, double high);
// Continuous outcome: d = difference / outcomeSd and RR ~ exp(0.91 d), applied to the
// estimate and to each CI limit.
[[nodiscard]] EValue eValueForDifference(double estimate, double low, double high, double outcomeSd);

}  // namespace causeway::estimation
