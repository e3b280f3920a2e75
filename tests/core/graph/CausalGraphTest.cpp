#include <gtest/gtest.h>

#include "causeway/graph/CausalGraph.hpp"

using namespace causeway;
using namespace causeway::graph;

namespace {

NodeId add(CausalGraph& g, const std::string& name) { return g.addNode(name).value(); }

}  // namespace

TEST(CausalGraph, AddsNodesWithStableIdsAndRoles) {
  CausalGraph g;
  NodeId x = add(g, "X");
  NodeId y = g.addNode("Y", RoleSet(Role::Outcome), Point{1, 2}).value();
  EXPECT_NE(x, y);
  EXPECT_EQ(g.nodeCount(), 2U);
  EXPECT_EQ(g.findNode("Y"), y);
  EXPECT_FALSE(g.findNode("Q").has_value());
  EXPECT_TRUE(g.roles(y).has(Role::Outcome));
  EXPECT_EQ(g.node(y).position, (Point{1, 2}));
  g.setRole(x, Role::Exposure, true);
  g.setRole(x, Role::Adjusted, true);
  g.setRole(x, Role::Adjusted, false);
  EXPECT_TRUE(g.roles(x).has(Role::Exposure));
  EXPECT_FALSE(g.roles(x).has(Role::Adjusted));
  EXPECT_EQ(g.nodesWithRole(Role::Exposure), std::vector<NodeId>{x});
}

TEST(CausalGraph, RejectsEmptyAndDuplicateNames) {
  CausalGraph g;
  add(g, "X");
  auto dup = g.addNode("X");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::DuplicateNode);
  EXPECT_EQ(dup.error().message, "a node named 'X' already exists");
  EXPECT_FALSE(g.addNode("").ok());
}

TEST(CausalGraph, IdsSurviveRemovalAndAreNotReused) {
  CausalGraph g;
  NodeId a = add(g, "A");
  NodeId b = add(g, "B");
  NodeId c = add(g, "C");
  ASSERT_TRUE(g.addEdge(a, b).ok());
  ASSERT_TRUE(g.addEdge(b, c).ok());
  auto removed = g.removeNode(b);
  EXPECT_EQ(removed.size(), 2U);
  EXPECT_FALSE(g.contains(b));
  EXPECT_EQ(g.name(c), "C");
  EXPECT_EQ(g.edgeCount(), 0U);
  NodeId d = add(g, "B");
  EXPECT_NE(d, b);
  EXPECT_EQ(g.nodeIds(), (std::vector<NodeId>{a, c, d}));
}

TEST(CausalGraph, RestoringANodeAndItsEdgesUndoesARemovalExactly) {
  CausalGraph g;
  NodeId a = add(g, "A");
  NodeId b = add(g, "B");
  NodeId c = add(g, "C");
  ASSERT_TRUE(g.addEdge(a, b).ok());
  ASSERT_TRUE(g.addEdge(b, c, EdgeKind::Bidirected).ok());
  const CausalGraph before = g;
  const NodeData saved = g.node(b);
  auto edges = g.removeNode(b);
  ASSERT_TRUE(g.restoreNode(saved).ok());
  for (const auto& e : edges) ASSERT_TRUE(g.addEdge(e).ok());
  EXPECT_EQ(g, before);
}

TEST(CausalGraph, RejectsSelfLoopsDuplicatesAndNamesTheCycle) {
  CausalGraph g;
  NodeId a = add(g, "A");
  NodeId b = add(g, "B");
  NodeId c = add(g, "C");
  ASSERT_TRUE(g.addEdge(a, b).ok());
  ASSERT_TRUE(g.addEdge(b, c).ok());
  auto loop = g.addEdge(a, a);
  ASSERT_FALSE(loop.ok());
  EXPECT_EQ(loop.error().code, ErrorCode::SelfLoop);
  auto dup = g.addEdge(a, b);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().message, "the edge A -> B already exists");
  auto cycle = g.addEdge(c, a);
  ASSERT_FALSE(cycle.ok());
  EXPECT_EQ(cycle.error().code, ErrorCode::Cycle);
  EXPECT_EQ(cycle.error().message, "adding C -> A would create the cycle C -> A -> B -> C");
  EXPECT_EQ(g.edgeCount(), 2U);
  // A bidirected edge never makes a directed cycle.
  EXPECT_TRUE(g.addEdge(c, a, EdgeKind::Bidirected).ok());
  EXPECT_TRUE(g.hasEdge(a, c, EdgeKind::Bidirected));
}

TEST(CausalGraph, ParentsChildrenSiblings) {
  CausalGraph g;
  NodeId a = add(g, "A");
  NodeId b = add(g, "B");
  NodeId c = add(g, "C");
  ASSERT_TRUE(g.addEdge(a, b).ok());
  ASSERT_TRUE(g.addEdge(c, b).ok());
  ASSERT_TRUE(g.addEdge(a, c, EdgeKind::Bidirected).ok());
  EXPECT_EQ(g.parents(b), (std::vector<NodeId>{a, c}));
  EXPECT_EQ(g.children(a), (std::vector<NodeId>{b}));
  EXPECT_EQ(g.siblings(c), (std::vector<NodeId>{a}));
  EXPECT_TRUE(g.removeEdge(c, a, EdgeKind::Bidirected));
  EXPECT_TRUE(g.siblings(c).empty());
  EXPECT_FALSE(g.removeEdge(b, a, EdgeKind::Directed));
}

TEST(CausalGraph, FindCycleAfterBulkLoading) {
  CausalGraph g;
  NodeId a = add(g, "A");
  NodeId b = add(g, "B");
  NodeId c = add(g, "C");
  ASSERT_TRUE(g.addEdgeUnchecked({a, b, EdgeKind::Directed, {}}).ok());
  EXPECT_FALSE(g.findCycle().has_value());
  ASSERT_TRUE(g.addEdgeUnchecked({b, c, EdgeKind::Directed, {}}).ok());
  ASSERT_TRUE(g.addEdgeUnchecked({c, a, EdgeKind::Directed, {}}).ok());
  auto cycle = g.findCycle();
  ASSERT_TRUE(cycle.has_value());
  EXPECT_EQ(g.describeCycle(*cycle), "A -> B -> C -> A");
}

TEST(CausalGraph, RenameKeepsEdgesAndRejectsTakenNames) {
  CausalGraph g;
  NodeId a = add(g, "A");
  NodeId b = add(g, "B");
  ASSERT_TRUE(g.addEdge(a, b).ok());
  ASSERT_TRUE(g.renameNode(a, "Alpha").ok());
  EXPECT_EQ(g.findNode("Alpha"), a);
  EXPECT_FALSE(g.findNode("A").has_value());
  EXPECT_TRUE(g.hasEdge(a, b, EdgeKind::Directed));
  EXPECT_EQ(g.renameNode(a, "B").error().code, ErrorCode::DuplicateNode);
}

TEST(CausalGraph, CopiesAreIndependent) {
  CausalGraph g;
  NodeId a = add(g, "A");
  CausalGraph copy = g;
  EXPECT_EQ(copy, g);
  copy.setRole(a, Role::Latent, true);
  EXPECT_FALSE(g.roles(a).has(Role::Latent));
  EXPECT_FALSE(copy == g);
}
