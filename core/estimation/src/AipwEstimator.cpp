#include <cmath>

#include "EstimateSupport.hpp"
#include "WeightedStats.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation {

// ATE:  phi_i = mu1 - mu0 + T (y - mu1) / e - (1 - T)(y - mu0) / (1 - e), tau = mean(phi).
// ATT:  a = T / mean(T) (focal), b = (1 - T) e/(1 - e) / mean(...) (reweighted controls),
//       r = y - mu0, tau = mean(a r) - mean(b r),
//       phi_i = a (r - mean(a r)) - b (r - mean(b r)) + tau.
// ATC mirrors ATT with the arms swapped (focal controls, treated reweighted by (1-e)/e, r = y - mu1).
// SE = sd(phi) / sqrt(n) in every case.
Result<EffectEstimate> estimateAipw(const data::Design& design, const Eigen::VectorXd& propensity,
                                    const EstimatorOptions& options) {
  if (auto ok = detail::checkInputs(design, &propensity, options.designValidated); !ok) return ok.error();
  if (options.estimand == Estimand::ATO)
    return makeError(ErrorCode::InvalidArgument, "AIPW here targets the ATE, ATT or ATC, not the ATO");
  if (!((propensity.array() > 0.0) && (propensity.array() < 1.0)).all())
    return makeError(ErrorCode::InvalidArgument, "AIPW: propensity scores must lie strictly between 0 and 1");
  auto models = detail::fitOutcomeModels(design, std::nullopt, options.threads);
  if (!models) return models.error();
  return detail::aipwFromModels(design, propensity, *models, options);
}

namespace detail {

Result<EffectEstimate> aipwFromModels(const data::Design& design, const Eigen::VectorXd& propensity,
                                      const OutcomeModels& fitted, const EstimatorOptions& options) {
  if (options.estimand == Estimand::ATO)
    return makeError(ErrorCode::InvalidArgument, "AIPW here targets the ATE, ATT or ATC, not the ATO");
  const OutcomeModels* models = &fitted;
  // Views, not copies: five per-unit vectors would be held twice at the pipeline's peak.
  const auto t = design.treatment.array();
  const auto y = design.outcome.array();
  const auto ps = propensity.array();
  const auto mu1 = models->mu1.array();
  const auto mu0 = models->mu0.array();
  const auto n = static_cast<double>(t.size());

  Eigen::ArrayXd phi;
  if (options.estimand == Estimand::ATE) {
    phi = mu1 - mu0 + t * (y - mu1) / ps - (1 - t) * (y - mu0) / (1 - ps);
  } else {
    const bool att = options.estimand == Estimand::ATT;
    const Eigen::ArrayXd focal = att ? Eigen::ArrayXd(t) : Eigen::ArrayXd(1 - t);
    const Eigen::ArrayXd odds = att ? Eigen::ArrayXd((1 - t) * ps / (1 - ps)) : Eigen::ArrayXd(t * (1 - ps) / ps);
    const Eigen::ArrayXd a = focal / focal.mean(), b = odds / odds.mean();
    const Eigen::ArrayXd r = att ? Eigen::ArrayXd(y - mu0) : Eigen::ArrayXd(y - mu1);
    const double ma = (a * r).mean(), mb = (b * r).mean();
    const double tau = att ? ma - mb : mb - ma;
    phi = (att ? 1.0 : -1.0) * (a * (r - ma) - b * (r - mb)) + tau;
  }
  EffectEstimate e;
  e.method = Method::Aipw;
  e.estimand = options.estimand;
  e.estimate = phi.mean();
  e.se = std::sqrt(detail::sampleVariance(phi.matrix()) / n);
  e.conventions = std::string("Augmented IPW with per-arm OLS outcome models and the given propensity scores; ") +
                  (options.estimand == Estimand::ATE ? "ATE score mu1 - mu0 + T(y-mu1)/e - (1-T)(y-mu0)/(1-e)"
                                                     : "normalised (Hajek) doubly robust score for the ATT/ATC") +
                  "; SE = SD(influence function) / sqrt(n) (n-1 in the SD), nuisance estimation ignored (valid "
                  "when both models are consistent).";
  e.notes = models->notes;
  detail::finishEstimate(e, design, options);
  return e;
}

}  // namespace detail
}  // namespace causeway::estimation
