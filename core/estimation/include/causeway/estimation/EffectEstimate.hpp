#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "causeway/estimation/Bootstrap.hpp"
#include "causeway/estimation/Estimand.hpp"
#include "causeway/estimation/LinearRegression.hpp"
#include "causeway/estimation/LogisticRegression.hpp"
#include "causeway/estimation/NearestNeighborMatching.hpp"

namespace causeway::estimation {

enum class Method {
  DifferenceInMeans,     // unadjusted, Welch SE
  RegressionAdjustment,  // OLS of y on T + X, coefficient of T, sandwich SE
  GComputation,          // per-arm OLS outcome models averaged over the target population
  Ipw,                   // Hájek inverse probability weighting, sandwich SE of y ~ T (WLS)
  Matching,              // nearest-neighbour matching, weighted difference in the matched sample
  Aipw,                  // augmented IPW (doubly robust), influence-function SE
};

[[nodiscard]] const char* toString(Method method);          // "ipw", "aipw", ...
[[nodiscard]] const char* displayName(Method method);       // "Inverse probability weighting", ...
[[nodiscard]] std::optional<Method> parseMethod(std::string_view text);
[[nodiscard]] bool needsPropensity(Method method);
// Why `method` does not estimate `estimand` (matching under the ATE, the regression coefficient
// under the ATT, ...); none when it does.
[[nodiscard]] std::optional<std::string> notApplicableReason(Method method, Estimand estimand);
[[nodiscard]] const std::vector<Method>& allMethods();

struct EstimatorOptions {
  Estimand estimand = Estimand::ATT;
  double level = 0.95;  // for CIs
  CovarianceType regressionCovariance = CovarianceType::HC2;  // lm_robust's default
  // IPW SE: true = M-estimation sandwich that accounts for the propensity model (the scores
  // must be the logistic fit of T on an intercept and the design's covariates, as
  // estimateEffect and runEstimation produce); false = `weightingCovariance` sandwich of the
  // weighted y ~ T with the weights taken as known (R: sandwich::vcovHC(lm(y ~ t, weights = w))).
  bool ipwAccountForPropensityModel = true;
  CovarianceType weightingCovariance = CovarianceType::HC0;
  bool stabilizeWeights = false;
  std::optional<double> truncateQuantile;
  MatchingOptions matching;  // its estimand is taken from `estimand`
  LogisticOptions propensity;
  // Units with propensity outside [first, second] are dropped before estimating (the model is
  // not refitted); used by estimateEffect.
  std::optional<std::pair<double, double>> trim;
  unsigned threads = 0;
  // Set by a caller that ran validateDesign on this very design: the estimators then skip
  // their own check (a pass over every column). Never set it for a resampled or edited design.
  bool designValidated = false;
  // The unpenalised propensity fit on this very design whose fitted values are `scores`: the IPW
  // sandwich then reuses its information instead of summing it again. Used only when the
  // propensity vector an estimator gets is `scores` itself (not a resample or a trimmed copy).
  struct PropensityInformation {
    const Eigen::VectorXd* scores = nullptr;
    StandardizedInformation information;
  };
  const PropensityInformation* propensityInformation = nullptr;
};

struct EffectEstimate {
  Method method = Method::DifferenceInMeans;
  std::string methodName;
  Estimand estimand = Estimand::ATT;
  double estimate = 0.0;
  double se = 0.0;
  double ciLow = 0.0;  // estimate -/+ z * se (normal)
  double ciHigh = 0.0;
  double level = 0.95;
  double eValue = 1.0;    // for the estimate
  double eValueCi = 1.0;  // for the CI limit nearer the null
  std::size_t n = 0;      // units contributing (e.g. matched units for matching)
  std::size_t nTreated = 0;
  std::size_t nControl = 0;
  std::string conventions;         // how SE, CI and E-value were computed
  std::vector<std::string> notes;  // caveats specific to this run
  std::optional<BootstrapSummary> bootstrap;
};

}  // namespace causeway::estimation
