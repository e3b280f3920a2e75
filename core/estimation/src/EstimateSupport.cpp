#include "EstimateSupport.hpp"

#include <cmath>
#include <sstream>

#include "WeightedStats.hpp"
#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/Distributions.hpp"
#include "causeway/estimation/EValue.hpp"

namespace causeway::estimation::detail {

Result<void> checkInputs(const data::Design& design, const Eigen::VectorXd* propensity, bool validated) {
  if (!validated)
    if (auto valid = validateDesign(design); !valid) return valid;
  if (propensity && propensity->size() != design.size())
    return makeError(ErrorCode::InvalidArgument, "Propensity scores: " + std::to_string(propensity->size()) +
                                                     " values for " + std::to_string(design.size()) + " units");
  return Ok{};
}

void finishEstimate(EffectEstimate& e, const data::Design& design, const EstimatorOptions& options,
                    const Eigen::VectorXd* weights) {
  e.methodName = displayName(e.method);
  e.level = options.level;
  const double z = criticalValue(options.level);
  e.ciLow = e.estimate - z * e.se;
  e.ciHigh = e.estimate + z * e.se;
  const double outcomeSd = std::sqrt(sampleVariance(design.outcome));
  const EValue ev = eValueForDifference(e.estimate, e.ciLow, e.ciHigh, outcomeSd);
  e.eValue = ev.point;
  e.eValueCi = ev.ci;
  e.nTreated = e.nControl = 0;
  for (Eigen::Index i = 0; i < design.size(); ++i) {
    if (weights && (*weights)(i) <= 0) continue;
    (design.treatment(i) == 1.0 ? e.nTreated : e.nControl) += 1;
  }
  e.n = e.nTreated + e.nControl;
  std::ostringstream text;
  text << " " << options.level * 100 << "% CI = estimate -/+ " << z << " x SE (normal). " << ev.conventions
       << " (outcome SD " << outcomeSd << ").";
  e.conventions += text.str();
}

Result<OutcomeModels> fitOutcomeModels(const data::Design& design, std::optional<CovarianceType> covariance,
                                       unsigned threads) {
  const Eigen::VectorXd& treatedMask = design.treatment;  // 0/1 already: no copy
  LinearOptions options;
  options.covariance = covariance.value_or(CovarianceType::Classical);
  options.computeCovariance = covariance.has_value();
  options.dropAliased = true;
  options.threads = threads;
  auto treated = fitLinear(design.covariates, design.outcome, design.covariateNames, &treatedMask, options);
  if (!treated) return makeError(treated.error().code, "Outcome model among the treated: " + treated.error().message, treated.error().context);
  auto control = [&] {  // the control mask is gone before the two predictions are made
    const Eigen::VectorXd controlMask = (1.0 - design.treatment.array()).matrix();
    return fitLinear(design.covariates, design.outcome, design.covariateNames, &controlMask, options);
  }();
  if (!control) return makeError(control.error().code, "Outcome model among the controls: " + control.error().message, control.error().context);
  OutcomeModels out{std::move(*treated), std::move(*control), {}};
  for (const auto& [fit, arm] : {std::pair<const LinearFit*, const char*>{&out.treated, "treated"},
                                  std::pair<const LinearFit*, const char*>{&out.control, "control"}}) {
    std::string dropped;
    for (std::size_t j = 1; j < fit->aliased.size(); ++j)
      if (fit->aliased[j]) dropped += (dropped.empty() ? "'" : ", '") + fit->names[j] + "'";
    if (!dropped.empty())
      out.notes.push_back(std::string("Outcome model in the ") + arm + " arm: " + dropped +
                          " constant or collinear within the arm, dropped (coefficient 0, as R's lm)");
  }
  return out;
}

}  // namespace causeway::estimation::detail
