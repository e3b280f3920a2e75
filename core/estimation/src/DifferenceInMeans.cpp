#include <cmath>

#include "EstimateSupport.hpp"
#include "WeightedStats.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation {

Result<EffectEstimate> estimateDifferenceInMeans(const data::Design& design, const EstimatorOptions& options) {
  if (auto ok = detail::checkInputs(design, nullptr, options.designValidated); !ok) return ok.error();
  const auto group = [&](double value) {
    return detail::momentsWhere(
        design.size(), [&](Eigen::Index i) { return design.outcome.coeff(i); },
        [&](Eigen::Index i) { return design.treatment.coeff(i) == value; });
  };
  const detail::MaskedMoments y1 = group(1.0), y0 = group(0.0);
  if (y1.count < 2 || y0.count < 2)
    return makeError(ErrorCode::EmptyGroup, "Difference in means needs at least two units per group");
  EffectEstimate e;
  e.method = Method::DifferenceInMeans;
  e.estimand = options.estimand;
  e.estimate = y1.mean - y0.mean;
  e.se = std::sqrt(y1.variance / y1.count + y0.variance / y0.count);
  e.conventions = "Unadjusted difference of group means; Welch SE sqrt(s1^2/n1 + s0^2/n0).";
  e.notes.push_back("No adjustment for confounding: this equals the causal effect only if treatment was randomised.");
  detail::finishEstimate(e, design, options);
  return e;
}

}  // namespace causeway::estimation
