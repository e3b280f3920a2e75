// The report's rollout section on a noiseless panel whose effects are known by construction.
#include <gtest/gtest.h>

#include <variant>

#include "causeway/panel/Rollout.hpp"
#include "causeway/report/RolloutSection.hpp"

namespace causeway::panel {
namespace {

// 4 units over 4 periods: two first treated in period 3 (index 2) with effect 2 in every post
// period, two never treated; no noise, so every post ATT(g, t) is exactly 2.
Panel noiseless() {
  Panel panel;
  panel.periodKeys = {1, 2, 3, 4};
  panel.unitIds = {"a", "b", "c", "d"};
  panel.cohort = {2, 2, kNeverTreated, kNeverTreated};
  const double level[4] = {1, 3, 0, 5};
  for (int t = 0; t < 4; ++t)
    for (std::size_t i = 0; i < 4; ++i) panel.outcome.push_back(level[i] + 0.5 * t + (panel.cohort[i] == 2 && t >= 2 ? 2.0 : 0.0));
  return panel;
}

TEST(RolloutReport, HeadlineFigureAndTables) {
  const Panel panel = noiseless();
  auto result = runRollout(panel, {});
  ASSERT_TRUE(result.ok()) << result.error().describe();
  const auto section = report::rolloutSection(*result, panel, "error_rate", "no covariates");
  ASSERT_FALSE(section.blocks.empty());
  const auto* headline = std::get_if<report::Paragraph>(&section.blocks.front());
  ASSERT_NE(headline, nullptr);
  // Noiseless: the interval collapses onto 2; one wave, post cells in periods 3 and 4.
  EXPECT_EQ(headline->text, "After the rollout the error rate rose by 2.000 per period (95% CI 2.000 to 2.000), "
                            "averaged over the wave and the 2 periods after it.");
  bool figure = false, waves = false, checks = false;
  for (const auto& block : section.blocks) {
    if (const auto* f = std::get_if<report::Figure>(&block)) figure = f->svg.find("<svg") == 0;
    if (const auto* t = std::get_if<report::Table>(&block); t && t->header.front() == "wave (first treated)") {
      ASSERT_EQ(t->rows.size(), 1u);
      EXPECT_EQ(t->rows[0][0], "3");
      EXPECT_EQ(t->rows[0][1], "2.000");
    }
    if (const auto* t = std::get_if<report::Table>(&block); t && t->header.front() == "check") {
      ASSERT_EQ(t->rows.size(), 3u);
      EXPECT_EQ(t->rows[1][0], "precision");
      EXPECT_EQ(t->rows[1][1], "pass");  // the interval excludes zero
      // The not-yet-treated are the never-treated here (one wave): the same 2, inside.
      EXPECT_EQ(t->rows[2][1], "pass");
      checks = true;
    }
    waves = waves || std::holds_alternative<report::Table>(block);
  }
  EXPECT_TRUE(figure);
  EXPECT_TRUE(waves);
  EXPECT_TRUE(checks);
}

}  // namespace
}  // namespace causeway::panel
