#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/DotSyntax.hpp"

using namespace causeway;
using namespace causeway::graph;

namespace {

// DAGitty text with its lines sorted: equal for graphs that differ only in node order.
std::string canonical(const CausalGraph& g) {
  std::istringstream in(writeDagitty(g));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace

TEST(DotSyntax, RoundTripsRolesPositionsAndBidirectedEdges) {
  auto g = parseDagitty(R"(dag { X [exposure,pos="0,1"] Y [outcome] "U 1" [latent] X -> Y; "U 1" -> X; X <-> Y })").value();
  const std::string dot = writeDot(g);
  auto back = parseDot(dot);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(canonical(*back), canonical(g));
}

TEST(DotSyntax, ReadsPlainGraphvizWithUnknownAttributes) {
  auto g = parseDot("digraph G { rankdir=LR; a [shape=box, label=\"A\"]; a -> b -> c; c -> d [color=red]; b -> d [dir=both] }");
  ASSERT_TRUE(g.ok()) << g.error().describe();
  EXPECT_EQ(g->nodeCount(), 4U);
  EXPECT_TRUE(g->hasEdge(*g->findNode("a"), *g->findNode("b"), EdgeKind::Directed));
  EXPECT_TRUE(g->hasEdge(*g->findNode("b"), *g->findNode("d"), EdgeKind::Bidirected));
}

TEST(DotSyntax, RefusesUndirectedGraphsAndCycles) {
  auto undirected = parseDot("graph { a -- b }");
  ASSERT_FALSE(undirected.ok());
  EXPECT_EQ(undirected.error().code, ErrorCode::UnsupportedSyntax);
  auto cyclic = parseDot("digraph { a -> b; b -> a }");
  ASSERT_FALSE(cyclic.ok());
  EXPECT_EQ(cyclic.error().message, "the model has a cycle: a -> b -> a");
  auto broken = parseDot("digraph { a -> }");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::SyntaxError);
  EXPECT_EQ(broken.error().message.rfind("DOT syntax error", 0), 0U);
}
