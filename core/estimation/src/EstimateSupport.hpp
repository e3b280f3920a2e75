#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Parallel.hpp"
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

// Per-arm least-squares outcome models mu1(x), mu0(x).
struct OutcomeModels {
  LinearFit treated;
  LinearFit control;
  std::vector<std::string> notes;  // e.g. columns dropped as aliased within an arm
};
// `covariance` empty: predictions only (no sandwich pass).
[[nodiscard]] Result<OutcomeModels> fitOutcomeModels(const data::Design& design, std::optional<CovarianceType> covariance,
                                                     unsigned threads);

// K sums over the units of what `visit(sums, begin, mu1, mu0)` adds for the rows
// [begin, begin + mu1.size()), given both arms' predictions there. The predictions are made
// block by block, never held for every unit (two vectors of n doubles at the pipeline's peak);
// blocks go to threads, and their sums are added in row order: the same result for any count.
template <int K, typename Visit>
Eigen::Array<double, K, 1> sumOverPredictions(const data::Design& design, const OutcomeModels& models, unsigned threads,
                                              Visit&& visit) {
  constexpr Eigen::Index kRows = 8192;
  const Eigen::Index n = design.size(), p = design.covariates.cols();
  const auto blocks = static_cast<std::size_t>((n + kRows - 1) / kRows);
  std::vector<Eigen::Array<double, K, 1>> partial(blocks, Eigen::Array<double, K, 1>::Zero());
  parallelFor(blocks, threads, [&](std::size_t b) {
    const Eigen::Index begin = static_cast<Eigen::Index>(b) * kRows, count = std::min(kRows, n - begin);
    const auto x = design.covariates.middleRows(begin, count);
    const Eigen::ArrayXd mu1 = (x * models.treated.beta.tail(p)).array() + models.treated.beta(0);
    const Eigen::ArrayXd mu0 = (x * models.control.beta.tail(p)).array() + models.control.beta(0);
    visit(partial[b], begin, mu1, mu0);
  });
  Eigen::Array<double, K, 1> total = Eigen::Array<double, K, 1>::Zero();
  for (const auto& sums : partial) total += sums;
  return total;
}

// The estimators on outcome models fitted once (the pipeline shares them between g-computation
// and AIPW). The Design must already be validated.
[[nodiscard]] Result<EffectEstimate> gComputationFromModels(const data::Design& design, const OutcomeModels& models,
                                                            const EstimatorOptions& options);
[[nodiscard]] Result<EffectEstimate> aipwFromModels(const data::Design& design, const Eigen::VectorXd& propensity,
                                                    const OutcomeModels& models, const EstimatorOptions& options);

}  // namespace causeway::estimation::detail
