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
  // Views, not copies, and the outcome predictions made block by block: no per-unit vector is
  // stored at the pipeline's memory peak.
  const auto t = design.treatment.array();
  const auto y = design.outcome.array();
  const auto ps = propensity.array();
  const auto n = static_cast<double>(t.size());
  const unsigned threads = options.threads;
  // ATT/ATC: a = focal / mean(focal), b = odds / mean(odds), r = y - mu0 (ATT) or y - mu1 (ATC).
  const bool ate = options.estimand == Estimand::ATE, att = options.estimand == Estimand::ATT;
  const auto focal = [&](Eigen::Index begin, Eigen::Index count) -> Eigen::ArrayXd {
    const auto tb = t.segment(begin, count);
    return att ? Eigen::ArrayXd(tb) : Eigen::ArrayXd(1 - tb);
  };
  const auto odds = [&](Eigen::Index begin, Eigen::Index count) -> Eigen::ArrayXd {
    const auto tb = t.segment(begin, count), pb = ps.segment(begin, count);
    return att ? Eigen::ArrayXd((1 - tb) * pb / (1 - pb)) : Eigen::ArrayXd(tb * (1 - pb) / pb);
  };
  const auto residual = [&](Eigen::Index begin, const Eigen::ArrayXd& mu1, const Eigen::ArrayXd& mu0) -> Eigen::ArrayXd {
    const auto yb = y.segment(begin, mu1.size());
    return att ? Eigen::ArrayXd(yb - mu0) : Eigen::ArrayXd(yb - mu1);
  };
  double focalMean = 1.0, oddsMean = 1.0, ma = 0.0, mb = 0.0, tau = 0.0;
  if (!ate) {
    focalMean = att ? t.mean() : (1 - t).mean();
    oddsMean = att ? ((1 - t) * ps / (1 - ps)).mean() : (t * (1 - ps) / ps).mean();
    const Eigen::Array2d weighted = detail::sumOverPredictions<2>(
        design, *models, threads,
        [&](Eigen::Array2d& sums, Eigen::Index begin, const Eigen::ArrayXd& mu1, const Eigen::ArrayXd& mu0) {
          const Eigen::ArrayXd r = residual(begin, mu1, mu0);
          sums(0) += (focal(begin, r.size()) / focalMean * r).sum();
          sums(1) += (odds(begin, r.size()) / oddsMean * r).sum();
        });
    ma = weighted(0) / n;
    mb = weighted(1) / n;
    tau = att ? ma - mb : mb - ma;
  }
  // phi over the rows [begin, begin + mu1.size()) from the predictions there.
  const auto phiOf = [&](Eigen::Index begin, const Eigen::ArrayXd& mu1, const Eigen::ArrayXd& mu0) -> Eigen::ArrayXd {
    const Eigen::Index count = mu1.size();
    if (ate) {
      const auto tb = t.segment(begin, count), yb = y.segment(begin, count), pb = ps.segment(begin, count);
      return mu1 - mu0 + tb * (yb - mu1) / pb - (1 - tb) * (yb - mu0) / (1 - pb);
    }
    const Eigen::ArrayXd r = residual(begin, mu1, mu0);
    const Eigen::ArrayXd a = focal(begin, count) / focalMean, b = odds(begin, count) / oddsMean;
    return (att ? 1.0 : -1.0) * (a * (r - ma) - b * (r - mb)) + tau;
  };
  // A value close to mean(phi), so that the sum of squares about it stays accurate: tau for the
  // ATT/ATC (a and b average 1), a first pass for the ATE.
  const double shift = !ate ? tau
                            : detail::sumOverPredictions<1>(design, *models, threads,
                                                            [&](Eigen::Array<double, 1, 1>& sums, Eigen::Index begin,
                                                                const Eigen::ArrayXd& mu1, const Eigen::ArrayXd& mu0) {
                                                              sums(0) += phiOf(begin, mu1, mu0).sum();
                                                            })(0) /
                                  n;
  // Mean and n-1 variance of phi from its sum and sum of squares about `shift`.
  const Eigen::Array2d about = detail::sumOverPredictions<2>(
      design, *models, threads,
      [&](Eigen::Array2d& sums, Eigen::Index begin, const Eigen::ArrayXd& mu1, const Eigen::ArrayXd& mu0) {
        const Eigen::ArrayXd d = phiOf(begin, mu1, mu0) - shift;
        sums(0) += d.sum();
        sums(1) += d.square().sum();
      });
  EffectEstimate e;
  e.method = Method::Aipw;
  e.estimand = options.estimand;
  e.estimate = shift + about(0) / n;
  e.se = std::sqrt((about(1) - about(0) * about(0) / n) / (n - 1) / n);
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
