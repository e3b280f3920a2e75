#include <cmath>
#include <sstream>

#include "EstimateSupport.hpp"
#include "IpwVariance.hpp"
#include "WeightedStats.hpp"
#include "causeway/estimation/Estimators.hpp"
#include "causeway/estimation/PropensityWeights.hpp"

namespace causeway::estimation {
namespace {

// Weighted least squares of y on T: the coefficient is the Hájek weighted difference in means.
Result<LinearFit> weightedDifference(const data::Design& design, const Eigen::VectorXd& weights, CovarianceType covariance,
                                     const std::vector<std::int64_t>* clusters, unsigned threads) {
  LinearOptions lo;
  lo.covariance = covariance;
  lo.clusters = clusters;
  lo.threads = threads;
  lo.leadingColumn = &design.treatment;  // y ~ t, the treatment not copied into a matrix
  lo.leadingName = design.treatmentName;
  const Eigen::MatrixXd noCovariates(design.size(), 0);
  return fitLinear(noCovariates, design.outcome, {}, &weights, lo);
}

std::string essNote(const Eigen::VectorXd& weights, const Eigen::VectorXd& treatment) {
  std::ostringstream text;
  text.precision(4);
  text << "Effective sample size: " << detail::effectiveSampleSizeWhere(weights, treatment, 1.0) << " treated, "
       << detail::effectiveSampleSizeWhere(weights, treatment, 0.0) << " control.";
  return text.str();
}

}  // namespace

Result<EffectEstimate> estimateIpw(const data::Design& design, const Eigen::VectorXd& propensity,
                                   const EstimatorOptions& options) {
  if (auto ok = detail::checkInputs(design, &propensity, options.designValidated); !ok) return ok.error();
  WeightOptions wo;
  wo.estimand = options.estimand;
  wo.stabilize = options.stabilizeWeights;
  wo.truncateQuantile = options.truncateQuantile;
  auto weights = computeWeights(design.treatment, propensity, wo);
  if (!weights) return weights.error();
  auto fit = weightedDifference(design, weights->weights, options.weightingCovariance, nullptr, options.threads);
  if (!fit) return fit.error();
  EffectEstimate e;
  e.method = Method::Ipw;
  e.estimand = options.estimand;
  e.estimate = fit->beta(1);
  e.se = fit->standardErrors(1);
  e.conventions = weights->conventions + " Hajek estimate: weighted mean of treated minus weighted mean of controls "
                  "(= WLS of outcome on treatment).";
  if (options.ipwAccountForPropensityModel) {
    const auto* known = options.propensityInformation;
    const bool reuse = known && known->scores == &propensity &&
                       known->information.inverse.rows() == design.covariates.cols() + 1 &&
                       known->information.means.size() == design.covariates.cols();
    e.se = std::sqrt(detail::ipwMEstimationVariance(design.covariates, design.treatment, design.outcome, propensity,
                                                    weights->weights, options.estimand, weights->cappedUnits,
                                                    fit->beta(0), fit->beta(1), options.threads,
                                                    reuse ? &known->information : nullptr));
    e.conventions += " SE: sandwich of the stacked estimating equations of the logistic propensity model and the "
                     "weighted regression (M-estimation, as WeightIt), so the estimation of the propensity score is "
                     "accounted for; it assumes the scores are the logistic fit on these covariates.";
  } else {
    e.conventions += std::string(" SE: ") + toString(options.weightingCovariance) +
                     " sandwich of that WLS (as sandwich::vcovHC on lm(y ~ t, weights = w)), treating the weights "
                     "as known (ignores propensity estimation; usually conservative).";
  }
  e.notes.push_back(essNote(weights->weights, design.treatment));
  detail::finishEstimate(e, design, options);
  return e;
}

Result<EffectEstimate> estimateMatching(const data::Design& design, const Eigen::VectorXd& propensity,
                                        const EstimatorOptions& options, MatchingResult* matchingOut) {
  if (auto ok = detail::checkInputs(design, &propensity, options.designValidated); !ok) return ok.error();
  MatchingOptions mo = options.matching;
  mo.estimand = options.estimand;
  auto matching = matchNearestNeighbor(design.treatment, propensity, mo);
  if (!matching) return matching.error();
  // Without replacement: cluster-robust on the matched sets (MatchIt's vignette); with
  // replacement units belong to several sets, so HC1 on the weighted regression instead.
  const CovarianceType covariance = mo.replace ? CovarianceType::HC1 : CovarianceType::ClusterCR1;
  auto fit = weightedDifference(design, matching->weights, covariance, mo.replace ? nullptr : &matching->subclass,
                                options.threads);
  if (!fit) return fit.error();
  EffectEstimate e;
  e.method = Method::Matching;
  e.estimand = options.estimand;
  e.estimate = fit->beta(1);
  e.se = fit->standardErrors(1);
  e.conventions = matching->conventions +
                  " Estimate: weighted difference in means in the matched sample (= lm(y ~ t, weights) on "
                  "match.data). SE: " +
                  (mo.replace ? std::string("HC1 sandwich of that regression (sandwich::vcovHC(type = \"HC1\"))")
                              : std::string("cluster-robust on matched sets, CR1 (sandwich::vcovCL(cluster = ~subclass))")) +
                  ", treating the matching as fixed.";
  if (matching->focalMatched < matching->focalTotal)
    e.notes.push_back(std::to_string(matching->focalTotal - matching->focalMatched) + " of " +
                      std::to_string(matching->focalTotal) +
                      " focal units found no match: the estimate refers to the matched units, not the full " +
                      toString(options.estimand) + " population.");
  detail::finishEstimate(e, design, options, &matching->weights);
  if (matchingOut) *matchingOut = std::move(*matching);
  return e;
}

}  // namespace causeway::estimation
