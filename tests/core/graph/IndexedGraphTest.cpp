#include <gtest/gtest.h>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/IndexedGraph.hpp"

using namespace causeway::graph;

TEST(IndexedGraph, DenseSnapshotWithAdjacencyAndTopologicalOrder) {
  auto g = parseDagitty("dag { C -> B; A -> C; A -> B; A <-> D; X [exposure] }").value();
  IndexedGraph ig(g);
  ASSERT_EQ(ig.size(), 5U);
  const auto a = *ig.find("A"), b = *ig.find("B"), c = *ig.find("C"), d = *ig.find("D");
  EXPECT_EQ(ig.directedEdgeCount(), 3U);
  EXPECT_EQ(ig.bidirectedEdgeCount(), 1U);
  EXPECT_EQ(std::vector<IndexedGraph::Index>(ig.parents(b).begin(), ig.parents(b).end()),
            (std::vector<IndexedGraph::Index>{c, a}));
  EXPECT_EQ(ig.siblings(d).size(), 1U);
  EXPECT_EQ(ig.siblings(d)[0], a);
  EXPECT_EQ(ig.withRole(Role::Exposure), std::vector<IndexedGraph::Index>{*ig.find("X")});
  std::vector<std::size_t> rank(ig.size());
  for (std::size_t i = 0; i < ig.topologicalOrder().size(); ++i) rank[ig.topologicalOrder()[i]] = i;
  EXPECT_LT(rank[a], rank[c]);
  EXPECT_LT(rank[c], rank[b]);
  EXPECT_EQ(ig.indexOf(g.findNode("C").value()), c);
}
