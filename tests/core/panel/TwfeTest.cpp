// The TWFE comparison against a brute-force unit-level dummy regression written here, and the
// bias of de Chaisemartin & D'Haultfœuille (2020) under staggered, growing effects.
#include <gtest/gtest.h>

#include <functional>
#include <random>

#include <Eigen/Dense>

#include "causeway/panel/Twfe.hpp"

namespace causeway::panel {
namespace {

// Two cohorts of 30 units, first treated in periods 2 and 4 of 1..5 (indices 1 and 3), no
// never-treated units unless `never` (then the last 20 units); effects grow with exposure: τ = 1 + (t − g).
Panel growingEffects(double noise, std::uint64_t seed, bool never = false) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  Panel panel;
  const std::size_t n = 60;
  const int periods = 5;
  for (int t = 1; t <= periods; ++t) panel.periodKeys.push_back(t);
  panel.outcome.resize(n * periods);
  for (std::size_t i = 0; i < n; ++i) {
    panel.unitIds.push_back(std::to_string(i));
    const int g = never && i >= 40 ? kNeverTreated : (i < 30 ? 1 : 3);
    panel.cohort.push_back(g);
    const double alpha = normal(rng);
    for (int t = 0; t < periods; ++t)
      panel.outcome[static_cast<std::size_t>(t) * n + i] = alpha + 0.5 * t + (g != kNeverTreated && t >= g ? 1.0 + (t - g) : 0.0) + noise * normal(rng);
  }
  return panel;
}

// OLS of Y on unit dummies, period dummies (first dropped) and `extra` regressors.
Eigen::VectorXd bruteForce(const Panel& panel, const std::vector<std::function<double(std::size_t, int)>>& extra) {
  const auto n = static_cast<Eigen::Index>(panel.units());
  const Eigen::Index periods = panel.periods();
  const auto k = static_cast<Eigen::Index>(extra.size());
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(n * periods, n + periods - 1 + k);
  Eigen::VectorXd y(n * periods);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index t = 0; t < periods; ++t) {
      const Eigen::Index r = i * periods + t;
      y[r] = panel.y(static_cast<int>(t), static_cast<std::size_t>(i));
      x(r, i) = 1;
      if (t > 0) x(r, n + t - 1) = 1;
      for (Eigen::Index j = 0; j < k; ++j)
        x(r, n + periods - 1 + j) = extra[static_cast<std::size_t>(j)](static_cast<std::size_t>(i), static_cast<int>(t));
    }
  }
  const Eigen::VectorXd beta = x.colPivHouseholderQr().solve(y);
  return beta.tail(k);
}

TEST(Twfe, StaticCoefficientMatchesUnitLevelRegression) {
  const Panel panel = growingEffects(1.0, 7, true);
  auto twfe = twfeComparison(panel);
  ASSERT_TRUE(twfe.ok()) << twfe.error().describe();
  const auto expected = bruteForce(panel, {[&](std::size_t i, int t) {
    return panel.cohort[i] != kNeverTreated && t >= panel.cohort[i] ? 1.0 : 0.0;
  }});
  EXPECT_NEAR(twfe->staticEstimate, expected[0], 1e-9);
}

TEST(Twfe, EventStudyMatchesUnitLevelRegression) {
  const Panel panel = growingEffects(1.0, 8, true);
  auto twfe = twfeComparison(panel);
  ASSERT_TRUE(twfe.ok()) << twfe.error().describe();
  // Event times run −3..3 with −1 the reference (never-treated units identify the rest).
  std::vector<int> kept{-3, -2, 0, 1, 2, 3};
  std::vector<std::function<double(std::size_t, int)>> dummies;
  for (int e : kept)
    dummies.emplace_back([&panel, e](std::size_t i, int t) {
      return panel.cohort[i] != kNeverTreated && t - panel.cohort[i] == e ? 1.0 : 0.0;
    });
  const auto expected = bruteForce(panel, dummies);
  for (std::size_t j = 0; j < kept.size(); ++j) {
    bool found = false;
    for (const auto& c : twfe->eventTimes) {
      if (c.eventTime != kept[j]) continue;
      found = true;
      EXPECT_NEAR(c.estimate, expected[static_cast<Eigen::Index>(j)], 1e-9) << "e = " << kept[j];
    }
    EXPECT_TRUE(found) << kept[j];
  }
}

TEST(Twfe, StaggeredGrowingEffectsBiasTheStaticCoefficient) {
  const Panel panel = growingEffects(0.0, 9);  // noiseless: Y(0) follows parallel trends exactly
  auto twfe = twfeComparison(panel);
  ASSERT_TRUE(twfe.ok());
  // Theorem 1 of de Chaisemartin & D'Haultfœuille: β = Σ W_gt τ_gt over treated cells.
  double decomposed = 0, weightSum = 0;
  for (const auto& w : twfe->weights) {
    decomposed += w.weight * (1.0 + (w.period - w.cohort));
    weightSum += w.weight;
  }
  EXPECT_NEAR(weightSum, 1.0, 1e-9);
  EXPECT_NEAR(twfe->staticEstimate, decomposed, 1e-9);
  // The average effect over treated cells (equal cohort sizes): cohort 2 has τ = 1..4, cohort 4
  // has 1, 2 -> 13/6. TWFE lands well below it, because later cells of the early cohort are
  // weighted negatively (they serve as controls for the late cohort).
  const double simpleAtt = 13.0 / 6.0;
  EXPECT_LT(twfe->staticEstimate, simpleAtt - 0.5) << twfe->staticEstimate;
  EXPECT_GT(twfe->negativeWeights, 0);
  EXPECT_FALSE(twfe->warning.empty());
  // Two cohorts, no never-treated units: relative time is collinear with the two-way effects.
  EXPECT_TRUE(twfe->eventTimes.empty());
  EXPECT_FALSE(twfe->eventStudyNote.empty());
}

}  // namespace
}  // namespace causeway::panel
