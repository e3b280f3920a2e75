#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"
#include "causeway/estimation/Estimand.hpp"

namespace causeway::estimation {

struct WeightOptions {
  Estimand estimand = Estimand::ATT;
  // Multiply each unit's weight by the share of units in its group (WeightIt's `stabilize`).
  bool stabilize = false;
  // Rescale within each group so the weights sum to the group size (mean 1). Hájek estimators
  // are unchanged by this; it only makes the numbers easier to read.
  bool normalizeWithinGroup = false;
  // Truncation ("winsorising"): weights above the q-quantile (R type 7) of their group's weights
  // are set to that quantile. Groups whose weights are all equal (the focal group of ATT/ATC)
  // are left alone. Applied before stabilisation/normalisation.
  std::optional<double> truncateQuantile;
};

struct WeightResult {
  Eigen::VectorXd weights;
  std::size_t truncatedTreated = 0;
  std::size_t truncatedControl = 0;
  std::optional<double> truncationThresholdTreated;  // the cap applied, if any
  std::optional<double> truncationThresholdControl;
  std::vector<bool> cappedUnits;  // per unit: weight set to the cap (empty without truncation)
  std::string conventions;
};

// Balancing weights from propensity scores e (Li, Morgan & Zaslavsky 2018):
// ATE 1/e and 1/(1-e); ATT 1 and e/(1-e); ATC (1-e)/e and 1; ATO 1-e and e (treated, control).
// Errors: InvalidArgument (sizes, e outside (0,1) where the weight would be infinite).
[[nodiscard]] Result<WeightResult> computeWeights(const Eigen::VectorXd& treatment, const Eigen::VectorXd& propensity,
                                                  const WeightOptions& options = {});

// Trimming by propensity bounds: units with e outside [lower, upper] are dropped (not reweighted).
struct TrimResult {
  std::vector<Eigen::Index> kept;  // row indices kept, in order
  std::size_t droppedTreated = 0;
  std::size_t droppedControl = 0;
  double lower = 0.0;
  double upper = 1.0;
};
[[nodiscard]] TrimResult trimByPropensity(const Eigen::VectorXd& treatment, const Eigen::VectorXd& propensity,
                                          double lower, double upper);

}  // namespace causeway::estimation
