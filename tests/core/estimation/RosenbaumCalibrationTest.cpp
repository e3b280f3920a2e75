// Rosenbaum bounds against a small example worked by hand, and empirical calibration against
// the closed-form maximum likelihood (equal SEs) and a simulation with a known systematic error.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "causeway/estimation/EmpiricalCalibration.hpp"
#include "causeway/estimation/RosenbaumBounds.hpp"

namespace causeway::estimation {
namespace {

double upperTail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

TEST(RosenbaumBounds, HandWorkedExample) {
  // Differences 3, -1, 2, 5, 4, 0, 6, -2, 7, 1: the 0 is dropped, S = 9. Ranks of |d|:
  // 1,1 -> 1.5 each; 2,2 -> 3.5 each; 3 -> 5; 4 -> 6; 5 -> 7; 6 -> 8; 7 -> 9.
  // T = ranks of the positive ones = 5 + 3.5 + 7 + 6 + 8 + 9 + 1.5 = 40.
  auto r = rosenbaumBounds({3, -1, 2, 5, 4, 0, 6, -2, 7, 1}, {1.0, 2.0});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->pairs, 10U);
  EXPECT_EQ(r->nonZeroPairs, 9U);
  EXPECT_DOUBLE_EQ(r->statistic, 40.0);
  EXPECT_TRUE(r->positiveDirection);
  // Gamma = 1: E = 45/2 = 22.5, Var = 9*10*19/24 = 71.25.
  EXPECT_NEAR(r->rows[0].pUpper, upperTail(17.5 / std::sqrt(71.25)), 1e-12);
  EXPECT_NEAR(r->rows[0].pUpper, 0.01908, 5e-5);
  // Gamma = 2: p+ = 2/3, E = 30, Var = (2/9) * 285.
  EXPECT_NEAR(r->rows[1].pUpper, upperTail(10.0 / std::sqrt(2.0 / 9.0 * 285.0)), 1e-12);
  // Critical Gamma: (40 - 45 p) / sqrt(p (1 - p) 285) = z_0.95 with p = G / (1 + G).
  ASSERT_TRUE(r->gammaCritical.has_value());
  const double g = *r->gammaCritical, p = g / (1.0 + g);
  EXPECT_NEAR((40.0 - 45.0 * p) / std::sqrt(p * (1.0 - p) * 285.0), 1.6448536269514722, 1e-6);
  EXPECT_GT(g, 1.0);
  EXPECT_LT(g, 2.0);
}

TEST(RosenbaumBounds, NegativeEffectIsTestedInItsDirectionAndBadInputFails) {
  auto r = rosenbaumBounds({-3, 1, -2, -5, -4, 0, -6, 2, -7, -1}, {1.0});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->positiveDirection);
  EXPECT_DOUBLE_EQ(r->statistic, 40.0);
  EXPECT_FALSE(rosenbaumBounds({0, 0, 1}).ok());
  EXPECT_FALSE(rosenbaumBounds({1, 2, NAN}).ok());
  EXPECT_FALSE(rosenbaumBounds({1, 2, 3}, {0.5}).ok());
  // No effect at all: not significant without hidden bias, critical Gamma 1.
  auto none = rosenbaumBounds({1, -1, 2, -2, 3, -3});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->gammaCritical, 1.0);
}

TEST(EmpiricalCalibration, EqualStandardErrorsMatchTheClosedForm) {
  // With s_i = s for all i: mu = mean, sigma^2 = max(0, mean squared deviation - s^2).
  const std::vector<double> theta{0.1, 0.5, -0.2, 0.9, 0.4, 0.3};
  const double s = 0.1;
  std::vector<ControlEstimate> controls;
  for (double t : theta) controls.push_back({t, s});
  double mean = 0.0, msd = 0.0;
  for (double t : theta) mean += t / 6.0;
  for (double t : theta) msd += (t - mean) * (t - mean) / 6.0;
  auto fit = fitSystematicError(controls);
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->mu, mean, 1e-9);
  EXPECT_NEAR(fit->sigma, std::sqrt(msd - s * s), 1e-6);
  // Calibrated p and CI of an estimate 1.2 with SE 0.2.
  auto calibrated = calibrateEstimate(controls, 1.2, 0.2);
  ASSERT_TRUE(calibrated.ok());
  const double sd = std::sqrt(msd - s * s + 0.04);
  EXPECT_NEAR(calibrated->p, 2.0 * upperTail(std::abs(1.2 - mean) / sd), 1e-6);
  EXPECT_NEAR(calibrated->ciLow, 1.2 - mean - 1.959963984540054 * sd, 1e-6);
  // Spread smaller than the SEs: no systematic spread.
  auto tight = fitSystematicError({{0.0, 1.0}, {0.1, 1.0}, {-0.1, 1.0}});
  ASSERT_TRUE(tight.ok());
  EXPECT_EQ(tight->sigma, 0.0);
  EXPECT_FALSE(fitSystematicError({{0.0, 1.0}, {0.1, 1.0}}).ok());
  EXPECT_FALSE(fitSystematicError({{0.0, 1.0}, {0.1, 0.0}, {0.2, 1.0}}).ok());
}

TEST(EmpiricalCalibration, RecoversAKnownSystematicError) {
  // 60 negative controls whose estimates carry a systematic error N(0.3, 0.2^2) on top of
  // their own sampling error; seeded.
  std::mt19937_64 rng(42);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> seDraw(0.05, 0.2);
  std::vector<ControlEstimate> controls;
  for (int i = 0; i < 60; ++i) {
    const double se = seDraw(rng);
    controls.push_back({0.3 + 0.2 * normal(rng) + se * normal(rng), se});
  }
  auto fit = fitSystematicError(controls);
  ASSERT_TRUE(fit.ok());
  EXPECT_NEAR(fit->mu, 0.3, 0.08);
  EXPECT_NEAR(fit->sigma, 0.2, 0.07);
  // An estimate equal to the systematic error alone is no longer significant once calibrated.
  auto calibrated = calibrateEstimate(controls, 0.3, 0.05);
  ASSERT_TRUE(calibrated.ok());
  EXPECT_GT(calibrated->p, 0.5);
  EXPECT_LT(calibrated->ciLow, 0.0);
  EXPECT_GT(calibrated->ciHigh, 0.0);
}

}  // namespace
}  // namespace causeway::estimation
