// The report's sensitivity section from a hand-made result: the robustness value in words, the
// tables and the three SVG figures, and nothing when the study ran no sensitivity analysis.
#include <gtest/gtest.h>

#include <string>

#include "causeway/report/SensitivitySection.hpp"

using namespace causeway;

namespace {

template <typename T>
std::size_t countOf(const report::Section& s) {
  std::size_t n = 0;
  for (const auto& b : s.blocks) n += std::holds_alternative<T>(b) ? 1 : 0;
  return n;
}

}  // namespace

TEST(SensitivitySection, RobustnessValueInWordsTablesAndPlots) {
  study::StudyResult result;
  EXPECT_FALSE(report::sensitivitySection(result).has_value());

  estimation::SensitivityAnalysis ols;
  ols.estimate = 0.0973;
  ols.se = 0.0233;
  ols.dof = 783;
  ols.t = ols.estimate / ols.se;
  ols.rvQ = 0.139;   // the paper's Darfur example: 13.9% and 7.6%
  ols.rvQAlpha = 0.076;
  ols.plots = estimation::buildSensitivityPlots(ols.estimate, ols.se, ols.dof, 0.05, {{"1x female", 0.01, 0.12, 0.07, 3.0}}, 21);
  study::StudySensitivity sens;
  sens.ols = ols;
  estimation::RosenbaumResult rosenbaum;
  rosenbaum.nonZeroPairs = 40;
  rosenbaum.rows = {{1.0, 0.001}, {2.0, 0.2}};
  rosenbaum.gammaCritical = 1.6;
  sens.rosenbaum = rosenbaum;
  study::NegativeControlOutcome nc;
  nc.node = "N";
  nc.expectedZero = true;
  nc.explanation = "no causal path";
  sens.negativeControls.outcomes.push_back(nc);
  result.sensitivity = sens;

  auto section = report::sensitivitySection(result);
  ASSERT_TRUE(section.has_value());
  const auto& first = std::get<report::Paragraph>(section->blocks.front());
  EXPECT_EQ(first.text,
            "A confounder explaining 13.9% of the residual variance of both the treatment and the outcome would bring "
            "the regression estimate to zero; 7.6% would make it not significant at the 5% level.");
  EXPECT_EQ(countOf<report::Figure>(*section), 3U);
  EXPECT_EQ(countOf<report::Table>(*section), 3U);  // summary, Rosenbaum, negative controls (no bounds)
  for (const auto& b : section->blocks)
    if (const auto* f = std::get_if<report::Figure>(&b)) {
      EXPECT_EQ(f->svg.rfind("<svg", 0), 0U);
      EXPECT_NE(f->svg.find("</svg>"), std::string::npos);
    }
  bool gamma = false;
  for (const auto& b : section->blocks)
    if (const auto* p = std::get_if<report::Paragraph>(&b)) gamma = gamma || p->text.find("1.60 (\u0393)") != std::string::npos;
  EXPECT_TRUE(gamma);
}
