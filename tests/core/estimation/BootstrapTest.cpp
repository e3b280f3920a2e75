#include "causeway/estimation/Bootstrap.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "LalondeData.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation {
namespace {

Result<double> ipwAtt(const data::Design& d) {
  EstimatorOptions o;
  o.propensity.threads = 1;
  auto e = estimateEffect(d, Method::Ipw, o);
  if (!e) return e.error();
  return e->estimate;
}

TEST(EstimationBootstrap, SameReplicatesForAnyThreadCount) {
  const data::Design d = testing::loadLalonde();
  BootstrapOptions o;
  o.replicates = 60;
  o.seed = 42;
  o.threads = 1;
  const auto one = bootstrap(d, ipwAtt, 1214.07122329292, o);
  o.threads = 2;
  const auto two = bootstrap(d, ipwAtt, 1214.07122329292, o);
  ASSERT_TRUE(one.ok() && two.ok()) << (one.ok() ? two.error().message : one.error().message);
  EXPECT_EQ(one->estimates, two->estimates);
  o.seed = 43;
  const auto other = bootstrap(d, ipwAtt, 1214.07122329292, o);
  EXPECT_NE(one->estimates, other->estimates);
  EXPECT_EQ(one->failed, 0);
  EXPECT_LT(one->percentileLow, one->percentileHigh);
  EXPECT_NEAR(one->normalHigh - one->normalLow, 2 * 1.959963984540054 * one->se, 1e-9);
}

TEST(EstimationBootstrap, SeOfAMeanMatchesTheFormula) {
  // For the sample mean the bootstrap SE approaches sd * sqrt((n-1)/n) / sqrt(n).
  data::Design d;
  const Eigen::Index n = 400;
  d.treatment = Eigen::VectorXd::Zero(n);
  d.outcome.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) d.outcome(i) = std::sin(static_cast<double>(i) * 1.7) * 3.0;
  d.covariates.resize(n, 0);
  BootstrapOptions o;
  o.replicates = 4000;
  const auto b = bootstrap(d, [](const data::Design& r) -> Result<double> { return r.outcome.mean(); }, d.outcome.mean(), o);
  ASSERT_TRUE(b.ok());
  const double sd = std::sqrt((d.outcome.array() - d.outcome.mean()).square().sum() / static_cast<double>(n));
  EXPECT_NEAR(b->se, sd / std::sqrt(static_cast<double>(n)), 0.05 * sd / std::sqrt(static_cast<double>(n)));
}

TEST(EstimationBootstrap, CancelledMidRun) {
  const data::Design d = testing::loadLalonde();
  std::stop_source stop;
  std::atomic<int> calls{0};
  const auto statistic = [&](const data::Design& r) -> Result<double> {
    if (++calls == 25) stop.request_stop();
    return ipwAtt(r);
  };
  std::atomic<int> reports{0};
  BootstrapOptions o;
  o.replicates = 1000;
  const auto b = bootstrap(d, statistic, 0.0, o, Progress(stop.get_token(), [&](double) { ++reports; }));
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, ErrorCode::Cancelled);
  EXPECT_LT(calls.load(), 1000);
  EXPECT_GT(reports.load(), 0);
}

TEST(EstimationBootstrap, ReportsFailuresAndRejectsBadOptions) {
  const data::Design d = testing::loadLalonde();
  BootstrapOptions o;
  o.replicates = 1;
  EXPECT_EQ(bootstrap(d, ipwAtt, 0.0, o).error().code, ErrorCode::InvalidArgument);
  o.replicates = 20;
  std::atomic<int> calls{0};
  const auto sometimes = [&](const data::Design& r) -> Result<double> {
    if (calls++ % 5 == 0) return makeError(ErrorCode::Separation, "synthetic failure");
    return r.outcome.mean();
  };
  o.threads = 1;
  const auto b = bootstrap(d, sometimes, 0.0, o);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->failed, 4);
  EXPECT_EQ(b->estimates.size(), 16u);
  const auto always = [](const data::Design&) -> Result<double> { return makeError(ErrorCode::Separation, "never"); };
  const auto f = bootstrap(d, always, 0.0, o);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, ErrorCode::Separation);
}

}  // namespace
}  // namespace causeway::estimation
