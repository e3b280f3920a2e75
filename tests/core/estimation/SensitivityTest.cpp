// Omitted-variable-bias sensitivity (Cinelli & Hazlett 2020) against an independent computation:
// the test's own OLS by the normal equations on the raw design with an intercept (the library
// sweeps a centred cross-product matrix), the partial R²s of benchmarks from reduced fits, and
// the paper's formulas written out here. The data include a 500-level categorical on 1,300 rows.
#include <gtest/gtest.h>

#include <set>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <boost/math/distributions/students_t.hpp>

#include "causeway/estimation/Sensitivity.hpp"

namespace causeway::estimation {
namespace {

struct Ols {
  Eigen::VectorXd beta;
  Eigen::MatrixXd inverse;  // (X'X)^-1
  double rss = 0.0;
  double dof = 0.0;
};

// y on [1, columns...] by the normal equations.
Ols ols(const Eigen::MatrixXd& columns, const Eigen::VectorXd& y) {
  Eigen::MatrixXd x(columns.rows(), columns.cols() + 1);
  x.col(0).setOnes();
  x.rightCols(columns.cols()) = columns;
  Ols out;
  const Eigen::MatrixXd xtx = x.transpose() * x;
  out.inverse = xtx.ldlt().solve(Eigen::MatrixXd::Identity(xtx.rows(), xtx.cols()));
  out.beta = xtx.ldlt().solve(x.transpose() * y);
  out.rss = (y - x * out.beta).squaredNorm();
  out.dof = static_cast<double>(x.rows() - x.cols());
  return out;
}

Eigen::MatrixXd dropColumns(const Eigen::MatrixXd& m, Eigen::Index first, Eigen::Index count) {
  Eigen::MatrixXd out(m.rows(), m.cols() - count);
  out << m.leftCols(first), m.rightCols(m.cols() - first - count);
  return out;
}

double tQuantile(double p, double dof) { return boost::math::quantile(boost::math::students_t(dof), p); }

// The paper's RV (appendix: with the binding-constraint case).
double rvByFormula(double t, double dof, double q, double alpha) {
  const double fq = q * std::abs(t) / std::sqrt(dof);
  const double fCrit = alpha > 0.0 ? std::abs(tQuantile(alpha / 2.0, dof - 1.0)) / std::sqrt(dof - 1.0) : 0.0;
  const double f = fq - fCrit;
  if (f <= 0.0) return 0.0;
  if (alpha > 0.0 && fq > 1.0 / fCrit) return (fq * fq - fCrit * fCrit) / (1.0 + fq * fq);
  return 0.5 * (std::sqrt(std::pow(f, 4) + 4.0 * f * f) - f * f);
}

// x1, x2 continuous, "site" a categorical with 500 levels (dummies, the first level left out),
// on 1,300 rows; the outcome depends on the site.
data::Design simulateWithSites(std::uint64_t seed) {
  constexpr int n = 1300, levels = 500;
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::uniform_int_distribution<int> site(0, levels - 1);
  std::vector<int> sites(n);
  std::vector<double> siteEffect(levels);
  for (auto& e : siteEffect) e = normal(rng);
  std::vector<bool> present(levels, false);
  for (auto& s : sites) present[static_cast<std::size_t>(s = site(rng))] = true;
  std::vector<int> column(levels, -1);
  int reference = -1, dummies = 0;
  for (int l = 0; l < levels; ++l)
    if (present[static_cast<std::size_t>(l)]) {
      if (reference < 0) reference = l;
      else column[static_cast<std::size_t>(l)] = dummies++;
    }
  data::Design d;
  d.treatmentName = "t";
  d.outcomeName = "y";
  d.covariateNames = {"x1", "x2"};
  d.covariateSources = {"x1", "x2"};
  for (int l = 0; l < levels; ++l)
    if (column[static_cast<std::size_t>(l)] >= 0) {
      d.covariateNames.push_back("site" + std::to_string(l));
      d.covariateSources.push_back("site");
    }
  d.treatment.resize(n);
  d.outcome.resize(n);
  d.covariates = Eigen::MatrixXd::Zero(n, 2 + dummies);
  for (int i = 0; i < n; ++i) {
    const double x1 = normal(rng), x2 = normal(rng);
    const double s = siteEffect[static_cast<std::size_t>(sites[static_cast<std::size_t>(i)])];
    const double t = (0.6 * x1 - 0.4 * x2 + 0.2 * s + normal(rng)) > 0.0 ? 1.0 : 0.0;
    d.treatment(i) = t;
    d.outcome(i) = 0.5 * t + 0.8 * x1 + 0.3 * x2 + 1.0 * s + normal(rng);
    d.covariates(i, 0) = x1;
    d.covariates(i, 1) = x2;
    if (const int c = column[static_cast<std::size_t>(sites[static_cast<std::size_t>(i)])]; c >= 0)
      d.covariates(i, 2 + c) = 1.0;
  }
  return d;
}

TEST(Sensitivity, PublishedDarfurRobustnessValues) {
  // Cinelli & Hazlett (2020), section 4: directlyharmed has t = 4.18445 on 783 dof,
  // partial R2 2.19%, RV_1 13.9% and RV_{1,0.05} 7.6%.
  EXPECT_NEAR(partialR2(4.18445, 783), 0.02187, 1e-5);
  EXPECT_NEAR(robustnessValue(4.18445, 783, 1.0), 0.1388, 1e-4);
  EXPECT_NEAR(robustnessValue(4.18445, 783, 1.0, 0.05), 0.0760, 1e-3);
}

TEST(Sensitivity, MatchesIndependentOlsWithFiveHundredLevelCategorical) {
  const data::Design d = simulateWithSites(7);
  const Eigen::Index p = d.covariates.cols();
  ASSERT_GT(p, 400);

  SensitivityOptions options;
  options.benchmarks = {"x1", "site"};
  options.kd = {0.5, 1.0, 2.0};  // kD = 2 times the 500-level site is impossible: skipped with a note
  options.ky = {1.0, 2.0, 0.5};
  options.q = 1.0;
  options.alpha = 0.05;
  auto result = analyzeSensitivity(d, options);
  ASSERT_TRUE(result.ok()) << result.error().message;

  // Y on [1, D, X]: the coefficient of D is beta(1).
  Eigen::MatrixXd dx(d.size(), p + 1);
  dx << d.treatment, d.covariates;
  const Ols full = ols(dx, d.outcome);
  const double estimate = full.beta(1);
  const double se = std::sqrt(full.rss / full.dof * full.inverse(1, 1));
  const double t = estimate / se;
  EXPECT_NEAR(result->estimate, estimate, 1e-8);
  EXPECT_NEAR(result->se, se, 1e-8);
  EXPECT_DOUBLE_EQ(result->dof, full.dof);
  EXPECT_NEAR(result->r2yd_x, t * t / (t * t + full.dof), 1e-9);
  EXPECT_NEAR(result->rvQ, rvByFormula(t, full.dof, 1.0, 0.0), 1e-8);
  EXPECT_NEAR(result->rvQAlpha, rvByFormula(t, full.dof, 1.0, 0.05), 1e-8);

  // Benchmarks: partial R2 from the reduced fits, (RSS_reduced - RSS_full) / RSS_reduced.
  const Ols dOnX = ols(d.covariates, d.treatment);
  struct Group {
    const char* name;
    Eigen::Index first, count;
  };
  const Group groups[] = {{"x1", 0, 1}, {"site", 2, p - 2}};
  ASSERT_EQ(result->bounds.size(), 5U);
  // One note for the site bound that cannot exist; one per benchmark with bounds whose implied R2
  // with the outcome was capped at 1 (x1 is a strong predictor of the outcome), naming each k.
  std::set<std::string> cappedBenchmarks;
  std::size_t capped = 0, cappedNotes = 0, siteNotes = 0, kMentions = 0;
  for (const auto& b : result->bounds)
    if (b.adjusted.r2yz >= 1.0) {
      ++capped;
      cappedBenchmarks.insert(b.benchmark);
    }
  for (const auto& note : result->notes) {
    if (note.find("is set to 1") != std::string::npos) {
      ++cappedNotes;
      for (const auto& b : result->bounds)
        if (b.adjusted.r2yz >= 1.0 && note.find("Benchmark " + b.benchmark + ",") == 0 &&
            note.find(std::to_string(static_cast<int>(b.kd))) != std::string::npos)
          ++kMentions;
    } else if (note.find("site") != std::string::npos) {
      ++siteNotes;
    }
  }
  EXPECT_EQ(siteNotes, 1U);
  EXPECT_GE(capped, 1U);
  EXPECT_EQ(cappedNotes, cappedBenchmarks.size());
  EXPECT_EQ(kMentions, capped);
  EXPECT_EQ(result->notes.size(), 1U + cappedBenchmarks.size());
  std::size_t row = 0;
  for (const Group& g : groups) {
    const Ols dReduced = ols(dropColumns(d.covariates, g.first, g.count), d.treatment);
    const Ols yReduced = ols(dropColumns(dx, g.first + 1, g.count), d.outcome);
    const double r2d = (dReduced.rss - dOnX.rss) / dReduced.rss;
    const double r2y = (yReduced.rss - full.rss) / yReduced.rss;
    for (std::size_t k = 0; k < (g.count == 1 ? 3U : 2U); ++k, ++row) {
      const BenchmarkBound& b = result->bounds[row];
      EXPECT_EQ(b.benchmark, g.name);
      EXPECT_NEAR(b.r2dxj, r2d, 1e-8) << g.name;
      EXPECT_NEAR(b.r2yxj, r2y, 1e-8) << g.name;
      const double kd = options.kd[k], ky = options.ky[k];
      const double r2dz = kd * r2d / (1.0 - r2d);
      const double r2zxj = kd * r2d * r2d / ((1.0 - kd * r2d) * (1.0 - r2d));
      const double r2yz = std::min(1.0, std::pow((std::sqrt(ky) + std::sqrt(r2zxj)) / std::sqrt(1.0 - r2zxj), 2) * r2y / (1.0 - r2y));
      const double bias = se * std::sqrt(r2yz * r2dz / (1.0 - r2dz)) * std::sqrt(full.dof);
      const double adjusted = estimate > 0 ? estimate - bias : estimate + bias;
      const double adjustedSe = se * std::sqrt((1.0 - r2yz) / (1.0 - r2dz)) * std::sqrt(full.dof / (full.dof - 1.0));
      const double crit = tQuantile(0.975, full.dof - 1.0);
      EXPECT_NEAR(b.adjusted.r2dz, r2dz, 1e-8);
      EXPECT_NEAR(b.adjusted.r2yz, r2yz, 1e-8);
      EXPECT_NEAR(b.adjusted.estimate, adjusted, 1e-8);
      EXPECT_NEAR(b.adjusted.se, adjustedSe, 1e-8);
      // r2yz capped at 1 leaves no residual variance: adjusted SE 0, t infinite.
      if (r2yz < 1.0) EXPECT_NEAR(b.adjusted.t, adjusted / adjustedSe, 1e-6);
      else EXPECT_EQ(b.adjusted.t, adjusted / adjustedSe);
      EXPECT_NEAR(b.adjusted.ciLow, adjusted - crit * adjustedSe, 1e-8);
      EXPECT_NEAR(b.adjusted.ciHigh, adjusted + crit * adjustedSe, 1e-8);
    }
  }
}

TEST(Sensitivity, DefaultBenchmarkIsTheStrongestConfounder) {
  const data::Design d = simulateWithSites(11);
  auto result = analyzeSensitivity(d);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_FALSE(result->bounds.empty());
  // The chosen benchmark implies at least the bias of every other covariate at k = 1.
  for (const char* other : {"x1", "x2", "site"}) {
    SensitivityOptions o;
    o.benchmarks = {other};
    o.kd = {1.0};
    o.contours = false;
    auto single = analyzeSensitivity(d, o);
    ASSERT_TRUE(single.ok());
    if (!single->bounds.empty()) {
      EXPECT_GE(std::abs(result->estimate - result->bounds.front().adjusted.estimate) + 1e-12,
                std::abs(single->estimate - single->bounds.front().adjusted.estimate))
          << other;
    }
  }
}

TEST(Sensitivity, PlantedConfounderIsBracketedByItsKBound) {
  // U is unobserved and independent of x1 and x2, and stronger than x1 in both equations. With
  // kD and kY set to U's measured strength relative to x1, the bound must cover the actual
  // bias; with half that strength it must not.
  constexpr int n = 40000;
  std::mt19937_64 rng(2024);
  std::normal_distribution<double> normal;
  data::Design d;
  d.treatmentName = "t";
  d.outcomeName = "y";
  d.covariateNames = d.covariateSources = {"x1", "x2"};
  d.treatment.resize(n);
  d.outcome.resize(n);
  d.covariates.resize(n, 2);
  Eigen::VectorXd u(n);
  for (int i = 0; i < n; ++i) {
    const double x1 = normal(rng), x2 = normal(rng), ui = normal(rng);
    d.treatment(i) = 0.5 * x1 + 0.3 * x2 + 0.8 * ui + normal(rng) > 0.0 ? 1.0 : 0.0;
    d.outcome(i) = 1.0 * d.treatment(i) + 0.5 * x1 + 0.4 * x2 + 0.8 * ui + normal(rng);
    d.covariates(i, 0) = x1;
    d.covariates(i, 1) = x2;
    u(i) = ui;
  }
  // Measured strengths as the paper defines them (section 6.1): kD = R2(D~U|x2) / R2(D~x1|x2),
  // kY = R2(Y~U|x2,D) / R2(Y~x1|x2,D), each partial R2 from the test's own fits.
  auto partial = [](const Eigen::MatrixXd& given, const Eigen::VectorXd& extra, const Eigen::VectorXd& target) {
    Eigen::MatrixXd with(given.rows(), given.cols() + 1);
    with << given, extra;
    const double reduced = ols(given, target).rss;
    return (reduced - ols(with, target).rss) / reduced;
  };
  const Eigen::MatrixXd x2 = d.covariates.col(1);
  Eigen::MatrixXd x2d(n, 2);
  x2d << x2, d.treatment;
  const Eigen::VectorXd x1 = d.covariates.col(0);
  const double kd = partial(x2, u, d.treatment) / partial(x2, x1, d.treatment);
  const double ky = partial(x2d, u, d.outcome) / partial(x2d, x1, d.outcome);
  ASSERT_GT(kd, 1.5);
  ASSERT_GT(ky, 1.5);
  Eigen::MatrixXd dxu(n, 4);
  dxu << d.treatment, d.covariates, u;
  const Ols yFull = ols(dxu, d.outcome);
  Eigen::MatrixXd dx(n, 3);
  dx << d.treatment, d.covariates;
  const double actualBias = ols(dx, d.outcome).beta(1) - yFull.beta(1);
  ASSERT_GT(actualBias, 0.2);

  SensitivityOptions options;
  options.benchmarks = {"x1"};
  options.kd = {kd, 0.5 * kd};
  options.ky = {ky, 0.5 * ky};
  options.contours = false;
  auto result = analyzeSensitivity(d, options);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->bounds.size(), 2U);
  const double boundBias = result->estimate - result->bounds[0].adjusted.estimate;
  const double halfBias = result->estimate - result->bounds[1].adjusted.estimate;
  EXPECT_GE(boundBias, actualBias);
  EXPECT_LE(boundBias, 1.5 * actualBias);  // informative, not vacuous
  EXPECT_LT(halfBias, actualBias);
}

TEST(Sensitivity, CriticalContourCrossesTheDiagonalAtTheRobustnessValue) {
  const double estimate = 2.0, se = 0.5, dof = 400.0;
  const double rv = robustnessValue(estimate / se, dof, 1.0);
  const SensitivityPlots plots = buildSensitivityPlots(estimate, se, dof, 0.05, {}, 201);
  const ContourLevel* critical = nullptr;
  for (const auto& level : plots.estimate.levels)
    if (level.critical) critical = &level;
  ASSERT_NE(critical, nullptr);
  ASSERT_EQ(critical->lines.size(), 1U);
  // Where the critical line crosses x = y (linear interpolation between its vertices).
  const auto& pts = critical->lines.front().points;
  bool found = false;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const double a = pts[i].x - pts[i].y, b = pts[i + 1].x - pts[i + 1].y;
    if (a * b <= 0.0 && a != b) {
      const double s = a / (a - b);
      EXPECT_NEAR(pts[i].x + s * (pts[i + 1].x - pts[i].x), rv, 2e-3);
      found = true;
    }
  }
  EXPECT_TRUE(found);
  // Every point of the line brings the estimate to zero: bias = estimate.
  for (const auto& pt : pts) {
    const double bias = se * std::sqrt(pt.y * pt.x / (1.0 - pt.x)) * std::sqrt(dof);
    EXPECT_NEAR(bias, estimate, 0.02);
  }
}

TEST(Sensitivity, MarchingSquaresOnALinearFunctionIsExact) {
  std::vector<double> xs, ys;
  for (int i = 0; i <= 10; ++i) xs.push_back(i / 10.0);
  for (int j = 0; j <= 7; ++j) ys.push_back(j / 7.0);
  std::vector<double> v;
  for (double x : xs)
    for (double y : ys) v.push_back(x + 2.0 * y);
  const auto lines = contourLines(xs, ys, v, 1.3);
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_GE(lines.front().points.size(), 5U);
  for (const auto& pt : lines.front().points) EXPECT_NEAR(pt.x + 2.0 * pt.y, 1.3, 1e-12);
  // A closed loop: a bump in the middle of the grid.
  std::vector<double> bump;
  for (double x : xs)
    for (double y : ys) bump.push_back(-((x - 0.5) * (x - 0.5) + (y - 0.5) * (y - 0.5)));
  const auto loop = contourLines(xs, ys, bump, -0.09);
  ASSERT_EQ(loop.size(), 1U);
  const auto& lp = loop.front().points;
  EXPECT_NEAR(lp.front().x, lp.back().x, 1e-12);
  EXPECT_NEAR(lp.front().y, lp.back().y, 1e-12);
}

TEST(Sensitivity, BadInputIsAClearError) {
  const data::Design d = simulateWithSites(3);
  SensitivityOptions options;
  options.benchmarks = {"nosuch"};
  auto unknown = analyzeSensitivity(d, options);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("nosuch"), std::string::npos);
  options.benchmarks = {"x1"};
  options.kd = {200.0};
  auto impossible = analyzeSensitivity(d, options);
  ASSERT_TRUE(impossible.ok());
  EXPECT_TRUE(impossible->bounds.empty());
  ASSERT_FALSE(impossible->notes.empty());
  EXPECT_NE(impossible->notes.back().find("impossible"), std::string::npos);
  options.alpha = 1.5;
  EXPECT_FALSE(analyzeSensitivity(d, options).ok());
  // The treatment a copy of a covariate.
  data::Design copy = d;
  copy.covariates.col(0) = copy.treatment;
  auto collinear = analyzeSensitivity(copy);
  ASSERT_FALSE(collinear.ok());
  EXPECT_EQ(collinear.error().code, ErrorCode::Collinearity);
}

}  // namespace
}  // namespace causeway::estimation
