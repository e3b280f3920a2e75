// Reading long-format telemetry into a panel, and each bad input's message.
#include <gtest/gtest.h>

#include <cmath>

#include "causeway/data/CsvReader.hpp"
#include "causeway/panel/ColumnGuess.hpp"
#include "causeway/panel/Panel.hpp"

namespace causeway::panel {
namespace {

Result<Panel> build(const std::string& csv, PanelSpec spec) {
  data::CsvOptions options;
  options.sourceName = "t.csv";
  auto data = data::readCsvString(csv, options);
  if (!data) return data.error();
  return buildPanel(*data, spec);
}

PanelSpec cohortSpec() {
  PanelSpec spec;
  spec.unit = "host";
  spec.time = "t";
  spec.outcome = "y";
  spec.cohort = "g";
  return spec;
}

PanelSpec treatedSpec() {
  PanelSpec spec = cohortSpec();
  spec.cohort.clear();
  spec.treated = "on";
  return spec;
}

std::string messageOf(const Result<Panel>& result) { return result.ok() ? "(no error)" : result.error().describe(); }

TEST(PanelBuilder, CohortColumnAndUnbalancedPanel) {
  auto panel = build("host,t,y,g\na,1,1.5,2\na,2,2.5,2\nb,1,0.5,0\nb,3,1,0\n", cohortSpec());
  ASSERT_TRUE(panel.ok()) << messageOf(panel);
  EXPECT_EQ(panel->units(), 2u);
  EXPECT_EQ(panel->periods(), 3);
  EXPECT_EQ(panel->cohort, (std::vector<int>{1, kNeverTreated}));
  EXPECT_DOUBLE_EQ(panel->y(1, 0), 2.5);
  EXPECT_TRUE(std::isnan(panel->y(1, 1)));  // b has no row for period 2
  EXPECT_EQ(panel->periodLabel(2), "3");
}

TEST(PanelBuilder, TreatedColumnGivesCohorts) {
  auto panel = build("host,t,y,on\na,1,0,0\na,2,0,1\na,3,0,1\nb,1,0,0\nb,2,0,0\nb,3,0,0\n", treatedSpec());
  ASSERT_TRUE(panel.ok()) << messageOf(panel);
  EXPECT_EQ(panel->cohort, (std::vector<int>{1, kNeverTreated}));
}

TEST(PanelBuilder, TimestampsAreBinned) {
  PanelSpec spec = cohortSpec();
  spec.periodSeconds = *parsePeriodLength("5min");
  auto panel = build("host,t,y,g\n"
                     "a,2026-12-04T14:00:10,1,2026-12-04T14:05:00\n"
                     "a,2026-12-04T14:06:59,3,2026-12-04T14:05:00\n"
                     "b,2026-12-04 14:01:00,2,\n"
                     "b,2026-12-04T14:09:00Z,4,\n",
                     spec);
  ASSERT_TRUE(panel.ok()) << messageOf(panel);
  ASSERT_EQ(panel->periods(), 2);
  EXPECT_EQ(panel->periodLabel(0), "2026-12-04T14:00:00");
  EXPECT_EQ(panel->periodLabel(1), "2026-12-04T14:05:00");
  EXPECT_EQ(panel->cohort, (std::vector<int>{1, kNeverTreated}));
  EXPECT_EQ(parsePeriodLength("1h"), 3600);
  EXPECT_EQ(parsePeriodLength("1d"), 86400);
  EXPECT_FALSE(parsePeriodLength("5 parsecs").has_value());
}

TEST(PanelBuilder, DuplicatesAreAnErrorUnlessAggregated) {
  const std::string csv = "host,t,y,g\na,1,1,2\na,1,3,2\na,2,5,2\nb,1,0,0\nb,2,0,0\n";
  auto duplicate = build(csv, cohortSpec());
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().context.line, 3u);
  EXPECT_NE(duplicate.error().message.find("line 2"), std::string::npos) << messageOf(duplicate);
  PanelSpec mean = cohortSpec();
  mean.aggregate = Aggregate::Mean;
  auto averaged = build(csv, mean);
  ASSERT_TRUE(averaged.ok());
  EXPECT_DOUBLE_EQ(averaged->y(0, 0), 2.0);
  PanelSpec sum = cohortSpec();
  sum.aggregate = Aggregate::Sum;
  EXPECT_DOUBLE_EQ(build(csv, sum)->y(0, 0), 4.0);
}

TEST(PanelBuilder, TwoCohortsForOneUnit) {
  auto panel = build("host,t,y,g\na,1,1,2\na,2,1,3\nb,1,0,0\n", cohortSpec());
  ASSERT_FALSE(panel.ok());
  EXPECT_EQ(panel.error().context.line, 3u);
  EXPECT_EQ(panel.error().context.column, 4u);
  EXPECT_NE(panel.error().message.find("'a' has two cohorts"), std::string::npos) << messageOf(panel);
  EXPECT_NE(panel.error().message.find("line 2"), std::string::npos) << messageOf(panel);
}

TEST(PanelBuilder, TreatmentSwitchingOff) {
  auto panel = build("host,t,y,on\nh7,1,0,0\nh7,2,0,1\nh7,3,0,0\n", treatedSpec());
  ASSERT_FALSE(panel.ok());
  EXPECT_EQ(panel.error().context.line, 4u);
  EXPECT_NE(panel.error().message.find("'h7' switches treatment off"), std::string::npos) << messageOf(panel);
  EXPECT_NE(panel.error().message.find("line 3"), std::string::npos) << messageOf(panel);
}

TEST(PanelBuilder, CohortTreatedInTheFirstPeriod) {
  auto panel = build("host,t,y,g\na,5,1,5\na,6,1,5\nb,5,0,0\n", cohortSpec());
  ASSERT_FALSE(panel.ok());
  EXPECT_EQ(panel.error().context.line, 2u);
  EXPECT_NE(panel.error().message.find("first period"), std::string::npos) << messageOf(panel);
}

TEST(PanelBuilder, UnparsableTime) {
  auto panel = build("host,t,y,g\na,1,1,0\na,yesterday,1,0\n", cohortSpec());
  ASSERT_FALSE(panel.ok());
  EXPECT_EQ(panel.error().context.line, 3u);
  EXPECT_EQ(panel.error().context.column, 2u);
  EXPECT_NE(panel.error().message.find("'yesterday'"), std::string::npos) << messageOf(panel);
  auto fractional = build("host,t,y,g\na,1.5,1,0\n", cohortSpec());
  ASSERT_FALSE(fractional.ok());
  EXPECT_EQ(fractional.error().context.line, 2u);
}

TEST(PanelBuilder, MissingUnitId) {
  auto panel = build("host,t,y,g\na,1,1,0\n,2,1,0\n", cohortSpec());
  ASSERT_FALSE(panel.ok());
  EXPECT_EQ(panel.error().context.line, 3u);
  EXPECT_EQ(panel.error().context.column, 1u);
  EXPECT_NE(panel.error().message.find("unit id is missing"), std::string::npos) << messageOf(panel);
}

TEST(PanelBuilder, UnknownColumnIsNamed) {
  PanelSpec spec = cohortSpec();
  spec.outcome = "latency";
  auto panel = build("host,t,y,g\na,1,1,0\n", spec);
  ASSERT_FALSE(panel.ok());
  EXPECT_EQ(panel.error().context.variable, "latency");
}

TEST(PanelBuilder, GuessesTheRolloutColumns) {
  auto data = data::readCsvString("region,host,when,error_rate,rollout_at,load\n"
                                  "eu,h1,2026-12-04T00:00:00,1.5,2026-12-04T06:00:00,3\n"
                                  "eu,h2,2026-12-04T00:00:00,1.1,,4\n");
  ASSERT_TRUE(data.ok());
  const auto s = guessRolloutColumns(*data);
  EXPECT_EQ(s.unit, "host");
  EXPECT_EQ(s.time, "when");
  EXPECT_EQ(s.cohort, "rollout_at");
  EXPECT_EQ(s.outcome, "error_rate");
  EXPECT_TRUE(s.treated.empty());
}

}  // namespace
}  // namespace causeway::panel
