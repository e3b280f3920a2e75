#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "LalondeData.hpp"
#include "causeway/estimation/LogisticRegression.hpp"
#include "causeway/estimation/Overlap.hpp"
#include "causeway/estimation/PropensityWeights.hpp"

namespace causeway::estimation {
namespace {

TEST(EstimationPropensityWeights, FormulasForEachEstimand) {
  Eigen::VectorXd t(2), e(2);
  t << 1, 0;
  e << 0.2, 0.2;
  const double expected[4][2] = {{5.0, 1.25}, {1.0, 0.25}, {4.0, 1.0}, {0.8, 0.2}};
  const Estimand estimands[] = {Estimand::ATE, Estimand::ATT, Estimand::ATC, Estimand::ATO};
  for (int k = 0; k < 4; ++k) {
    WeightOptions o;
    o.estimand = estimands[k];
    const auto w = computeWeights(t, e, o);
    ASSERT_TRUE(w.ok());
    EXPECT_DOUBLE_EQ(w->weights(0), expected[k][0]);
    EXPECT_DOUBLE_EQ(w->weights(1), expected[k][1]);
  }
}

TEST(EstimationPropensityWeights, StabiliseNormaliseAndTruncate) {
  Eigen::VectorXd t(6), e(6);
  t << 1, 1, 0, 0, 0, 0;
  e << 0.5, 0.25, 0.5, 0.2, 0.9, 0.6;
  WeightOptions o;
  o.estimand = Estimand::ATE;
  o.stabilize = true;
  const auto s = computeWeights(t, e, o);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->weights(0), 2.0 / 3.0);        // (1/0.5) x 2/6
  EXPECT_DOUBLE_EQ(s->weights(4), 10.0 * 4.0 / 6.0);  // (1/0.1) x 4/6
  o.stabilize = false;
  o.normalizeWithinGroup = true;
  const auto n = computeWeights(t, e, o);
  EXPECT_NEAR(n->weights.head(2).sum(), 2.0, 1e-12);
  EXPECT_NEAR(n->weights.tail(4).sum(), 4.0, 1e-12);
  // Control ATE weights 2, 1.25, 10, 2.5: the 0.75 quantile (type 7) is 4.375; 10 is capped.
  o.normalizeWithinGroup = false;
  o.truncateQuantile = 0.75;
  const auto c = computeWeights(t, e, o);
  ASSERT_TRUE(c.ok());
  EXPECT_DOUBLE_EQ(c->weights(4), 4.375);
  EXPECT_EQ(c->truncatedControl, 1u);
  EXPECT_EQ(c->truncatedTreated, 1u);  // treated 2 and 4: the 0.75 quantile is 3.5
  EXPECT_NE(c->conventions.find("truncated"), std::string::npos);
  // ATT: treated weights are all 1 and are left alone.
  o.estimand = Estimand::ATT;
  EXPECT_EQ(computeWeights(t, e, o)->truncatedTreated, 0u);
}

TEST(EstimationPropensityWeights, TrimmingCountsDroppedUnits) {
  Eigen::VectorXd t(5), e(5);
  t << 1, 1, 0, 0, 0;
  e << 0.95, 0.5, 0.05, 0.1, 0.9;
  const TrimResult r = trimByPropensity(t, e, 0.1, 0.9);
  EXPECT_EQ(r.droppedTreated, 1u);
  EXPECT_EQ(r.droppedControl, 1u);
  EXPECT_EQ(r.kept, (std::vector<Eigen::Index>{1, 3, 4}));
}

TEST(EstimationPropensityWeights, RejectsScoresAtTheBounds) {
  Eigen::VectorXd t(2), e(2);
  t << 1, 0;
  e << 1.0, 0.5;
  EXPECT_EQ(computeWeights(t, e).error().code, ErrorCode::InvalidArgument);
}

TEST(EstimationOverlap, LalondeSupportHistogramAndDensity) {
  const data::Design d = testing::loadLalonde();
  const auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames);
  ASSERT_TRUE(fit.ok());
  const auto o = summarizeOverlap(d.treatment, fit->fitted);
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->histogram.edges.size(), 21u);
  // Bins of width 1/20 on [0, 1], counted here from the scores themselves (a score of 1 in the last bin).
  std::vector<std::size_t> binTreated(20, 0), binControl(20, 0);
  double minT = 1.0, maxT = 0.0, minC = 1.0, maxC = 0.0;
  for (Eigen::Index i = 0; i < d.size(); ++i) {
    const double e = fit->fitted(i);
    const auto bin = std::min<std::size_t>(19, static_cast<std::size_t>(std::floor(e * 20.0)));
    if (d.treatment(i) == 1) {
      ++binTreated[bin];
      minT = std::min(minT, e);
      maxT = std::max(maxT, e);
    } else {
      ++binControl[bin];
      minC = std::min(minC, e);
      maxC = std::max(maxC, e);
    }
  }
  for (std::size_t b = 0; b < 20; ++b) {
    EXPECT_NEAR(o->histogram.edges[b], static_cast<double>(b) / 20.0, 1e-12);
    EXPECT_EQ(o->histogram.treated[b], binTreated[b]) << "bin " << b;
    EXPECT_EQ(o->histogram.control[b], binControl[b]) << "bin " << b;
  }
  EXPECT_EQ(std::accumulate(binTreated.begin(), binTreated.end(), std::size_t{0}), 185u);
  EXPECT_EQ(std::accumulate(binControl.begin(), binControl.end(), std::size_t{0}), 429u);
  // Common support [max of the groups' minima, min of their maxima], the extremes found above.
  const double lo = std::max(minT, minC), hi = std::min(maxT, maxC);
  EXPECT_EQ(o->treated.min, minT);
  EXPECT_EQ(o->control.max, maxC);
  EXPECT_EQ(o->supportLow, lo);
  EXPECT_EQ(o->supportHigh, hi);
  std::size_t outsideT = 0, outsideC = 0;
  for (Eigen::Index i = 0; i < d.size(); ++i) {
    const double e = fit->fitted(i);
    if (e < lo || e > hi) (d.treatment(i) == 1 ? outsideT : outsideC) += 1;
  }
  EXPECT_EQ(o->treatedOutside, outsideT);
  EXPECT_EQ(o->controlOutside, outsideC);
  EXPECT_GT(outsideC, 0u);  // PSID controls with scores below every treated unit
  EXPECT_TRUE(o->positivityConcern);
  // Each KDE integrates to about 1 over [0, 1] (trapezoid rule; a little mass leaks past 0).
  double area = 0.0;
  for (std::size_t g = 1; g < o->density.grid.size(); ++g)
    area += 0.5 * (o->density.treated[g] + o->density.treated[g - 1]) * (o->density.grid[g] - o->density.grid[g - 1]);
  EXPECT_NEAR(area, 1.0, 0.05);
  EXPECT_GT(o->density.bandwidthTreated, 0.0);
  EXPECT_NE(o->conventions.find("bw.nrd0"), std::string::npos);
}

TEST(EstimationOverlap, BandwidthIsSilvermansRule) {
  // bw.nrd0(c(0.1, 0.2, 0.3, 0.4, 0.5)) = 0.9 * min(sd, IQR/1.34) * 5^-0.2
  Eigen::VectorXd t(7), e(7);
  t << 1, 1, 1, 1, 1, 0, 0;
  e << 0.1, 0.2, 0.3, 0.4, 0.5, 0.3, 0.6;
  const auto o = summarizeOverlap(t, e);
  ASSERT_TRUE(o.ok());
  const double sd = std::sqrt(0.025);  // var = 0.025
  const double iqr = 0.4 - 0.2;
  EXPECT_NEAR(o->density.bandwidthTreated, 0.9 * std::min(sd, iqr / 1.34) * std::pow(5.0, -0.2), 1e-12);
}

}  // namespace
}  // namespace causeway::estimation
