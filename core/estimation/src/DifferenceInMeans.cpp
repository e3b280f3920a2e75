#include <cmath>

#include "EstimateSupport.hpp"
#include "WeightedStats.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation {

Result<EffectEstimate> estimateDifferenceInMeans(const data::Design& design, const EstimatorOptions& options) {
  if (auto ok = detail::checkInputs(design, nullptr, options.designValidated); !ok) return ok.error();
  const Eigen::Array<bool, Eigen::Dynamic, 1> treated = design.treatment.array() == 1.0;
  const Eigen::VectorXd y1 = detail::selectWhere(design.outcome, treated);
  const Eigen::VectorXd y0 = detail::selectWhere(design.outcome, !treated);
  if (y1.size() < 2 || y0.size() < 2)
    return makeError(ErrorCode::EmptyGroup, "Difference in means needs at least two units per group");
  EffectEstimate e;
  e.method = Method::DifferenceInMeans;
  e.estimand = options.estimand;
  e.estimate = y1.mean() - y0.mean();
  e.se = std::sqrt(detail::sampleVariance(y1) / static_cast<double>(y1.size()) +
                   detail::sampleVariance(y0) / static_cast<double>(y0.size()));
  e.conventions = "Unadjusted difference of group means; Welch SE sqrt(s1^2/n1 + s0^2/n0).";
  e.notes.push_back("No adjustment for confounding: this equals the causal effect only if treatment was randomised.");
  detail::finishEstimate(e, design, options);
  return e;
}

}  // namespace causeway::estimation
