#include "causeway/estimation/Refuters.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "LalondeData.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation {
namespace {

EffectEstimate fixed(double estimate, double se) {
  EffectEstimate e;
  e.estimate = estimate;
  e.se = se;
  return e;
}

TEST(EstimationRefuters, PlaceboPassesForAValidEstimatorAndFlagsABrokenOne) {
  const data::Design d = testing::loadLalonde();
  const EffectFunction ipw = [](const data::Design& x) {
    EstimatorOptions o;
    o.threads = 1;
    return estimateEffect(x, Method::Ipw, o);
  };
  const EffectEstimate original = *ipw(d);
  RefuterOptions options;
  options.draws = 10;
  const auto good = refutePlaceboTreatment(d, ipw, original, options);
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good->verdict, Verdict::Pass) << good->explanation;
  // An "estimator" that reports the same effect whatever the treatment is caught.
  const EffectFunction broken = [](const data::Design&) -> Result<EffectEstimate> { return fixed(1000.0, 100.0); };
  const auto bad = refutePlaceboTreatment(d, broken, fixed(1000.0, 100.0), options);
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->verdict, Verdict::Concern);
  EXPECT_NE(bad->explanation.find("biased"), std::string::npos);
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
