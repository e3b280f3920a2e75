#include <gtest/gtest.h>

#include <filesystem>

#include "causeway/graph/ModelFile.hpp"

using namespace causeway;
using namespace causeway::graph;

TEST(ModelFile, GuessesTheFormat) {
  auto dagitty = parseModel("dag { a -> b }");
  ASSERT_TRUE(dagitty.ok());
  auto dot = parseModel("digraph { a -> b [color=red] }");
  ASSERT_TRUE(dot.ok()) << dot.error().describe();
  EXPECT_EQ(dot->edgeCount(), 1U);
  auto dagittyDigraph = parseModel("digraph { a [exposure] a -> b }");
  ASSERT_TRUE(dagittyDigraph.ok());
  EXPECT_TRUE(dagittyDigraph->roles(*dagittyDigraph->findNode("a")).has(Role::Exposure));
}

TEST(ModelFile, MissingFileIsAnIoError) {
  auto r = readModelFile("/nonexistent/model.dag");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::IoError);
  EXPECT_EQ(r.error().message, "cannot open model file '/nonexistent/model.dag'");
}

TEST(ModelFile, EveryBundledExampleLoads) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CAUSEWAY_EXAMPLES_DIR)) {
    if (entry.path().extension() != ".dag") continue;
    auto g = readModelFile(entry.path().string());
    ASSERT_TRUE(g.ok()) << g.error().describe();
    EXPECT_FALSE(g->nodesWithRole(Role::Exposure).empty()) << entry.path();
    EXPECT_FALSE(g->nodesWithRole(Role::Outcome).empty()) << entry.path();
    ++count;
  }
  EXPECT_GE(count, 6);
}
