#include "causeway/estimation/Refuters.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <stdexcept>

#include "LalondeData.hpp"
#include "causeway/estimation/Estimators.hpp"
#include "causeway/estimation/LogisticRegression.hpp"

namespace causeway::estimation {
namespace {

EffectEstimate fixed(double estimate, double se) {
  EffectEstimate e;
  e.estimate = estimate;
  e.se = se;
  return e;
}

EffectFunction lalondeMethod(Method method) {
  return [method](const data::Design& x) {
    EstimatorOptions o;
    o.threads = 1;
    return estimateEffect(x, method, o);  // ATT, as the Lalonde study asks
  };
}

// AIPW and IPW are consistent under a permuted treatment, whose true ATT is 0: their placebo
// draws must be centred on 0 relative to their spread (the old Monte-Carlo test of the mean
// flagged AIPW at mean -296 +/- 134).
TEST(EstimationRefuters, LalondeAttPlaceboPassesForIpwAndAipw) {
  const data::Design d = testing::loadLalonde();
  for (Method method : {Method::Aipw, Method::Ipw}) {
    const EffectFunction f = lalondeMethod(method);
    const EffectEstimate original = *f(d);
    const auto r = refutePlaceboTreatment(d, f, original, RefuterOptions{});  // 20 draws, as the pipeline
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->estimates.size(), 20U);
    EXPECT_EQ(r->verdict, Verdict::Pass) << toString(method) << ": " << r->explanation;
    EXPECT_LE(std::fabs(r->mean), 0.5 * r->sd) << toString(method);
    // The reported SD is the sample SD (n - 1) of the draws, written out here.
    double sum = 0.0, squares = 0.0;
    for (const double x : r->estimates) sum += x;
    const double mean = sum / static_cast<double>(r->estimates.size());
    for (const double x : r->estimates) squares += (x - mean) * (x - mean);
    EXPECT_NEAR(r->mean, mean, 1e-9 * std::fabs(mean) + 1e-9);
    EXPECT_NEAR(r->sd, std::sqrt(squares / static_cast<double>(r->estimates.size() - 1)), 1e-9 * r->sd);
    EXPECT_NEAR(r->originalZ, (original.estimate - r->mean) / r->sd, 1e-12);
    // The 20-draw mean (about -296 for AIPW) is Monte-Carlo luck: with 200 draws the placebo
    // distribution is centred on the true 0 within 3 Monte-Carlo SEs.
    RefuterOptions many;
    many.draws = 200;
    const auto wide = refutePlaceboTreatment(d, f, original, many);
    ASSERT_TRUE(wide.ok());
    EXPECT_LT(std::fabs(wide->mean), 3 * wide->sd / std::sqrt(200.0)) << toString(method) << ": " << wide->explanation;
    // The draws' spread is the estimator's sampling spread under the null, which the original SE
    // estimates: with 200 draws their SD is known to about 5%, so it must match within 30%.
    EXPECT_NEAR(wide->sd / original.se, 1.0, 0.3) << toString(method) << ": sd " << wide->sd << ", se " << original.se;
    EXPECT_EQ(wide->verdict, Verdict::Pass);
  }
}

// The verdict on distributions with a known answer: 20 (or 10) draws of -1/+1 shifted by c have
// mean c and SD sqrt(k/(k-1)); the threshold is max(0.5, 1.96/sqrt(k)) SD.
Refutation draws(std::size_t k, double shift, double original) {
  Refutation r;
  r.originalEstimate = original;
  for (std::size_t i = 0; i < k; ++i) r.estimates.push_back((i % 2 == 0 ? -1.0 : 1.0) + shift);
  return r;
}

TEST(EstimationRefuters, PlaceboVerdictJudgesTheCentreAgainstTheDrawsSpread) {
  auto r = draws(20, 0.0, 3.0);
  judgePlacebo(r, 0.5);
  EXPECT_EQ(r.verdict, Verdict::Pass);
  EXPECT_NEAR(r.sd, std::sqrt(20.0 / 19.0), 1e-12);
  EXPECT_NEAR(r.originalZ, 2.9240383034426896, 1e-12);       // 3 / sqrt(20/19)
  EXPECT_NEAR(r.originalPValue, 0.0034552222675230137, 1e-12);  // Python: math.erfc(z / sqrt(2))
  EXPECT_EQ(r.fractionAsExtreme, 0.0);
  EXPECT_NE(r.explanation.find("distinguishable from a null effect"), std::string::npos);

  r = draws(20, 0.4, 1.0);  // 0.4 < 0.5 x 1.026 = 0.513
  judgePlacebo(r, 0.5);
  EXPECT_EQ(r.verdict, Verdict::Pass) << r.explanation;
  EXPECT_EQ(r.fractionAsExtreme, 0.5);  // the ten draws at 1.4 (0.6 < 1)

  r = draws(20, 0.6, 1.0);  // 0.6 > 0.513
  judgePlacebo(r, 0.5);
  EXPECT_EQ(r.verdict, Verdict::Concern) << r.explanation;
  EXPECT_NE(r.explanation.find("biased"), std::string::npos);

  // Ten draws: Monte-Carlo noise dominates, 1.96/sqrt(10) x sqrt(10/9) = 0.653.
  r = draws(10, 0.6, 1.0);
  judgePlacebo(r, 0.5);
  EXPECT_EQ(r.verdict, Verdict::Pass) << r.explanation;
  r = draws(10, 0.7, 1.0);
  judgePlacebo(r, 0.5);
  EXPECT_EQ(r.verdict, Verdict::Concern) << r.explanation;

  // A placebo distribution far from 0, and a degenerate one.
  r = draws(20, -296.0, 1214.0);
  judgePlacebo(r, 0.5);
  EXPECT_EQ(r.verdict, Verdict::Concern);
  r = Refutation{};
  r.estimates = {1000.0, 1000.0, 1000.0};
  r.originalEstimate = 1000.0;
  judgePlacebo(r, 0.5);
  EXPECT_EQ(r.verdict, Verdict::Concern);
  EXPECT_EQ(r.originalPValue, 1.0);
  r.estimates = {1.0};
  EXPECT_THROW(judgePlacebo(r, 0.5), std::invalid_argument);
}

TEST(EstimationRefuters, PlaceboFlagsAnEstimatorThatStaysInformedByTheRealTreatment) {
  const data::Design d = testing::loadLalonde();
  // An "estimator" that reports the same effect whatever the treatment is caught.
  const EffectFunction constant = [](const data::Design&) -> Result<EffectEstimate> { return fixed(1000.0, 100.0); };
  const auto bad = refutePlaceboTreatment(d, constant, fixed(1000.0, 100.0), RefuterOptions{});
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->verdict, Verdict::Concern);
  EXPECT_NE(bad->explanation.find("biased"), std::string::npos);

  // A realistic bug: IPW re-run on the placebo with the propensity scores fitted to the real
  // treatment (a stale cache). The ATT weights e/(1-e) still pick out controls that look like
  // the real treated (low earnings), so the placebo "effect" stays far from 0.
  auto stale = fitLogistic(d.covariates, d.treatment, d.covariateNames);
  ASSERT_TRUE(stale.ok());
  const Eigen::VectorXd scores = stale->fitted;
  const EffectFunction staleIpw = [&scores](const data::Design& x) {
    EstimatorOptions o;
    o.threads = 1;
    o.ipwAccountForPropensityModel = false;  // the scores are not a fit to x's treatment
    return estimateIpw(x, scores, o);
  };
  const auto r = refutePlaceboTreatment(d, staleIpw, *staleIpw(d), RefuterOptions{});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->verdict, Verdict::Concern) << r->explanation;
  // Brute force of what the stale weights predict: a random placebo group has the overall mean
  // outcome, and the stale-weighted controls the weighted mean with w = e/(1-e) over all units.
  const Eigen::ArrayXd w = scores.array() / (1.0 - scores.array());
  const double predicted = d.outcome.mean() - (w * d.outcome.array()).sum() / w.sum();
  EXPECT_GT(std::fabs(predicted), 1000.0);
  EXPECT_NEAR(r->mean, predicted, 3 * r->sd / std::sqrt(20.0)) << r->explanation;
}

TEST(EstimationRefuters, StabilityRefutersAddACovariateOrTakeSubsets) {
  const data::Design d = testing::loadLalonde();
  std::atomic<long> columns{0}, rows{0};
  const EffectFunction probe = [&](const data::Design& x) -> Result<EffectEstimate> {
    columns = x.covariates.cols();
    rows = x.size();
    return fixed(x.covariates.cols() == 9 ? 500.0 : 0.0, 100.0);  // moves when a covariate is added
  };
  RefuterOptions options;
  options.draws = 5;
  const auto rcc = refuteRandomCommonCause(d, probe, fixed(0.0, 100.0), options);
  ASSERT_TRUE(rcc.ok());
  EXPECT_EQ(columns.load(), 9);
  EXPECT_EQ(rcc->verdict, Verdict::Concern);
  const auto subset = refuteDataSubset(d, probe, fixed(0.0, 100.0), options);
  ASSERT_TRUE(subset.ok());
  EXPECT_EQ(rows.load(), 491);  // round(0.8 x 614)
  EXPECT_EQ(subset->verdict, Verdict::Pass);
  // Few, noisy draws around a stable estimate: a mean shift within their Monte-Carlo noise is
  // not a concern. Draws -10, 10, -10, 14 (any order): mean 1, SD sqrt(164) = 12.81, noise
  // 1.96 x 12.81 / 2 = 12.55 > 0.5 SE = 0.5.
  std::atomic<int> call{0};
  const EffectFunction noisy = [&](const data::Design&) -> Result<EffectEstimate> {
    static constexpr double values[] = {-10.0, 10.0, -10.0, 14.0};
    return fixed(values[call++ % 4], 1.0);
  };
  options.draws = 4;
  options.threads = 1;
  const auto stable = refuteDataSubset(d, noisy, fixed(0.0, 1.0), options);
  ASSERT_TRUE(stable.ok());
  EXPECT_NEAR(stable->sd, std::sqrt(164.0), 1e-12);
  EXPECT_EQ(stable->verdict, Verdict::Pass) << stable->explanation;
  options.draws = 1;
  EXPECT_EQ(refuteDataSubset(d, probe, fixed(0.0, 1.0), options).error().code, ErrorCode::InvalidArgument);
}

TEST(EstimationRefuters, Cancel) {
  const data::Design d = testing::loadLalonde();
  std::stop_source stop;
  stop.request_stop();
  const EffectFunction any = [](const data::Design&) -> Result<EffectEstimate> { return fixed(0.0, 1.0); };
  const auto r = refutePlaceboTreatment(d, any, fixed(0.0, 1.0), {}, Progress(stop.get_token()));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Cancelled);
}

}  // namespace
}  // namespace causeway::estimation
