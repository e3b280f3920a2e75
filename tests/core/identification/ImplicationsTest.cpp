#include <gtest/gtest.h>

#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/Implications.hpp"

namespace causeway::identification {
namespace {

using test::model;

std::string implications(const graph::IndexedGraph& g, std::size_t cap = kDefaultMaxSets) {
  std::string out;
  listImpliedIndependencies(g, [&](const Implication& i) {
    out += (out.empty() ? "" : "; ") + formatImplication(g, i);
    return true;
  }, cap);
  return out;
}

TEST(Implications, ChainAndCollider) {
  EXPECT_EQ(implications(model("dag { A -> B -> C }")), "A _||_ C | B");
  EXPECT_EQ(implications(model("dag { A -> C <- B }")), "A _||_ B");
}

TEST(Implications, SeveralMinimalSeparatorsPerPair) {
  // Two parallel routes from A to D.
  EXPECT_EQ(implications(model("dag { A -> B -> D  A -> C -> D  }")), "A _||_ D | B, C; B _||_ C | A");
  EXPECT_EQ(implications(model("dag { A -> B -> C -> D }")),
            "A _||_ C | B; A _||_ D | B; A _||_ D | C; B _||_ D | C");
}

TEST(Implications, LatentVariablesAreNeverConditionedOn) {
  // A <- U -> B with U latent: no observed set separates A and B.
  EXPECT_EQ(implications(model("dag { U -> A  U -> B  U [latent] }")), "");
  EXPECT_EQ(implications(model("dag { A <-> B  B -> C }")), "A _||_ C | B");
  EXPECT_EQ(implications(model("dag { A -> B <-> C }")), "A _||_ C");
}

TEST(Implications, CapIsReported) {
  const auto g = model("dag { A -> B -> C -> D }");
  EnumerationOutcome o = listImpliedIndependencies(g, [](const Implication&) { return true; }, 2);
  EXPECT_EQ(o.count, 2U);
  EXPECT_TRUE(o.truncated);
  o = listImpliedIndependencies(g, [](const Implication&) { return true; }, 4);
  EXPECT_EQ(o.count, 4U);
  EXPECT_FALSE(o.truncated);
}

TEST(Implications, BasisSet) {
  const auto g = model("dag { A -> B -> C  A -> D  U -> D  U -> C  U [latent] }");
  std::vector<std::string> lines;
  for (const BasisImplication& b : basisSet(g))
    lines.push_back(g.name(b.node) + " _||_ " + formatSet(g, b.independentOf) + " | " + formatSet(g, b.given));
  // C and D have a latent parent; A has no non-descendant.
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0], "B _||_ {D} | {A}");
}

TEST(ImplicationsProperty, MatchesBruteForce) {
  std::mt19937 rng(12345);
  test::RandomGraphOptions options;
  options.maxNodes = 8;
  options.bidirectedProbability = 0.08;
  options.selectedProbability = 0.03;
  int total = 0;
  for (int round = 0; round < 700; ++round) {
    const auto g = test::randomModel(rng, options);
    std::vector<Implication> got;
    listImpliedIndependencies(g, [&](const Implication& i) { got.push_back(i); return true; }, 100000);
    const NodeSet selected = g.withRole(graph::Role::Selected);
    std::vector<Implication> expected;
    std::vector<Index> byName;
    for (Index v = 0; v < g.size(); ++v)
      if (!g.has(v, graph::Role::Latent) && !g.has(v, graph::Role::Selected)) byName.push_back(v);
    std::sort(byName.begin(), byName.end(), [&](Index a, Index b) { return g.name(a) < g.name(b); });
    for (std::size_t i = 0; i < byName.size(); ++i)
      for (std::size_t j = i + 1; j < byName.size(); ++j) {
        const Index a = byName[i], b = byName[j];
        bool adjacent = false;
        for (Index c : g.children(a)) adjacent = adjacent || c == b;
        for (Index c : g.parents(a)) adjacent = adjacent || c == b;
        for (Index c : g.siblings(a)) adjacent = adjacent || c == b;
        if (adjacent) continue;
        NodeSet candidates;
        for (Index v : byName)
          if (v != a && v != b) candidates.push_back(v);
        auto sets = test::bruteMinimal(candidates, {}, [&](const NodeSet& z) {
          return test::bruteDSeparated(g, {a}, {b}, setUnion(z, selected));
        });
        std::sort(sets.begin(), sets.end(),
                  [&](const NodeSet& l, const NodeSet& r) { return sortedNames(g, l) < sortedNames(g, r); });
        for (const NodeSet& s : sets) expected.push_back({a, b, s});
      }
    ASSERT_EQ(got, expected) << "round " << round;
    total += static_cast<int>(got.size());
  }
  EXPECT_GT(total, 1000);
}

}  // namespace
}  // namespace causeway::identification
