#include <cmath>

#include "EstimateSupport.hpp"
#include "WeightedStats.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation {

Result<EffectEstimate> estimateRegressionAdjustment(const data::Design& design, const EstimatorOptions& options) {
  if (auto ok = detail::checkInputs(design, nullptr, options.designValidated); !ok) return ok.error();
  LinearOptions lo;
  lo.covariance = options.regressionCovariance;
  lo.threads = options.threads;
  lo.leadingColumn = &design.treatment;  // y ~ t + X without copying X
  lo.leadingName = design.treatmentName;
  auto fit = fitLinear(design.covariates, design.outcome, design.covariateNames, nullptr, lo);
  if (!fit) return fit.error();
  EffectEstimate e;
  e.method = Method::RegressionAdjustment;
  e.estimand = options.estimand;
  e.estimate = fit->beta(1);
  e.se = fit->standardErrors(1);
  e.conventions = std::string("Coefficient of the treatment in OLS of the outcome on treatment + covariates; ") +
                  toString(options.regressionCovariance) + " sandwich SE (as R's sandwich::vcovHC).";
  e.notes.push_back("The coefficient is the average effect only if the effect is the same for everyone; under effect "
                    "heterogeneity it is a variance-weighted average, neither the ATE nor the ATT. G-computation "
                    "targets the estimand directly.");
  detail::finishEstimate(e, design, options);
  return e;
}

Result<EffectEstimate> estimateGComputation(const data::Design& design, const EstimatorOptions& options) {
  if (auto ok = detail::checkInputs(design, nullptr, options.designValidated); !ok) return ok.error();
  if (options.estimand == Estimand::ATO)
    return makeError(ErrorCode::InvalidArgument, "G-computation targets the ATE, ATT or ATC, not the ATO");
  auto models = detail::fitOutcomeModels(design, options.regressionCovariance, options.threads);
  if (!models) return models.error();
  return detail::gComputationFromModels(design, *models, options);
}

namespace detail {

Result<EffectEstimate> gComputationFromModels(const data::Design& design, const OutcomeModels& fitted,
                                              const EstimatorOptions& options) {
  if (options.estimand == Estimand::ATO)
    return makeError(ErrorCode::InvalidArgument, "G-computation targets the ATE, ATT or ATC, not the ATO");
  const OutcomeModels* models = &fitted;
  // Target population: everyone (ATE), the treated (ATT) or the controls (ATC), as 0/1 per unit.
  const auto targetOf = [&](Eigen::Index begin, Eigen::Index count) -> Eigen::ArrayXd {
    const auto t = design.treatment.segment(begin, count).array();
    if (options.estimand == Estimand::ATT) return t;
    if (options.estimand == Estimand::ATC) return 1.0 - t;
    return Eigen::ArrayXd::Ones(count);
  };
  // mu1(x) - mu0(x) over the target: its mean, then the squares of its deviations from it.
  const Eigen::Array2d counted = detail::sumOverPredictions<2>(
      design, *models, options.threads, [&](Eigen::Array2d& sums, Eigen::Index begin, const Eigen::ArrayXd& mu1,
                                            const Eigen::ArrayXd& mu0) {
        const Eigen::ArrayXd target = targetOf(begin, mu1.size());
        sums(0) += target.sum();
        sums(1) += (target * (mu1 - mu0)).sum();
      });
  const double nTarget = counted(0), meanEffect = counted(1) / nTarget;
  const double squares = detail::sumOverPredictions<1>(
      design, *models, options.threads,
      [&](Eigen::Array<double, 1, 1>& sums, Eigen::Index begin, const Eigen::ArrayXd& mu1, const Eigen::ArrayXd& mu0) {
        sums(0) += (targetOf(begin, mu1.size()) * (mu1 - mu0 - meanEffect).square()).sum();
      })(0);

  // SE by the delta method: tau = c'(b1 - b0) with c = (1, mean of X over the target), the arms
  // independent: c'(V1 + V0)c, plus the sampling variance of the covariate means,
  // var(mu1 - mu0 over the target) / n_target. With HC2 the first part equals the HC2 SE of
  // the treatment coefficient in Lin's (2013) fully interacted regression.
  const Eigen::Index p = design.covariates.cols();
  Eigen::VectorXd c = Eigen::VectorXd::Ones(p + 1);
  // Covariate means over the target: from X't, without a per-unit vector of target weights.
  const Eigen::VectorXd treatedSums = design.covariates.transpose() * design.treatment;
  switch (options.estimand) {
    case Estimand::ATT: c.tail(p) = treatedSums / nTarget; break;
    case Estimand::ATC: c.tail(p) = (design.covariates.colwise().sum().transpose() - treatedSums) / nTarget; break;
    default: c.tail(p) = design.covariates.colwise().sum().transpose() / nTarget; break;
  }
  // Aliased coefficients are fixed at 0: their (NaN) rows and columns contribute nothing.
  Eigen::MatrixXd armCovariance = Eigen::MatrixXd::Zero(p + 1, p + 1);
  for (const LinearFit* fit : {&models->treated, &models->control})
    for (Eigen::Index a = 0; a <= p; ++a)
      for (Eigen::Index b = 0; b <= p; ++b)
        if (std::isfinite(fit->covariance(a, b))) armCovariance(a, b) += fit->covariance(a, b);
  const double modelVariance = c.dot(armCovariance * c);
  const double populationVariance = nTarget > 1 ? squares / (nTarget - 1) / nTarget : 0.0;

  EffectEstimate e;
  e.method = Method::GComputation;
  e.estimand = options.estimand;
  e.estimate = meanEffect;
  e.se = std::sqrt(modelVariance + populationVariance);
  e.conventions = std::string("Separate OLS outcome models in each arm; mu1(x) - mu0(x) averaged over ") +
                  (options.estimand == Estimand::ATE ? "all units" : options.estimand == Estimand::ATT ? "the treated" : "the controls") +
                  ". SE: delta method with per-arm " + toString(options.regressionCovariance) +
                  " sandwich covariances plus the variance of the covariate means (for HC2 this adds the latter to "
                  "the HC2 SE of Lin's fully interacted regression).";
  e.notes = models->notes;
  detail::finishEstimate(e, design, options);
  return e;
}

}  // namespace detail
}  // namespace causeway::estimation
