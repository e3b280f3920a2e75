// Adjustment for the direct effect by the single-door criterion (issue 12): textbook graphs and
// brute force against the definition.
#include <gtest/gtest.h>

#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/DirectEffect.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::identification {
namespace {

using test::canonical;
using test::model;
using test::named;

std::string directSets(const graph::IndexedGraph& g) {
  std::vector<NodeSet> sets;
  DirectEffectAnalysis(g, named(g, {"X"})[0], named(g, {"Y"})[0])
      .listMinimalSets([&](const NodeSet& s) { sets.push_back(s); return true; });
  return canonical(g, sets);
}

// Single-door criterion from its definition: no descendant of Y (nor X, Y), no latent node, and
// Z d-separates X and Y (path by path) in G without the edge X -> Y, rebuilt by hand.
bool bruteSingleDoor(const graph::IndexedGraph& g, Index x, Index y, const NodeSet& z) {
  const NodeMask deY = test::bruteDescendants(g, {y});
  for (Index v : z)
    if (v == x || deY[v] != 0 || g.has(v, graph::Role::Latent)) return false;
  graph::CausalGraph cut;
  std::vector<graph::NodeId> ids;
  for (Index v = 0; v < g.size(); ++v) ids.push_back(cut.addNode(g.name(v), g.roles(v)).value());
  for (Index v = 0; v < g.size(); ++v) {
    for (Index c : g.children(v))
      if (v != x || c != y) (void)cut.addEdge(ids[v], ids[c]);
    for (Index s : g.siblings(v))
      if (v < s) (void)cut.addEdge(ids[v], ids[s], graph::EdgeKind::Bidirected);
  }
  return test::bruteDSeparated(graph::IndexedGraph(cut), {x}, {y}, z);
}

TEST(DirectEffect, MediatorWithAConfoundedMediatorOutcomeEdge) {
  // X -> M -> Y, X -> Y, M <- C -> Y: the direct effect needs M (closing X -> M -> Y) and C
  // (closing the path M opens, X -> M <- C -> Y). For the total effect nothing is needed.
  const auto g = model("dag { X [exposure] Y [outcome] X -> M -> Y X -> Y C -> M C -> Y }");
  EXPECT_EQ(directSets(g), "{C, M}");
  const auto check = DirectEffectAnalysis(g, 0, 1).check(named(g, {"M"}));
  EXPECT_FALSE(check.valid);
  ASSERT_TRUE(check.openBiasingPath.has_value());
  EXPECT_EQ(formatPath(g, *check.openBiasingPath), "X -> M <- C -> Y");
  IdentificationOptions options;
  options.effect = Effect::Direct;
  const auto s = identify(g, options).value();
  EXPECT_EQ(s.effect, Effect::Direct);
  EXPECT_EQ(canonical(g, s.adjustmentSets), "{C, M}");
  EXPECT_EQ(canonical(g, identify(g).value().adjustmentSets), "{}");
}

TEST(DirectEffect, NotIdentifiableWhenTheMediatorOutcomeConfounderIsLatent) {
  // With C unobserved, conditioning on M opens X -> M <- C -> Y and not conditioning leaves
  // X -> M -> Y: no adjustment set gives the direct effect.
  const auto g = model("dag { X [exposure] Y [outcome] C [latent] X -> M -> Y X -> Y C -> M C -> Y }");
  EXPECT_EQ(directSets(g), "");
  EXPECT_FALSE(DirectEffectAnalysis(g, 0, 1).minimalSet().has_value());
}

TEST(DirectEffect, DescendantsOfTheOutcomeAreNeverAllowed) {
  // Z confounds X and Y; D is a descendant of Y; the classic single-door answer is {Z}.
  const auto g = model("dag { X [exposure] Y [outcome] Z -> X Z -> Y X -> Y Y -> D }");
  EXPECT_EQ(directSets(g), "{Z}");
  EXPECT_EQ(DirectEffectAnalysis(g, 0, 1).check(named(g, {"Z", "D"})).forbidden, named(g, {"D"}));
}

TEST(DirectEffect, RefusedWithSelectedNodes) {
  IdentificationOptions options;
  options.effect = Effect::Direct;
  const auto g = model("dag { X [exposure] Y [outcome] S [selected] X -> Y X -> S }");
  const auto s = identify(g, options).value();
  EXPECT_FALSE(s.adjustmentComputed);
  ASSERT_FALSE(s.notes.empty());
  EXPECT_NE(s.notes[0].find("not given for models with selected nodes"), std::string::npos) << s.notes[0];
}

TEST(DirectEffectProperty, MatchesTheSingleDoorCriterionByBruteForce) {
  std::mt19937 rng(53);
  test::RandomGraphOptions options;
  options.maxNodes = 8;
  options.edgeProbability = 0.35;
  options.bidirectedProbability = 0.08;
  options.adjustedProbability = 0.05;
  options.maxExposures = 1;
  options.maxOutcomes = 1;
  int withSets = 0, without = 0;
  for (int round = 0; round < 1500; ++round) {
    const auto g = test::randomModel(rng, options);
    const NodeSet xs = g.withRole(graph::Role::Exposure), ys = g.withRole(graph::Role::Outcome);
    if (xs.empty() || ys.empty()) continue;
    const Index x = xs[0], y = ys[0];
    const DirectEffectAnalysis a(g, x, y);
    NodeSet candidates;
    for (Index v = 0; v < g.size(); ++v)
      if (v != x && v != y && !g.has(v, graph::Role::Latent)) candidates.push_back(v);
    const auto expected =
        test::bruteMinimal(candidates, a.forced(), [&](const NodeSet& z) { return bruteSingleDoor(g, x, y, z); });
    std::vector<NodeSet> sets;
    a.listMinimalSets([&](const NodeSet& s) { sets.push_back(s); return true; });
    ASSERT_EQ(canonical(g, sets), canonical(g, expected)) << "round " << round << "\n"
                                                         << graph::writeDagitty(test::toCausalGraph(g));
    const auto one = a.minimalSet();
    ASSERT_EQ(one.has_value(), !expected.empty()) << "round " << round;
    (one ? withSets : without)++;
    NodeSet z;
    for (Index v : candidates)
      if (rng() % 3 == 0) z.push_back(v);
    ASSERT_EQ(a.check(z).valid, bruteSingleDoor(g, x, y, z)) << "round " << round;
  }
  EXPECT_GT(withSets, 300);
  EXPECT_GT(without, 100);
}

}  // namespace
}  // namespace causeway::identification
