// ATT(g, t) on tiny panels whose answers are computed by hand in the tests.
#include <gtest/gtest.h>

#include <cmath>

#include "causeway/panel/Aggregation.hpp"
#include "causeway/panel/GroupTime.hpp"

namespace causeway::panel {
namespace {

// units × periods outcomes (row per unit), cohorts as period indices.
Panel makePanel(const std::vector<std::vector<double>>& y, const std::vector<int>& cohort) {
  Panel panel;
  const std::size_t n = y.size();
  const std::size_t periods = y.front().size();
  for (std::size_t t = 0; t < periods; ++t) panel.periodKeys.push_back(static_cast<std::int64_t>(t + 1));
  panel.outcome.resize(n * periods);
  for (std::size_t i = 0; i < n; ++i) {
    panel.unitIds.push_back("u" + std::to_string(i));
    for (std::size_t t = 0; t < periods; ++t) panel.outcome[t * n + i] = y[i][t];
  }
  panel.cohort = cohort;
  return panel;
}

TEST(GroupTime, HandComputedTwoByTwo) {
  // Treated changes: 5, 7 (mean 6); control changes: 1, 2, 3 (mean 2). DiD = 4.
  const Panel panel = makePanel({{10, 15}, {20, 27}, {3, 4}, {5, 7}, {1, 4}}, {1, 1, -1, -1, -1});
  auto effects = estimateGroupTime(panel, {});
  ASSERT_TRUE(effects.ok()) << effects.error().describe();
  ASSERT_EQ(effects->cells.size(), 1u);
  const auto& cell = effects->cells[0];
  EXPECT_DOUBLE_EQ(cell.att, 4.0);
  EXPECT_EQ(cell.nTreated, 2u);
  EXPECT_EQ(cell.nControl, 3u);
  // Var = Σ(Δ − 6)²/n1² + Σ(Δ − 2)²/n0² = (1 + 1)/4 + (1 + 0 + 1)/9 = 0.5 + 2/9.
  EXPECT_NEAR(cell.se, std::sqrt(0.5 + 2.0 / 9.0), 1e-12);
}

TEST(GroupTime, VaryingBaseAndNotYetTreatedControls) {
  // Periods 1..4; unit 0 treated from period 3 (index 2), unit 1 from period 4 (index 3), unit 2 never.
  const Panel panel = makePanel({{0, 1, 5, 9}, {0, 2, 3, 10}, {0, 1, 1, 2}}, {2, 3, -1});
  GroupTimeOptions options;
  options.control = ControlGroup::NotYetTreated;
  auto effects = estimateGroupTime(panel, options);
  ASSERT_TRUE(effects.ok()) << effects.error().describe();
  // The cell (g, t) by period indices; a default cell (att NaN) when it was not estimated.
  auto cell = [&](int g, int t) {
    for (const auto& c : effects->cells)
      if (c.cohort == g && c.period == t) return c;
    GroupTimeCell missing;
    missing.att = std::nan("");
    return missing;
  };
  // g = 3 (index 2), t = 2 (index 1): pre cell, base t − 1: treated 1 − 0 = 1; controls (unit 1
  // treated after period 2, unit 2 never): (2 + 1) / 2 = 1.5 -> −0.5.
  EXPECT_DOUBLE_EQ(cell(2, 1).att, -0.5);
  EXPECT_EQ(cell(2, 1).basePeriod, 0);
  // g = 3, t = 3: base g − 1 = period 2: treated 5 − 1 = 4; controls unit 1 (3 − 2) and unit 2 (0): 0.5 -> 3.5.
  EXPECT_DOUBLE_EQ(cell(2, 2).att, 3.5);
  // g = 3, t = 4: unit 1 is treated by then, only unit 2: treated 9 − 1 = 8, control 2 − 1 = 1 -> 7.
  EXPECT_DOUBLE_EQ(cell(2, 3).att, 7.0);
  EXPECT_EQ(cell(2, 3).nControl, 1u);
  // g = 4, t = 4: base period 3: 10 − 3 = 7 against unit 2: 2 − 1 = 1 -> 6 (unit 0 is treated, not a control).
  EXPECT_DOUBLE_EQ(cell(3, 3).att, 6.0);
  EXPECT_EQ(cell(3, 3).nControl, 1u);
}

TEST(GroupTime, AnticipationMovesTheBasePeriod) {
  const Panel panel = makePanel({{0, 2, 5, 9}, {0, 1, 1, 2}, {0, 0, 1, 1}}, {3, -1, -1});
  GroupTimeOptions options;
  options.anticipation = 1;
  auto effects = estimateGroupTime(panel, options);
  ASSERT_TRUE(effects.ok());
  for (const auto& c : effects->cells) {
    if (c.period == 3) {
      EXPECT_EQ(c.basePeriod, 1);  // g − 1 − K = 3 − 1 − 1
      // 9 − 2 = 7 against ((2 − 1) + (1 − 0)) / 2 = 1.
      EXPECT_DOUBLE_EQ(c.att, 6.0);
    }
  }
}

TEST(GroupTime, BinaryCovariateEstimatorsEqualExactMatching) {
  // With one binary covariate every estimator (regression, IPW, DR) is saturated and equals the
  // covariate-stratified DiD weighted by the treated's covariate distribution.
  const std::vector<double> x{0, 0, 1, 0, 0, 0, 1, 1, 1};
  const std::vector<int> d{1, 1, 1, 0, 0, 0, 0, 0, 0};
  const std::vector<double> dy{3, 5, 10, 1, 2, 0, 4, 6, 5};
  Panel panel = makePanel([&] {
    std::vector<std::vector<double>> rows;
    for (double change : dy) rows.push_back({0, change});
    return rows;
  }(), [&] {
    std::vector<int> cohorts;
    for (int di : d) cohorts.push_back(di == 1 ? 1 : -1);
    return cohorts;
  }());
  panel.covariateNames = {"x"};
  panel.covariates = {std::vector<double>(x.size() * 2)};
  for (std::size_t i = 0; i < x.size(); ++i) panel.covariates[0][i] = panel.covariates[0][x.size() + i] = x[i];
  // Stratum x = 0: treated mean change 4, controls (1 + 2 + 0) / 3 = 1 -> 3; stratum x = 1:
  // treated 10, controls 5 -> 5. Treated have x = 0 twice, x = 1 once: (2·3 + 5) / 3.
  const double expected = (2 * 3.0 + 5.0) / 3.0;
  for (auto estimator : {Estimator::Regression, Estimator::Ipw, Estimator::DoublyRobust}) {
    GroupTimeOptions options;
    options.estimator = estimator;
    auto effects = estimateGroupTime(panel, options);
    ASSERT_TRUE(effects.ok()) << toString(estimator) << ": " << effects.error().describe();
    EXPECT_NEAR(effects->cells.at(0).att, expected, 1e-8) << toString(estimator);
  }
}

TEST(GroupTime, AggregationsByHand) {
  // Noiseless: cohort index 1 (2 units) has effects 2, 4 in periods 1, 2; cohort index 2 (1 unit)
  // has 6 in period 2; 1 never-treated unit. Shares 2/4 and 1/4.
  const Panel panel = makePanel({{0, 2, 4}, {1, 3, 5}, {0, 0, 6}, {0, 0, 0}}, {1, 1, 2, -1});
  auto effects = estimateGroupTime(panel, {});
  ASSERT_TRUE(effects.ok());
  auto agg = aggregateEffects(*effects, panel.periods());
  ASSERT_TRUE(agg.ok());
  // simple: post cells (1,1)=2, (1,2)=4 with weight 2 each, (2,2)=6 with weight 1: (4 + 8 + 6) / 5.
  EXPECT_NEAR(agg->simple.att, 18.0 / 5.0, 1e-12);
  // group: cohort means 3 and 6, weights 2:1 -> 4.
  EXPECT_NEAR(agg->group.att, 4.0, 1e-12);
  // calendar: period 1: 2; period 2: (2·4 + 6) / 3 = 14/3; mean = (2 + 14/3) / 2.
  EXPECT_NEAR(agg->calendar.att, (2.0 + 14.0 / 3.0) / 2.0, 1e-12);
  // event time 0: (2·2 + 6) / 3 = 10/3; event time 1: 4; dynamic = mean = (10/3 + 4) / 2.
  EXPECT_NEAR(agg->dynamic.att, (10.0 / 3.0 + 4.0) / 2.0, 1e-12);
  // Balanced on e ≤ 1: only cohort index 1 has e = 0 and 1 in the data: (2 + 4) / 2.
  AggregationOptions balanced;
  balanced.balanceEventTime = 1;
  auto agg1 = aggregateEffects(*effects, panel.periods(), balanced);
  ASSERT_TRUE(agg1.ok());
  EXPECT_NEAR(agg1->dynamic.att, 3.0, 1e-12);
}

TEST(GroupTime, ErrorsNameTheProblem) {
  const Panel allTreated = makePanel({{0, 1}, {0, 2}}, {1, 1});
  auto never = estimateGroupTime(allTreated, {});
  ASSERT_FALSE(never.ok());
  EXPECT_NE(never.error().message.find("never-treated"), std::string::npos) << never.error().message;
  GroupTimeOptions anticipation;
  anticipation.anticipation = 1;
  const Panel early = makePanel({{0, 1, 3}, {0, 0, 0}}, {1, -1});
  auto noPre = estimateGroupTime(early, anticipation);
  ASSERT_FALSE(noPre.ok());
  EXPECT_NE(noPre.error().message.find("anticipation"), std::string::npos) << noPre.error().message;
  const Panel untreated = makePanel({{0, 1}, {0, 2}}, {-1, -1});
  EXPECT_FALSE(estimateGroupTime(untreated, {}).ok());
}

}  // namespace
}  // namespace causeway::panel
