#include <gtest/gtest.h>

#include <random>
#include <stop_token>

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
    for (const NodeSet& s : listed) ASSERT_EQ(s, normalized(s)) << "sets come sorted";
    const auto one = findFrontDoorSet(g, x, y);
    ASSERT_EQ(one.has_value(), !expected.empty());
    if (one) {
      EXPECT_TRUE(valid(*one));
    }
    if (!expected.empty() && !expected[0].empty()) ++nonTrivial;
  }
  EXPECT_GT(nonTrivial, 15);
}

// X -> m_i -> Y for 20 mediators, U a latent confounder of X and Y, and 960 background nodes in
// a random DAG that point into the mediators only. Every front-door set must hold each m_i (the
// only node of X -> m_i -> Y), and {m_0..m_19} is one, so it is the one minimal set; the
// background joins the largest set, so the search has to work through all of it.
std::string plantedFrontDoorModel(std::mt19937& rng) {
  std::string text = "dag { X [exposure] Y [outcome] U [latent] U -> X U -> Y\n";
  const std::size_t mediators = 20, background = 960;
  auto b = [](std::size_t i) { return test::indexedName("b", i); };
  for (std::size_t i = 0; i < mediators; ++i) {
    const std::string m = test::indexedName("m", i);
    text += "X -> " + m + " -> Y\n";
    for (int k = 0; k < 2; ++k) text += b(std::uniform_int_distribution<std::size_t>(0, background - 1)(rng)) + " -> " + m + "\n";
  }
  for (std::size_t i = 1; i < background; ++i)
    for (int k = 0; k < 2; ++k) text += b(std::uniform_int_distribution<std::size_t>(0, i - 1)(rng)) + " -> " + b(i) + "\n";
  for (std::size_t i = 0; i < background; ++i) text += b(i) + "\n";  // isolated ones too
  return text + "}";
}

TEST(FrontDoorLarge, PlantedMediatorsOnAThousandNodes) {
  std::mt19937 rng(7);
  const auto g = model(plantedFrontDoorModel(rng));
  ASSERT_EQ(g.size(), 983U);
  const Index x = named(g, {"X"})[0], y = named(g, {"Y"})[0];
  std::vector<std::string> mediators;
  for (std::size_t i = 0; i < 20; ++i) mediators.push_back(test::indexedName("m", i));
  const NodeSet expected = normalized(named(g, mediators));
  std::vector<NodeSet> listed;
  const auto outcome = listMinimalFrontDoorSets(g, x, y, [&](const NodeSet& s) { listed.push_back(s); return true; });
  EXPECT_FALSE(outcome.truncated);
  EXPECT_FALSE(outcome.cancelled);
  EXPECT_EQ(canonical(g, listed), canonical(g, {expected}));
  EXPECT_EQ(findFrontDoorSet(g, x, y), std::optional<NodeSet>(expected));
}

TEST(FrontDoorLarge, RandomThousandNodeDagTerminatesWithValidSets) {
  std::mt19937 rng(99);
  test::RandomGraphOptions options;
  options.minNodes = options.maxNodes = 1000;
  options.edgeProbability = 0.004;  // about two edges per node
  options.bidirectedProbability = 0.0005;
  options.maxExposures = options.maxOutcomes = 1;
  int withSets = 0;
  for (int round = 0; round < 4; ++round) {
    const auto g = test::randomModel(rng, options);
    const Index x = g.withRole(graph::Role::Exposure)[0], y = g.withRole(graph::Role::Outcome)[0];
    std::vector<NodeSet> listed;
    const auto outcome = listMinimalFrontDoorSets(g, x, y, [&](const NodeSet& s) { listed.push_back(s); return true; });
    EXPECT_EQ(outcome.count, listed.size());
    for (const NodeSet& s : listed) EXPECT_TRUE(isFrontDoorSet(g, x, y, s)) << formatSet(g, s);
    const auto one = findFrontDoorSet(g, x, y);
    EXPECT_EQ(one.has_value(), !listed.empty()) << "round " << round;
    if (one) {
      EXPECT_TRUE(isFrontDoorSet(g, x, y, *one));
    }
    withSets += listed.empty() ? 0 : 1;
  }
  EXPECT_GT(withSets, 0);  // the seed gives front-door sets (often {} when X cannot reach Y)
}

TEST(FrontDoorLarge, WorkBudgetTruncatesButStillGivesOneSet) {
  std::mt19937 rng(7);
  const auto g = model(plantedFrontDoorModel(rng));
  const Index x = named(g, {"X"})[0], y = named(g, {"Y"})[0];
  FrontDoorLimits limits;
  limits.maxWork = 10'000;  // a few checks on this graph
  std::vector<NodeSet> listed;
  const auto outcome = listMinimalFrontDoorSets(g, x, y, [&](const NodeSet& s) { listed.push_back(s); return true; }, limits);
  EXPECT_TRUE(outcome.truncated);
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_TRUE(isFrontDoorSet(g, x, y, listed[0]));
}

TEST(FrontDoorLarge, StopTokenCancels) {
  std::mt19937 rng(7);
  const auto g = model(plantedFrontDoorModel(rng));
  std::stop_source stop;
  stop.request_stop();
  std::size_t calls = 0;
  const auto outcome = listMinimalFrontDoorSets(g, named(g, {"X"})[0], named(g, {"Y"})[0],
                                                [&](const NodeSet&) { ++calls; return true; }, kDefaultMaxSets,
                                                Progress(stop.get_token()));
  EXPECT_TRUE(outcome.cancelled);
  EXPECT_EQ(calls, 0U);
}

TEST(FrontDoor, SetCapTruncates) {
  // Every set needs A1 and A2, and C or both of B1 and B2: two minimal sets.
  const auto g = model("dag { X <-> Y  X -> A1 -> Y  X -> A2 -> Y  X -> B1 -> C -> Y  B1 <- X -> B2 -> C  X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalFrontDoor(g), "{A1, A2, B1, B2} {A1, A2, C}");
  std::size_t calls = 0;
  const auto outcome = listMinimalFrontDoorSets(g, named(g, {"X"})[0], named(g, {"Y"})[0],
                                                [&](const NodeSet&) { ++calls; return true; }, 1);
  EXPECT_TRUE(outcome.truncated);
  EXPECT_EQ(calls, 1U);
}

}  // namespace
}  // namespace causeway::identification
