// The rollout's answer and verdict (issue 14) on inputs small enough to word and judge by hand.
#include <gtest/gtest.h>

#include "causeway/panel/RolloutAnswer.hpp"

using namespace causeway::panel;

namespace {

// One wave first treated in period 2 of 4: post cells at periods 2 and 3, hourly bins.
struct OneWave {
  Panel panel;
  RolloutResult result;
  OneWave() {
    panel.timestamps = true;
    panel.periodKeys = {0, 3600};
    result.groupTime.cohorts = {2};
    for (int t : {1, 2, 3}) result.groupTime.cells.push_back(GroupTimeCell{2, t, t == 1 ? 0 : 1, 0, 0, 1, 1});
    result.aggregates.simple = {-0.5, 0.1, -0.7, -0.3};
    result.preTrend = PreTrendTest{};
    result.preTrend->pValue = 0.30;
  }
};

}  // namespace

TEST(RolloutAnswer, PeriodWord) {
  Panel p;
  p.timestamps = true;
  p.periodKeys = {0, 300, 600, 900};
  EXPECT_EQ(periodWord(p), "5-minute window");
  p.periodKeys = {0, 3600};
  EXPECT_EQ(periodWord(p), "1-hour window");
  p.timestamps = false;
  EXPECT_EQ(periodWord(p), "period");
}

TEST(RolloutAnswer, SentenceAndFailedPreTrendsMeanNotSupported) {
  OneWave w;
  w.result.preTrend->pValue = 0.01;  // rejected
  const auto a = rolloutAnswer(w.result, w.panel, "error_rate", Effect{-0.45, 0.1, -0.65, -0.25});
  EXPECT_EQ(a.sentence, "After the rollout the error rate fell by 0.500 per 1-hour window (95% CI -0.700 to "
                        "-0.300), averaged over the wave and the 2 periods after it.");
  ASSERT_EQ(a.checks.size(), 3u);
  EXPECT_EQ(a.checks[0].status, RolloutCheckStatus::Fail);  // pre-trends, p 0.01 < 0.05
  EXPECT_EQ(a.checks[1].status, RolloutCheckStatus::Pass);  // width 0.4 / 0.5 = 0.8 <= 1
  EXPECT_DOUBLE_EQ(*a.checks[1].value, 0.8);
  EXPECT_EQ(a.checks[2].status, RolloutCheckStatus::Pass);  // -0.45 inside (-0.7, -0.3)
  EXPECT_EQ(a.level, RolloutLevel::NotSupported);           // any fail
}

TEST(RolloutAnswer, AllPassIsSupportedAndWarnIsFragile) {
  OneWave w;
  EXPECT_EQ(rolloutAnswer(w.result, w.panel, "y", Effect{-0.45, 0.1, -0.65, -0.25}).level, RolloutLevel::Supported);
  // -0.9 is outside (-0.7, -0.3) but the same direction: a warning.
  const auto shifted = rolloutAnswer(w.result, w.panel, "y", Effect{-0.9, 0.1, -1.1, -0.7});
  EXPECT_EQ(shifted.checks[2].status, RolloutCheckStatus::Warn);
  EXPECT_EQ(shifted.level, RolloutLevel::Fragile);
  // +0.2: the other control group reverses the sign.
  EXPECT_EQ(rolloutAnswer(w.result, w.panel, "y", Effect{0.2, 0.1, 0.0, 0.4}).checks[2].status, RolloutCheckStatus::Fail);
  // CI (-0.9, -0.1) excludes zero, width 0.8 / 0.5 = 1.6 > 1: fragile.
  w.result.aggregates.simple = {-0.5, 0.2, -0.9, -0.1};
  const auto wide = rolloutAnswer(w.result, w.panel, "y", Effect{-0.45, 0.1, -0.65, -0.25});
  EXPECT_EQ(wide.checks[1].status, RolloutCheckStatus::Warn);
  EXPECT_EQ(wide.level, RolloutLevel::Fragile);
  // No other control group and no pre-periods: both not run, the level rests on precision.
  w.result.preTrend.reset();
  w.result.aggregates.simple = {-0.5, 0.3, -1.1, 0.1};
  const auto unclear = rolloutAnswer(w.result, w.panel, "y", std::nullopt);
  EXPECT_EQ(unclear.checks[0].status, RolloutCheckStatus::NotRun);
  EXPECT_EQ(unclear.checks[1].status, RolloutCheckStatus::Fail);
  EXPECT_EQ(unclear.checks[2].status, RolloutCheckStatus::NotRun);
  EXPECT_EQ(unclear.level, RolloutLevel::NotSupported);
}

TEST(RolloutAnswer, JsonHasTheEstimateShape) {
  OneWave w;
  const auto j = rolloutAnswerJson(rolloutAnswer(w.result, w.panel, "y", std::nullopt));
  EXPECT_EQ(j["answer"]["att"].get<double>(), -0.5);
  EXPECT_EQ(j["answer"]["ci_low"].get<double>(), -0.7);
  EXPECT_EQ(j["verdict"]["level"], "supported");
  ASSERT_EQ(j["verdict"]["checks"].size(), 3u);
  EXPECT_EQ(j["verdict"]["checks"][0]["name"], "pre-trends");
  EXPECT_EQ(j["verdict"]["checks"][0]["threshold"].get<double>(), 0.05);
  EXPECT_EQ(j["verdict"]["checks"][2]["status"], "not-run");
  EXPECT_TRUE(j["verdict"]["checks"][2]["value"].is_null());
}
