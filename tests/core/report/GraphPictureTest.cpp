#include <gtest/gtest.h>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/report/GraphPicture.hpp"

using namespace causeway;
using namespace causeway::report;

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST(GraphPicture, DrawsEveryNodeEdgeRoleAndTheLegend) {
  auto g = graph::parseDagitty(R"(dag { X [exposure,pos="0,0"] Y [outcome,pos="2,0"] U [latent,pos="1,-1"]
                                         Z [adjusted,pos="1,1"] U -> X U -> Y Z -> X Z -> Y X -> Y X <-> Z })")
               .value();
  const auto x = *g.findNode("X"), y = *g.findNode("Y");
  GraphPictureOptions options;
  options.emphasis = {{{x, y}, EdgeEmphasis::Causal}};
  const std::string svg = renderGraphSvg(g, options);
  EXPECT_EQ(svg.rfind("<svg", 0), 0U);
  for (const char* name : {">X<", ">Y<", ">U<", ">Z<"}) EXPECT_NE(svg.find(name), std::string::npos) << name;
  EXPECT_EQ(count(svg, "#2e8b22"), 2U + 1U);  // the causal edge, its arrowhead, the legend swatch
  EXPECT_NE(svg.find("#bed403"), std::string::npos);  // exposure fill
  EXPECT_NE(svg.find("#00a2e0"), std::string::npos);  // outcome fill
  EXPECT_NE(svg.find("latent common cause"), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray=\"6 4\""), std::string::npos);  // the bidirected edge
}

TEST(GraphPicture, EscapesNamesAndRequiresPositions) {
  auto g = graph::parseDagitty(R"(dag { "a<b" [pos="0,0"] "c&d" [pos="1,1"] "a<b" -> "c&d" })").value();
  const std::string svg = renderGraphSvg(g);
  EXPECT_NE(svg.find("a&lt;b"), std::string::npos);
  EXPECT_NE(svg.find("c&amp;d"), std::string::npos);
  auto unplaced = graph::parseDagitty("dag { a -> b }").value();
  EXPECT_THROW((void)renderGraphSvg(unplaced), std::invalid_argument);
}
