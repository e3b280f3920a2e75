#include <gtest/gtest.h>

#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/MixedGraph.hpp"

namespace causeway::identification {
namespace {

using test::model;
using test::named;

TEST(DSeparation, ChainForkAndCollider) {
  const auto g = model("dag { A -> B -> C  D <- E -> F  G -> H <- I  H -> J }");
  EXPECT_FALSE(dSeparated(g, named(g, {"A"}), named(g, {"C"}), {}));
  EXPECT_TRUE(dSeparated(g, named(g, {"A"}), named(g, {"C"}), named(g, {"B"})));
  EXPECT_FALSE(dSeparated(g, named(g, {"D"}), named(g, {"F"}), {}));
  EXPECT_TRUE(dSeparated(g, named(g, {"D"}), named(g, {"F"}), named(g, {"E"})));
  EXPECT_TRUE(dSeparated(g, named(g, {"G"}), named(g, {"I"}), {}));
  EXPECT_FALSE(dSeparated(g, named(g, {"G"}), named(g, {"I"}), named(g, {"H"})));
  EXPECT_FALSE(dSeparated(g, named(g, {"G"}), named(g, {"I"}), named(g, {"J"})));  // descendant of a collider
}

TEST(DSeparation, BidirectedEdgeIsALatentCommonCause) {
  const auto g = model("dag { A <-> B  B <- C  A -> D <-> E }");
  EXPECT_FALSE(dSeparated(g, named(g, {"A"}), named(g, {"B"}), {}));
  EXPECT_TRUE(dSeparated(g, named(g, {"A"}), named(g, {"C"}), {}));           // A <-> B <- C: collider at B
  EXPECT_FALSE(dSeparated(g, named(g, {"A"}), named(g, {"C"}), named(g, {"B"})));
  EXPECT_TRUE(dSeparated(g, named(g, {"A"}), named(g, {"E"}), {}));           // A -> D <-> E: collider at D
  EXPECT_FALSE(dSeparated(g, named(g, {"C"}), named(g, {"E"}), named(g, {"B", "D"})));
}

TEST(DSeparation, SelectedNodesAreAlwaysConditionedOn) {
  const auto g = model("dag { A -> S <- B  S [selected] }");
  EXPECT_FALSE(dSeparated(g, named(g, {"A"}), named(g, {"B"}), {}));
}

TEST(DSeparation, ReachableSetAndSets) {
  const auto g = model("dag { A -> B -> C  B <- D  E }");
  EXPECT_EQ(formatSet(g, dConnectedNodes(g, named(g, {"A"}), {})), "{B, C}");
  EXPECT_EQ(formatSet(g, dConnectedNodes(g, named(g, {"A"}), named(g, {"B"}))), "{D}");
  EXPECT_FALSE(dSeparated(g, named(g, {"A", "E"}), named(g, {"C"}), {}));
  EXPECT_TRUE(dSeparated(g, named(g, {"A", "E"}), named(g, {"D"}), {}));
  EXPECT_THROW((void)dSeparated(g, named(g, {"A"}), named(g, {"C"}), named(g, {"A"})), std::invalid_argument);
}

TEST(DSeparation, OpenPathWitnessIsASimpleOpenPath) {
  const auto g = model("dag { X <- A -> M <- B -> Y  X -> Y }");
  const MixedGraph mg(g);
  const auto path = findOpenPath(mg, named(g, {"X"}), named(g, {"Y"}), maskOf(named(g, {"M"}), g.size()));
  ASSERT_TRUE(path);
  // The direct edge is found first (breadth first); remove it to see the biasing path.
  const auto g2 = model("dag { X <- A -> M <- B -> Y }");
  const auto p2 = findOpenPath(MixedGraph(g2), named(g2, {"X"}), named(g2, {"Y"}), maskOf(named(g2, {"M"}), g2.size()));
  ASSERT_TRUE(p2);
  EXPECT_EQ(formatPath(g2, *p2), "X <- A -> M <- B -> Y");
  EXPECT_FALSE(findOpenPath(MixedGraph(g2), named(g2, {"X"}), named(g2, {"Y"}), NodeMask(g2.size(), 0)));
}

// d-separation against the path-based definition on thousands of small random graphs.
TEST(DSeparationProperty, MatchesPathDefinition) {
  std::mt19937 rng(20240601);
  test::RandomGraphOptions options;
  options.maxNodes = 8;
  options.bidirectedProbability = 0.1;
  int checked = 0;
  for (int round = 0; round < 1500; ++round) {
    const auto g = test::randomModel(rng, options);
    const MixedGraph mg(g);
    const std::size_t n = g.size();
    std::uniform_int_distribution<Index> pick(0, static_cast<Index>(n - 1));
    for (int q = 0; q < 4; ++q) {
      const Index a = pick(rng), b = pick(rng);
      if (a == b) continue;
      NodeSet z;
      for (Index v = 0; v < n; ++v)
        if (v != a && v != b && rng() % 3 == 0) z.push_back(v);
      const NodeMask zm = maskOf(z, n);
      const bool expected = test::bruteDSeparated(g, {a}, {b}, z);
      ASSERT_EQ(dSeparated(mg, NodeSet{a}, NodeSet{b}, zm), expected) << "round " << round;
      ASSERT_EQ(dConnected(mg, NodeSet{a}, zm)[b] == 0, expected);
      const auto witness = findOpenPath(mg, NodeSet{a}, NodeSet{b}, zm);
      ASSERT_EQ(!witness.has_value(), expected);
      if (witness) {
        EXPECT_EQ(witness->nodes.front(), a);
        EXPECT_EQ(witness->nodes.back(), b);
        EXPECT_TRUE(test::pathOpen(g, *witness, zm)) << formatPath(g, *witness);
        EXPECT_EQ(normalized(witness->nodes).size(), witness->nodes.size());
        auto paths = test::allPaths(g, a, b);
        EXPECT_NE(std::find(paths.begin(), paths.end(), *witness), paths.end());
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 3000);
}

}  // namespace
}  // namespace causeway::identification
