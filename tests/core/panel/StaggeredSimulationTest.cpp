// Simulated staggered rollouts with a known truth: every estimator centred on it, analytic and
// bootstrap intervals covering it 93–97% of the time, a planted pre-trend rejected.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "PanelSimulation.hpp"
#include "causeway/panel/Rollout.hpp"

namespace causeway::panel {
namespace {

using testing::Design;
using testing::simulate;

// Truth of the default design: τ(g, t) = 1 + 0.5 (t − g); cohort shares are equal (1/6 each), so
// the simple ATT is the plain mean over the 9 post cells: cohort 3 (e = 0..3), 4 (0..2), 5 (0..1).
double trueSimple() { return (1 + 1.5 + 2 + 2.5 + 1 + 1.5 + 2 + 1 + 1.5) / 9.0; }
double trueEvent(int e) { return e < 0 ? 0.0 : 1.0 + 0.5 * e; }

struct Summary {
  int reps = 0;
  double biasSum = 0, biasSquares = 0;
  int simpleCovered = 0;
  int cellsCovered = 0, cells = 0;
  int bandCovered = 0;
  int preTrendRejected = 0;

  [[nodiscard]] double meanBias() const { return biasSum / reps; }
  [[nodiscard]] double monteCarloSe() const {
    const double m = meanBias();
    return std::sqrt((biasSquares / reps - m * m) / reps);
  }
  [[nodiscard]] double rate(int count) const { return static_cast<double>(count) / reps; }
};

Summary runMany(const Design& design, const RolloutOptions& options, int reps, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Summary s;
  for (int r = 0; r < reps; ++r) {
    const Panel panel = simulate(design, rng);
    RolloutOptions o = options;
    o.seed = seed + static_cast<std::uint64_t>(r);
    o.twfe = false;
    o.groupTime.threads = 1;
    auto result = runRollout(panel, o);
    if (!result) ADD_FAILURE() << result.error().describe();
    if (!result) return s;
    ++s.reps;
    const Effect simple = result->aggregates.simple;
    s.biasSum += simple.att - trueSimple();
    s.biasSquares += (simple.att - trueSimple()) * (simple.att - trueSimple());
    s.simpleCovered += simple.ciLow <= trueSimple() && trueSimple() <= simple.ciHigh ? 1 : 0;
    for (const auto& cell : result->groupTime.cells) {
      const double truth = cell.post() ? design.effect(cell.cohort + 1, cell.period + 1) : 0.0;
      ++s.cells;
      s.cellsCovered += std::abs(cell.att - truth) <= 1.959963984540054 * cell.se ? 1 : 0;
    }
    bool all = true;
    for (const auto& e : result->aggregates.eventStudy)
      all = all && e.bandLow <= trueEvent(e.eventTime) && trueEvent(e.eventTime) <= e.bandHigh;
    s.bandCovered += all ? 1 : 0;
    s.preTrendRejected += result->preTrend && result->preTrend->pValue < 0.05 ? 1 : 0;
  }
  return s;
}

void expectCoverage(double rate, const char* what) {
  std::printf("coverage %.3f: %s\n", rate, what);
  EXPECT_GE(rate, 0.93) << what;
  EXPECT_LE(rate, 0.97) << what;
}

TEST(StaggeredSimulation, UnconditionalNeverTreatedIsUnbiasedAndCovers) {
  RolloutOptions options;
  options.bootstrapDraws = 199;
  const Summary s = runMany(Design{}, options, 1000, 11);
  ASSERT_EQ(s.reps, 1000);
  EXPECT_LT(std::abs(s.meanBias()), 4 * s.monteCarloSe()) << s.meanBias();
  expectCoverage(s.rate(s.simpleCovered), "analytic CI of the simple ATT");
  expectCoverage(static_cast<double>(s.cellsCovered) / s.cells, "analytic CIs of ATT(g, t)");
  expectCoverage(s.rate(s.bandCovered), "bootstrap uniform band over event times");
  // Under parallel trends the pre-trend test rejects about 5% of the time.
  EXPECT_GE(s.rate(s.preTrendRejected), 0.025);
  EXPECT_LE(s.rate(s.preTrendRejected), 0.08);
}

TEST(StaggeredSimulation, NotYetTreatedControlsAreUnbiasedAndCover) {
  RolloutOptions options;
  options.groupTime.control = ControlGroup::NotYetTreated;
  const Summary s = runMany(Design{}, options, 1000, 12);
  EXPECT_LT(std::abs(s.meanBias()), 4 * s.monteCarloSe()) << s.meanBias();
  expectCoverage(s.rate(s.simpleCovered), "not-yet-treated: analytic CI of the simple ATT");
  expectCoverage(static_cast<double>(s.cellsCovered) / s.cells, "not-yet-treated: CIs of ATT(g, t)");
}

// Trends depend on X and so does adoption: only the covariate-adjusted estimators are centred.
TEST(StaggeredSimulation, CovariateEstimatorsRemoveConfoundedTrends) {
  Design design;
  design.trendOnX = 0.4;
  design.withCovariate = true;
  Design unadjusted = design;
  unadjusted.withCovariate = false;
  const Summary naive = runMany(unadjusted, {}, 200, 21);
  EXPECT_GT(naive.meanBias(), 10 * naive.monteCarloSe()) << "the design must bias the unconditional estimator";
  for (auto estimator : {Estimator::Regression, Estimator::Ipw, Estimator::DoublyRobust}) {
    RolloutOptions options;
    options.groupTime.estimator = estimator;
    const Summary s = runMany(design, options, 1000, 22);
    EXPECT_LT(std::abs(s.meanBias()), 4 * s.monteCarloSe()) << toString(estimator) << " bias " << s.meanBias();
    expectCoverage(s.rate(s.simpleCovered), toString(estimator));
  }
}

TEST(StaggeredSimulation, PlantedPreTrendIsRejected) {
  Design design;
  design.preTrend = 0.3;  // the last cohort drifts upward in every period
  std::mt19937_64 rng(5);
  const Panel panel = simulate(design, rng);
  auto result = runRollout(panel, {});
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->preTrend.has_value());
  // Pre cells: cohort 3 has 1, cohort 4 has 2, cohort 5 has 3 (t = 2..g−1): 6 of them.
  EXPECT_EQ(result->preTrend->df, 6);
  EXPECT_FALSE(result->preTrend->binned);
  EXPECT_LT(result->preTrend->pValue, 1e-6);
  bool warned = false;
  for (const auto& w : result->warnings) warned = warned || w.find("parallel trends") != std::string::npos;
  EXPECT_TRUE(warned);
}

// Telemetry has many periods: 69 pre cells on 100 units (about 17 a cohort). Testing every cell
// would reject nearly every time under parallel trends; the binned test keeps its level.
TEST(StaggeredSimulation, PreTrendTestKeepsItsLevelWithManyPeriods) {
  Design design;
  design.units = 100;
  design.periods = 40;
  design.cohorts = {20, 25, 30};
  std::mt19937_64 rng(77);
  int rejected = 0, reps = 0;
  for (int r = 0; r < 300; ++r) {
    const Panel panel = simulate(design, rng);
    RolloutOptions options;
    options.twfe = false;
    auto result = runRollout(panel, options);
    ASSERT_TRUE(result.ok());
    const auto& test = result->preTrend;
    ASSERT_TRUE(test.has_value());
    EXPECT_TRUE(test->binned);
    ++reps;
    rejected += test->pValue < 0.05 ? 1 : 0;
  }
  const double rate = static_cast<double>(rejected) / reps;
  std::printf("pre-trend rejection rate with 69 pre cells on 100 units: %.3f\n", rate);
  EXPECT_GE(rate, 0.02);
  EXPECT_LE(rate, 0.09);
}

TEST(StaggeredSimulation, BootstrapIsSeededAndThreadIndependent) {
  std::mt19937_64 rng(9);
  const Panel panel = simulate(Design{}, rng);
  RolloutOptions options;
  options.bootstrapDraws = 299;
  options.seed = 42;
  options.groupTime.threads = 1;
  auto one = runRollout(panel, options);
  options.groupTime.threads = 3;
  auto three = runRollout(panel, options);
  ASSERT_TRUE(one.ok() && three.ok());
  EXPECT_EQ(one->bootstrap->critical, three->bootstrap->critical);
  // A uniform band is wider than the pointwise intervals.
  EXPECT_GT(one->bootstrap->critical, 1.96);
}

TEST(StaggeredSimulation, CancelledRunStops) {
  std::mt19937_64 rng(3);
  const Panel panel = simulate(Design{}, rng);
  std::stop_source stop;
  stop.request_stop();
  auto result = runRollout(panel, {}, Progress(stop.get_token()));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
}

}  // namespace
}  // namespace causeway::panel
