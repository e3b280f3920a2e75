#include <gtest/gtest.h>

#include "causeway/report/ChartSvg.hpp"

using namespace causeway::report;

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST(ChartSvg, NiceTicksAreRoundAndCoverTheRange) {
  EXPECT_EQ(niceTicks(0, 1, 5), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
  EXPECT_EQ(niceTicks(-635, 1800, 5), (std::vector<double>{-500, 0, 500, 1000, 1500}));
  EXPECT_EQ(niceTicks(3, 3), std::vector<double>{3});
}

TEST(ChartSvg, MirroredHistogramDrawsOneBarPerNonEmptyBinAndGroup) {
  MirroredHistogram h;
  h.binEdges = {0, 0.25, 0.5, 0.75, 1};
  h.upper = {0.1, 0.2, 0.3, 0.4};
  h.lower = {0.4, 0.3, 0.0, 0.3};
  const std::string svg = renderMirroredHistogramSvg(h);
  EXPECT_EQ(count(svg, "fill=\"#d95f02\" stroke=\"none\""), 4U + 1U);  // + legend swatch
  EXPECT_EQ(count(svg, "fill=\"#1b9e77\" stroke=\"none\""), 3U + 1U);
  EXPECT_NE(svg.find(">treated (above)<"), std::string::npos);
}

TEST(ChartSvg, LovePlotHasTwoDotsPerCovariateAndTheThreshold) {
  const std::string svg = renderLovePlotSvg({{"age", 0.24, 0.03}, {"re74", 1.57, 0.08}, {"married", 1.2, 0.02}});
  EXPECT_EQ(count(svg, "<circle"), 3U * 2U + 2U);  // + the two legend dots
  EXPECT_NE(svg.find(">re74<"), std::string::npos);
  EXPECT_NE(svg.find("threshold 0.1"), std::string::npos);
}

TEST(ChartSvg, ForestPlotDrawsAnIntervalPerRow) {
  const std::string svg = renderForestPlotSvg({{"{age, educ}", 1.2, 0.4, 2.0}, {"{re74}", 0.9, -0.1, 1.9}});
  EXPECT_EQ(count(svg, "fill=\"#2b6cb0\""), 2U);
  EXPECT_NE(svg.find("{age, educ}"), std::string::npos);
}
