#include "causeway/estimation/ChiSquareLocalTests.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

namespace causeway::estimation {
namespace {

// Units from a table of counts: counts[z][x][y].
CategoricalColumns fromCounts(const std::vector<std::vector<std::vector<int>>>& counts) {
  CategoricalColumns data;
  data.names = {"x", "y", "z"};
  data.codes.resize(3);
  for (std::size_t z = 0; z < counts.size(); ++z)
    for (std::size_t x = 0; x < counts[z].size(); ++x)
      for (std::size_t y = 0; y < counts[z][x].size(); ++y)
        for (int k = 0; k < counts[z][x][y]; ++k) {
          data.codes[0].push_back(static_cast<std::int32_t>(x));
          data.codes[1].push_back(static_cast<std::int32_t>(y));
          data.codes[2].push_back(static_cast<std::int32_t>(z));
        }
  return data;
}

// Brute force on one r x c table with all margins positive: Pearson and G from the textbook
// formulas, written out independently of the library.
std::pair<double, double> pearsonAndG(const std::vector<std::vector<int>>& t) {
  double n = 0;
  std::vector<double> row(t.size(), 0.0), col(t[0].size(), 0.0);
  for (std::size_t i = 0; i < t.size(); ++i)
    for (std::size_t j = 0; j < t[i].size(); ++j) {
      row[i] += t[i][j];
      col[j] += t[i][j];
      n += t[i][j];
    }
  double x2 = 0, g = 0;
  for (std::size_t i = 0; i < t.size(); ++i)
    for (std::size_t j = 0; j < t[i].size(); ++j) {
      const double e = row[i] * col[j] / n;
      x2 += (t[i][j] - e) * (t[i][j] - e) / e;
      if (t[i][j] > 0) g += 2 * t[i][j] * std::log(t[i][j] / e);
    }
  return {x2, g};
}

// Closed forms of the chi-square upper tail for df 1, 2, 3.
double tail1(double x) { return std::erfc(std::sqrt(x / 2)); }
double tail2(double x) { return std::exp(-x / 2); }
double tail3(double x) { return tail1(x) + std::sqrt(2 * x / std::numbers::pi) * std::exp(-x / 2); }

TEST(ChiSquareLocalTests, UnconditionalTwoByTwoByHand) {
  // [[10, 20], [30, 40]]: n 100, E = 12, 18, 28, 42, X2 = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651.
  const auto data = fromCounts({{{10, 20}, {30, 40}}});
  const auto r = runChiSquareLocalTests(data, {{"x", "y", {}}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto& t = r->results.at(0);
  EXPECT_NEAR(t.statistic, 4.0 / 12 + 4.0 / 18 + 4.0 / 28 + 4.0 / 42, 1e-12);
  EXPECT_NEAR(t.statistic, 0.7936507936507936, 1e-12);
  EXPECT_EQ(t.df, 1.0);
  EXPECT_NEAR(t.pValue, tail1(t.statistic), 1e-12);
  EXPECT_NEAR(t.pValue, 0.3729984836, 1e-9);  // Python: math.erfc(math.sqrt(0.79365 / 2))
  EXPECT_EQ(t.rmsea, 0.0);                 // X2 < df
  EXPECT_EQ(t.n, 100u);
  EXPECT_EQ(t.label, "x _||_ y");
}

TEST(ChiSquareLocalTests, StratifiedStatisticsAndDfAreSummedOverStrata) {
  // z = 0: 2 x 2; z = 1: 2 x 3 (df 2); z = 2: y takes a single value (adds nothing). Total df 3.
  const std::vector<std::vector<int>> s0{{25, 5}, {10, 20}};
  const std::vector<std::vector<int>> s1{{8, 12, 20}, {15, 9, 6}};
  const auto data = fromCounts({s0, s1, {{7, 0}, {4, 0}}});
  const auto [x0, g0] = pearsonAndG(s0);
  const auto [x1, g1] = pearsonAndG(s1);
  const ImpliedIndependence test{"x", "y", {"z"}};

  const auto pearson = runChiSquareLocalTests(data, {test});
  ASSERT_TRUE(pearson.ok()) << pearson.error().message;
  const auto& p = pearson->results.at(0);
  EXPECT_NEAR(p.statistic, x0 + x1, 1e-10);
  EXPECT_EQ(p.df, 3.0);
  EXPECT_NEAR(p.pValue, tail3(x0 + x1), 1e-12);
  EXPECT_EQ(p.strata, 3u);
  EXPECT_EQ(p.strataTested, 2u);
  EXPECT_EQ(p.n, 60u + 70u + 11u);
  EXPECT_NEAR(p.rmsea, std::sqrt((x0 + x1 - 3) / (3.0 * (141 - 1))), 1e-12);

  const auto g = runChiSquareLocalTests(data, {test}, ContingencyStatistic::LikelihoodRatio);
  ASSERT_TRUE(g.ok());
  EXPECT_NEAR(g->results.at(0).statistic, g0 + g1, 1e-10);
  EXPECT_NEAR(g->results.at(0).pValue, tail3(g0 + g1), 1e-12);

  // Only the second stratum, df 2.
  const auto one = runChiSquareLocalTests(fromCounts({s1}), {test});
  ASSERT_TRUE(one.ok());
  EXPECT_NEAR(one->results.at(0).pValue, tail2(x1), 1e-12);
}

TEST(ChiSquareLocalTests, HoldsUnderConditionalIndependenceAndRejectsDependence) {
  // z -> x, z -> y with 3-level z: x _||_ y | z holds, x _||_ y does not.
  std::mt19937_64 engine(7);
  std::uniform_real_distribution<double> u;
  CategoricalColumns data;
  data.names = {"x", "y", "z"};
  data.codes.resize(3);
  for (int i = 0; i < 3000; ++i) {
    const int z = static_cast<int>(3 * u(engine));
    const double px = 0.15 + 0.35 * z, py = 0.8 - 0.3 * z;
    data.codes[0].push_back(u(engine) < px ? 1 : 0);
    data.codes[1].push_back(u(engine) < py ? 1 : 0);
    data.codes[2].push_back(z);
  }
  const auto r = runChiSquareLocalTests(data, {{"x", "y", {"z"}}, {"x", "y", {}}});
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->results[0].pValue, 0.001);
  EXPECT_EQ(r->results[0].df, 3.0);
  EXPECT_LT(r->results[1].pValue, 1e-10);
}

TEST(ChiSquareLocalTests, ClearErrors) {
  auto data = fromCounts({{{10, 20}, {30, 40}}});
  auto r = runChiSquareLocalTests(data, {{"x", "w", {}}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::UnknownNode);
  EXPECT_EQ(r.error().context.variable, "w");

  auto constant = fromCounts({{{10, 0}, {30, 0}}});  // y is constant
  r = runChiSquareLocalTests(constant, {{"x", "y", {}}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("nothing can be tested"), std::string::npos);

  data.codes[1][5] = -1;
  r = runChiSquareLocalTests(data, {{"x", "y", {}}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context.variable, "y");
  EXPECT_NE(r.error().message.find("row 6"), std::string::npos);

  data.codes[1][5] = 0;
  data.codes[2].pop_back();
  r = runChiSquareLocalTests(data, {{"x", "y", {}}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context.variable, "z");
}

}  // namespace
}  // namespace causeway::estimation
