#include <gtest/gtest.h>

#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/FrontDoor.hpp"

namespace causeway::identification {
namespace {

using test::canonical;
using test::model;
using test::named;

std::string minimalFrontDoor(const graph::IndexedGraph& g) {
  std::vector<NodeSet> sets;
  listMinimalFrontDoorSets(g, g.withRole(graph::Role::Exposure)[0], g.withRole(graph::Role::Outcome)[0],
                           [&](const NodeSet& s) { sets.push_back(s); return true; });
  return canonical(g, sets);
}

TEST(FrontDoor, PearlsSmokingExample) {
  const auto g = model("dag { U -> X -> M -> Y  U -> Y  U [latent] X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalFrontDoor(g), "{M}");
  const Index x = named(g, {"X"})[0], y = named(g, {"Y"})[0];
  EXPECT_TRUE(isFrontDoorSet(g, x, y, named(g, {"M"})));
  EXPECT_EQ(formatSet(g, findFrontDoorSet(g, x, y).value()), "{M}");
}

TEST(FrontDoor, DirectEdgeOrConfoundedMediatorBreaksIt) {
  EXPECT_EQ(minimalFrontDoor(model("dag { X <-> Y  X -> M -> Y  X -> Y  X [exposure] Y [outcome] }")), "");
  EXPECT_EQ(minimalFrontDoor(model("dag { X <-> Y  X -> M -> Y  M <-> Y  X [exposure] Y [outcome] }")), "");
  EXPECT_EQ(minimalFrontDoor(model("dag { X <-> Y  X -> M -> Y  X <-> M  X [exposure] Y [outcome] }")), "");
}

TEST(FrontDoor, TwoMediatorsAndAHelper) {
  // Two routes need both mediators; the back-door path M1 <- W -> M2 -> Y is closed because
  // M2 is in Z too (its outgoing edges are cut in G with Z's outgoing edges removed).
  const auto g = model("dag { X <-> Y  X -> M1 -> Y  X -> M2 -> Y  W -> M1  W -> M2  X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalFrontDoor(g), "{M1, M2}");
}

bool bruteFrontDoor(const graph::IndexedGraph& g, Index x, Index y, const NodeSet& z) {
  const NodeSet s = g.withRole(graph::Role::Selected);
  for (const Path& p : test::allPaths(g, x, y)) {
    bool directed = true, hit = false;
    for (Step st : p.steps) directed = directed && st == Step::Forward;
    for (Index v : p.nodes) hit = hit || std::binary_search(z.begin(), z.end(), v);
    if (directed && !hit) return false;
  }
  if (z.empty()) return true;
  NodeMask onlyX(g.size(), 0);
  onlyX[x] = 1;
  const graph::IndexedGraph gx(test::toCausalGraph(g, &onlyX));
  if (!test::bruteDSeparated(gx, {x}, z, s)) return false;
  const NodeMask zm = maskOf(z, g.size());
  const graph::IndexedGraph gz(test::toCausalGraph(g, &zm));
  return test::bruteDSeparated(gz, z, {y}, setUnion(NodeSet{x}, s));
}

TEST(FrontDoorProperty, MatchesBruteForce) {
  std::mt19937 rng(4242);
  test::RandomGraphOptions options;
  options.maxNodes = 8;
  options.maxExposures = 1;
  options.maxOutcomes = 1;
  options.bidirectedProbability = 0.15;
  options.selectedProbability = 0.03;
  int nonTrivial = 0;
  for (int round = 0; round < 2500; ++round) {
    const auto g = test::randomModel(rng, options);
    const auto xs = g.withRole(graph::Role::Exposure), ys = g.withRole(graph::Role::Outcome);
    if (xs.empty() || ys.empty()) continue;
    const Index x = xs[0], y = ys[0];
    NodeSet candidates;
    for (Index v = 0; v < g.size(); ++v)
      if (v != x && v != y && !g.has(v, graph::Role::Latent) && !g.has(v, graph::Role::Selected)) candidates.push_back(v);
    auto valid = [&](const NodeSet& z) { return bruteFrontDoor(g, x, y, z); };
    for (const NodeSet& z : test::subsetsOf(candidates))
      ASSERT_EQ(isFrontDoorSet(g, x, y, z), valid(z)) << "round " << round << " Z=" << formatSet(g, z);
    const auto expected = test::bruteMinimal(candidates, {}, valid);
    std::vector<NodeSet> listed;
    listMinimalFrontDoorSets(g, x, y, [&](const NodeSet& s) { listed.push_back(s); return true; });
    ASSERT_EQ(canonical(g, listed), canonical(g, expected)) << "round " << round;
    const auto one = findFrontDoorSet(g, x, y);
    ASSERT_EQ(one.has_value(), !expected.empty());
    if (one) {
      EXPECT_TRUE(valid(*one));
    }
    if (!expected.empty() && !expected[0].empty()) ++nonTrivial;
  }
  EXPECT_GT(nonTrivial, 15);
}

}  // namespace
}  // namespace causeway::identification
