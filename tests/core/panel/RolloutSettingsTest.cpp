// A rollout study's settings: read from a project's "rollout" object, written back, checked.
#include <gtest/gtest.h>

#include "causeway/panel/RolloutSettings.hpp"

namespace causeway::panel {
namespace {

TEST(RolloutSettings, ReadsPlansAndWritesBack) {
  const auto object = nlohmann::json::parse(R"({"unit": "host", "time": "time", "outcome": "error_rate",
      "cohort": "rollout_at", "covariates": "model", "control": "not-yet-treated", "method": "ipw",
      "anticipation": 1, "period": "5min", "bootstrap": 199, "seed": 7})");
  auto settings = rolloutSettingsFromJson(object);
  ASSERT_TRUE(settings.ok()) << settings.error().describe();
  EXPECT_TRUE(settings->covariatesFromModel);
  auto plan = planRollout(*settings);
  ASSERT_TRUE(plan.ok()) << plan.error().describe();
  EXPECT_EQ(plan->spec.periodSeconds, 300);
  EXPECT_EQ(plan->options.groupTime.control, ControlGroup::NotYetTreated);
  EXPECT_EQ(plan->options.groupTime.estimator, Estimator::Ipw);
  EXPECT_EQ(plan->options.groupTime.anticipation, 1);
  EXPECT_EQ(plan->options.bootstrapDraws, 199);
  EXPECT_EQ(plan->options.seed, 7u);
  auto again = rolloutSettingsFromJson(rolloutSettingsJson(*settings));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *settings);
}

TEST(RolloutSettings, BadValuesNameTheSetting) {
  auto wrongType = rolloutSettingsFromJson(nlohmann::json::parse(R"({"unit": 3})"), "p.causeway");
  ASSERT_FALSE(wrongType.ok());
  EXPECT_EQ(wrongType.error().context.variable, "rollout.unit");
  RolloutSettings s;
  s.unit = "host";
  s.time = "t";
  s.outcome = "y";
  s.cohort = "g";
  s.control = "everyone";
  auto plan = planRollout(s);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.error().message.find("never-treated or not-yet-treated"), std::string::npos);
  s.control = "never-treated";
  s.treated = "on";
  EXPECT_FALSE(planRollout(s).ok());  // both a cohort and a treated column
}

}  // namespace
}  // namespace causeway::panel
