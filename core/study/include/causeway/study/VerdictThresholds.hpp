#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "causeway/common/Result.hpp"

// The thresholds of the verdict's checks, in one place. README ("The answer and the verdict")
// explains each; the CLI overrides them with --threshold NAME=VALUE.
namespace causeway::study {

struct VerdictThresholds {
  // Extrapolation: share of the estimand's population outside the common support of the
  // propensity scores. Above `extrapolationWarn` warn, above `extrapolationFail` fail.
  double extrapolationWarn = 0.10;
  double extrapolationFail = 0.25;
  // Overlap: share of units with scores outside [0.01, 0.99] (warn above), and the smallest
  // effective sample size after weighting as a share of its group (warn below).
  double extremeScoreShare = 0.05;
  double essShare = 0.10;
  // Balance after the answer's adjustment: largest |SMD| (warn above `smd`; fail above
  // `smdFail` when the answer relies on balance alone: weighting or matching), and variance
  // ratios of continuous covariates outside [1 / varianceRatio, varianceRatio] (warn).
  double smd = 0.10;
  double smdFail = 0.25;
  double varianceRatio = 2.0;
  // Implications: family-wise level of the Holm-adjusted tests (warn on any rejection).
  double implicationAlpha = 0.05;
  // Sensitivity: the E-value of the CI limit nearer the null must exceed this floor and the
  // E-value of the strongest measured covariate's confounding (warn otherwise).
  double eValueFloor = 1.25;
  // Agreement: the spread of the doubly robust, weighting and outcome-model estimates, in
  // standard errors of the answer (warn above).
  double agreementSe = 1.96;
  // Precision: CI width divided by |estimate| (warn above, and whenever the CI includes 0).
  double ciWidthRatio = 1.0;
  // Ties (matching answers only): shift of the estimate under the reverse tie order, in
  // standard errors of the answer (warn above).
  double tieShiftSe = 0.1;
};

// The names --threshold accepts ("extrapolation-warn", "smd", ...), in declaration order.
[[nodiscard]] std::vector<std::string> thresholdNames();
// Sets one threshold by name; InvalidArgument naming the valid names, or the bad value.
[[nodiscard]] Result<void> setThreshold(VerdictThresholds& thresholds, std::string_view name, double value);

}  // namespace causeway::study
