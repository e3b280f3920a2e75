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

// Boost's reader gives no positions; the DOT reader finds them (line:column of the culprit).
std::string whereDot(const std::string& text) {
  const auto r = parseDot(text, "t.dot");
  if (r.ok()) return "ok";
  return std::to_string(r.error().context.line) + ":" + std::to_string(r.error().context.column);
}

TEST(DotSyntax, LocatesSyntaxErrors) {
  EXPECT_EQ(whereDot("digraph {\n  a -> ;\n}\n"), "2:8");                  // the unexpected token
  EXPECT_EQ(whereDot("digraph { a; b; c -> ; }"), "1:22");                 // not the earlier ';'
  EXPECT_EQ(whereDot("digraph {\n a -> b [label=\"x]\n}\n"), "2:16");     // unterminated string
  EXPECT_EQ(whereDot("digraph {\n a -> b\n"), "3:1");                     // missing '}': the end
  EXPECT_EQ(whereDot("digraph { a -> b }\n}"), "2:1");                    // text after the graph
  EXPECT_EQ(whereDot("digraph { \"ü\" -> ; }"), "1:18");                  // columns count characters
}

TEST(DotSyntax, LocatesBadAttributes) {
  EXPECT_EQ(whereDot("digraph {\n  b;\n  // a [role=cause]\n  a [label=\"role=cause\", role=\"exposure;cause\"];\n}"), "4:26");
  EXPECT_EQ(whereDot("digraph {\n  a [pos=\"1,2\"];\n  b [pos = \"1 2\"];\n}"), "3:6");
}

// Found by fuzzing: the nesting guard counted braces inside quoted names, so a graph whose node
// name holds 300 '{' was read but its own written form was refused.
TEST(DotSyntax, BracesInsideQuotedNamesAreNotNesting) {
  const std::string name = "a" + std::string(300, '{') + "\\\"}";
  auto read = parseDot("digraph { \"" + name + "\" -> b }");
  ASSERT_TRUE(read.ok()) << read.error().describe();
  auto again = parseDot(writeDot(*read));
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ(again->nodeCount(), 2u);
  EXPECT_TRUE(again->findNode("a" + std::string(300, '{') + "\"}").has_value());
  // Real nesting past the limit is still refused before Boost's recursion.
  std::string deep = "digraph { ";
  for (int i = 0; i < 300; ++i) deep += "subgraph { ";
  EXPECT_FALSE(parseDot(deep + "a").ok());
}
