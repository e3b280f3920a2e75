#pragma once

#include <Eigen/Core>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Design.hpp"
#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/estimation/NearestNeighborMatching.hpp"

namespace causeway::estimation {

// Each estimator validates the Design (EmptyGroup, NonBinaryTreatment, MissingData, ...) and
// fills estimate, SE, normal CI, E-value and conventions. Those taking `propensity` use the
// scores given (one per row of the Design); estimateEffect fits them.

[[nodiscard]] Result<EffectEstimate> estimateDifferenceInMeans(const data::Design& design,
                                                               const EstimatorOptions& options = {});
[[nodiscard]] Result<EffectEstimate> estimateRegressionAdjustment(const data::Design& design,
                                                                  const EstimatorOptions& options = {});
// ATE, ATT or ATC.
[[nodiscard]] Result<EffectEstimate> estimateGComputation(const data::Design& design,
                                                          const EstimatorOptions& options = {});
[[nodiscard]] Result<EffectEstimate> estimateIpw(const data::Design& design, const Eigen::VectorXd& propensity,
                                                 const EstimatorOptions& options = {});
// ATT or ATC. `matchingOut`, when given, receives the matching itself (weights, sets).
[[nodiscard]] Result<EffectEstimate> estimateMatching(const data::Design& design, const Eigen::VectorXd& propensity,
                                                      const EstimatorOptions& options = {},
                                                      MatchingResult* matchingOut = nullptr);
// ATE, ATT or ATC.
[[nodiscard]] Result<EffectEstimate> estimateAipw(const data::Design& design, const Eigen::VectorXd& propensity,
                                                  const EstimatorOptions& options = {});

// The whole procedure for one method: fit the propensity model (logistic on all covariates)
// when the method needs it or trimming is requested, trim, then estimate.
[[nodiscard]] Result<EffectEstimate> estimateEffect(const data::Design& design, Method method,
                                                    const EstimatorOptions& options = {},
                                                    const Progress& progress = {});

}  // namespace causeway::estimation
