#pragma once

#include <optional>
#include <string>

#include "causeway/data/Design.hpp"
#include "causeway/estimation/EffectEstimate.hpp"

namespace causeway::estimation::detail {

// Common start of every estimator: validation (skipped when `validated`: the caller ran
// validateDesign on this design), and the propensity vector's length.
[[nodiscard]] Result<void> checkInputs(const data::Design& design, const Eigen::VectorXd* propensity, bool validated);

// Fills the normal CI, the E-value (outcome SD of the design), group sizes (units with
// positive `weights` when given) and appends the CI/E-value conventions.
void finishEstimate(EffectEstimate& estimate, const data::Design& design, const EstimatorOptions& options,
                    const Eigen::VectorXd* weights = nullptr);

// Per-arm least-squares outcome models mu1(x), mu0(x) for every unit.
struct OutcomeModels {
  Eigen::VectorXd mu1;
  Eigen::VectorXd mu0;
  LinearFit treated;
  LinearFit control;
  std::vector<std::string> notes;  // e.g. columns dropped as aliased within an arm
};
// `covariance` empty: predictions only (no sandwich pass).
[[nodiscard]] Result<OutcomeModels> fitOutcomeModels(const data::Design& design, std::optional<CovarianceType> covariance,
                                                     unsigned threads);

// The estimators on outcome models fitted once (the pipeline shares them between g-computation
// and AIPW). The Design must already be validated.
[[nodiscard]] Result<EffectEstimate> gComputationFromModels(const data::Design& design, const OutcomeModels& models,
                                                            const EstimatorOptions& options);
[[nodiscard]] Result<EffectEstimate> aipwFromModels(const data::Design& design, const Eigen::VectorXd& propensity,
                                                    const OutcomeModels& models, const EstimatorOptions& options);

}  // namespace causeway::estimation::detail
