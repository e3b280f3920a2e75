#include <gtest/gtest.h>

#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/PathEnumeration.hpp"

namespace causeway::identification {
namespace {

using test::model;
using test::named;

std::vector<ClassifiedPath> paths(const graph::IndexedGraph& g, const NodeSet& z, const PathOptions& o = {}) {
  std::vector<ClassifiedPath> out;
  enumeratePaths(g, g.withRole(graph::Role::Exposure), g.withRole(graph::Role::Outcome), z,
                 [&](const ClassifiedPath& p) { out.push_back(p); return true; }, o);
  return out;
}

TEST(PathEnumeration, MBiasPathsClassified) {
  const auto g = model("dag { X <- A -> M <- B -> Y  X -> Y  X [exposure] Y [outcome] }");
  auto ps = paths(g, {});
  ASSERT_EQ(ps.size(), 2U);
  std::sort(ps.begin(), ps.end(), [](const auto& a, const auto& b) { return a.path.nodes.size() < b.path.nodes.size(); });
  EXPECT_EQ(formatPath(g, ps[0].path), "X -> Y");
  EXPECT_TRUE(ps[0].causal);
  EXPECT_TRUE(ps[0].open);
  EXPECT_EQ(formatPath(g, ps[1].path), "X <- A -> M <- B -> Y");
  EXPECT_FALSE(ps[1].causal);
  EXPECT_FALSE(ps[1].open);
  EXPECT_EQ(g.name(ps[1].blockedAt), "M");
  EXPECT_TRUE(ps[1].blockedByCollider);
  const auto adjusted = paths(g, named(g, {"M"}));
  EXPECT_TRUE(std::all_of(adjusted.begin(), adjusted.end(), [](const auto& p) { return p.open; }));
  const auto both = paths(g, named(g, {"A", "M"}));
  for (const auto& p : both)
    if (!p.causal) {
      EXPECT_FALSE(p.open);
      EXPECT_EQ(g.name(p.blockedAt), "A");
      EXPECT_FALSE(p.blockedByCollider);
    }
}

TEST(PathEnumeration, CapsKeepBigGraphsResponsive) {
  // A ladder with 2^30 X-Y paths.
  std::string text = "dag { X [exposure] Y [outcome] ";
  std::string prev = "X";
  for (int i = 0; i < 30; ++i) {
    const auto k = static_cast<std::size_t>(i);
    const std::string a = test::indexedName("A", k), b = test::indexedName("B", k), c = test::indexedName("C", k);
    for (const std::string* part : std::initializer_list<const std::string*>{&prev, &a, &c, &prev, &b, &c}) {
      text += *part;
      text += (part == &c) ? " " : " -> ";
    }
    prev = c;
  }
  text += prev;
  text += " -> Y }";
  const auto g = model(text);
  PathOptions o;
  o.maxPaths = 50;
  std::size_t n = 0;
  auto outcome = enumeratePaths(g, named(g, {"X"}), named(g, {"Y"}), {}, [&](const ClassifiedPath&) { ++n; return true; }, o);
  EXPECT_EQ(n, 50U);
  EXPECT_TRUE(outcome.truncated);
  o.maxPaths = 1'000'000;
  o.maxSteps = 100'000;
  outcome = enumeratePaths(g, named(g, {"X"}), named(g, {"Y"}), {}, [](const ClassifiedPath&) { return true; }, o);
  EXPECT_TRUE(outcome.truncated);
}

TEST(PathEnumerationProperty, AllPathsFoundAndClassified) {
  std::mt19937 rng(31337);
  test::RandomGraphOptions options;
  options.maxNodes = 8;
  options.bidirectedProbability = 0.1;
  options.selectedProbability = 0.05;
  for (int round = 0; round < 800; ++round) {
    const auto g = test::randomModel(rng, options);
    const NodeSet x = g.withRole(graph::Role::Exposure), y = g.withRole(graph::Role::Outcome);
    if (x.empty() || y.empty()) continue;
    NodeSet z;
    for (Index v = 0; v < g.size(); ++v)
      if (rng() % 4 == 0 && !std::binary_search(x.begin(), x.end(), v) && !std::binary_search(y.begin(), y.end(), v))
        z.push_back(v);
    const auto got = paths(g, z, PathOptions{100000, 10'000'000});
    const NodeMask ends = maskOf(setUnion(x, y), g.size());
    const NodeMask cond = conditioningMask(g, z, x, y);
    std::vector<Path> expected;
    for (Index a : x)
      for (Index b : y)
        for (const Path& p : test::allPaths(g, a, b)) {
          bool interiorClear = true;
          for (std::size_t i = 1; i + 1 < p.nodes.size(); ++i) interiorClear = interiorClear && ends[p.nodes[i]] == 0;
          if (interiorClear) expected.push_back(p);
        }
    ASSERT_EQ(got.size(), expected.size()) << "round " << round;
    for (const ClassifiedPath& c : got) {
      ASSERT_NE(std::find(expected.begin(), expected.end(), c.path), expected.end());
      EXPECT_EQ(c.open, test::pathOpen(g, c.path, cond));
    }
  }
}

TEST(OrderedPaths, CausalPathsAreNotHiddenByManyBiasingOnes) {
  // Twenty closed biasing paths X -> K_i <- L_i -> Y come before the causal path X -> M -> Y in a
  // plain depth-first search (M is X's last child); with room for five, the causal one is first.
  std::string text = "dag { X [exposure] Y [outcome] ";
  for (int i = 0; i < 20; ++i) {
    const std::string k = test::indexedName("K", static_cast<std::size_t>(i));
    const std::string l = test::indexedName("L", static_cast<std::size_t>(i));
    text += "X -> " + k + " <- " + l + " -> Y ";
  }
  text += "X -> M -> Y C -> X C -> Y }";
  const auto g = model(text);
  PathOptions o;
  o.maxPaths = 5;
  const auto r = listPathsInOrder(g, named(g, {"X"}), named(g, {"Y"}), {}, o);
  ASSERT_EQ(r.paths.size(), 5U);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(formatPath(g, r.paths[0].path), "X -> M -> Y");
  EXPECT_EQ(formatPath(g, r.paths[1].path), "X <- C -> Y");  // the one open biasing path
  EXPECT_TRUE(r.paths[1].open);
  for (std::size_t i = 2; i < 5; ++i) EXPECT_FALSE(r.paths[i].open || r.paths[i].causal);
  o.maxPaths = 100;
  const auto all = listPathsInOrder(g, named(g, {"X"}), named(g, {"Y"}), {}, o);
  EXPECT_EQ(all.paths.size(), 22U);
  EXPECT_FALSE(all.truncated);
}

TEST(OrderedPathsProperty, SamePathsAsTheFullSearchInReadingOrder) {
  std::mt19937 rng(4242);
  test::RandomGraphOptions options;
  options.maxNodes = 8;
  options.bidirectedProbability = 0.1;
  for (int round = 0; round < 500; ++round) {
    const auto g = test::randomModel(rng, options);
    const NodeSet x = g.withRole(graph::Role::Exposure), y = g.withRole(graph::Role::Outcome);
    if (x.empty() || y.empty()) continue;
    const auto full = paths(g, {}, PathOptions{100000, 10'000'000});
    const auto ordered = listPathsInOrder(g, x, y, {}, PathOptions{100000, 10'000'000});
    ASSERT_FALSE(ordered.truncated);
    ASSERT_EQ(ordered.paths.size(), full.size()) << "round " << round;
    int lastRank = 0;
    for (const ClassifiedPath& c : ordered.paths) {
      ASSERT_NE(std::find_if(full.begin(), full.end(), [&](const ClassifiedPath& f) { return f.path == c.path; }),
                full.end());
      const int rank = c.causal ? 0 : c.open ? 1 : 2;
      EXPECT_GE(rank, lastRank) << "round " << round;
      lastRank = rank;
    }
    // A cap keeps a prefix of that order's kinds: never a closed path while an open one is left out.
    const std::size_t cap = 1 + rng() % 3;
    const auto capped = listPathsInOrder(g, x, y, {}, PathOptions{cap, 10'000'000});
    EXPECT_EQ(capped.paths.size(), std::min(cap, full.size()));
    EXPECT_EQ(capped.truncated, full.size() > cap) << "round " << round;
    for (std::size_t i = 0; i < capped.paths.size(); ++i) {
      const auto& c = capped.paths[i];
      const auto& o = ordered.paths[i];
      EXPECT_EQ(c.causal ? 0 : c.open ? 1 : 2, o.causal ? 0 : o.open ? 1 : 2) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace causeway::identification
