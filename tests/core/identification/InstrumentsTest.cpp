#include <gtest/gtest.h>

#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/Instruments.hpp"

namespace causeway::identification {
namespace {

using test::model;

std::string listInstruments(const graph::IndexedGraph& g) {
  std::string out;
  for (const Instrument& i : findInstruments(g, g.withRole(graph::Role::Exposure)[0], g.withRole(graph::Role::Outcome)[0])) {
    if (!out.empty()) out += " ";
    out += g.name(i.instrument) + "|" + formatSet(g, i.given);
  }
  return out;
}

TEST(Instruments, ClassicInstrument) {
  EXPECT_EQ(listInstruments(model("dag { Z -> X -> Y  X <-> Y  X [exposure] Y [outcome] }")), "Z|{}");
}

TEST(Instruments, ConditionalInstrument) {
  // Z shares a cause W with Y: Z is an instrument only given W.
  EXPECT_EQ(listInstruments(model("dag { W -> Z -> X -> Y  W -> Y  X <-> Y  X [exposure] Y [outcome] }")),
            "Z|{W}");
}

TEST(Instruments, NoInstrumentWhenTheCandidateAffectsTheOutcome) {
  EXPECT_EQ(listInstruments(model("dag { Z -> X -> Y  Z -> Y  X <-> Y  X [exposure] Y [outcome] }")), "");
  EXPECT_EQ(listInstruments(model("dag { Z -> X -> Y  Z <-> Y  X [exposure] Y [outcome] }")), "");
}

TEST(Instruments, MediatedEffect) {
  // With a mediator the back-door graph drops X -> M; Z still instruments the total effect.
  EXPECT_EQ(listInstruments(model("dag { Z -> X -> M -> Y  X <-> Y  X [exposure] Y [outcome] }")), "Z|{}");
}

TEST(Instruments, DescendantOfAMediatorMayBeConditionedOn) {
  // Issue 10: K descends from the mediator F but not from Y, so W = {A, K} is allowed and makes M
  // an instrument (DAGitty lists D given {} and M given {A, K}).
  EXPECT_EQ(listInstruments(model("dag { X [exposure] Y [outcome] X -> D -> M ; X -> F -> Y ; F -> K -> M ; "
                                  "A -> M ; A -> Y }")),
            "D|{} M|{A, K}");
}

// The definition, written out with the test's own graph surgery and path-based d-separation:
// Z (observed, not X or Y) is an instrument given W when W holds no latent node, no mediator
// (cn(X, Y)), no node of de(Y) in G^pbd, not X and not Z, and with the selected nodes added to W,
// Z is d-connected to X and d-separated from Y in G^pbd.
struct InstrumentOracle {
  const graph::IndexedGraph& g;
  Index x, y;
  graph::IndexedGraph pbd;
  NodeMask forbidden;
  NodeSet selected;

  InstrumentOracle(const graph::IndexedGraph& graph, Index exposure, Index outcome)
      : g(graph), x(exposure), y(outcome), pbd(test::bruteProperBackdoorGraph(graph, {exposure}, {outcome})) {
    forbidden = test::bruteCn(g, {x}, {y});
    const NodeMask deY = test::bruteDescendants(pbd, {y});
    for (Index v = 0; v < g.size(); ++v) {
      if (deY[v] != 0 || v == x || g.has(v, graph::Role::Latent)) forbidden[v] = 1;
      if (g.has(v, graph::Role::Selected) && v != x && v != y) selected.push_back(v);
    }
  }
  bool candidate(Index z) const {
    return z != x && z != y && !g.has(z, graph::Role::Latent) && !g.has(z, graph::Role::Selected);
  }
  bool valid(Index z, const NodeSet& w) const {
    for (Index v : w)
      if (forbidden[v] != 0 || v == z || g.has(v, graph::Role::Selected)) return false;
    const NodeSet given = setUnion(w, selected);
    return !test::bruteDSeparated(pbd, {z}, {x}, given) && test::bruteDSeparated(pbd, {z}, {y}, given);
  }
  // Candidates for an ancestral W: observed, allowed nodes of An(Y ∪ Z ∪ selected) in G^pbd.
  NodeSet ancestralScope(Index z) const {
    const NodeMask anc = test::bruteAncestors(pbd, setUnion(normalized({y, z}), selected));
    NodeSet scope;
    for (Index v = 0; v < g.size(); ++v)
      if (anc[v] != 0 && forbidden[v] == 0 && v != z && !g.has(v, graph::Role::Selected)) scope.push_back(v);
    return scope;
  }
};

// Every listed (Z, W) satisfies the definition, and every candidate with a valid ancestral W
// (brute force over subsets) is listed.
TEST(InstrumentsProperty, MatchesTheDefinitionByBruteForce) {
  std::mt19937 rng(99);
  test::RandomGraphOptions options;
  options.maxNodes = 9;
  options.edgeProbability = 0.35;
  options.maxExposures = 1;
  options.maxOutcomes = 1;
  options.bidirectedProbability = 0.1;
  options.selectedProbability = 0.03;
  int listedCount = 0, conditional = 0, beyondForb = 0;
  for (int round = 0; round < 3000; ++round) {
    const auto g = test::randomModel(rng, options);
    const auto xs = g.withRole(graph::Role::Exposure), ys = g.withRole(graph::Role::Outcome);
    if (xs.empty() || ys.empty()) continue;
    const InstrumentOracle oracle(g, xs[0], ys[0]);
    const auto found = findInstruments(g, xs[0], ys[0]);
    const NodeMask forb = test::bruteDescendants(g, setOf(test::bruteCn(g, xs, ys)));
    for (Index z = 0; z < g.size(); ++z) {
      if (!oracle.candidate(z)) continue;
      bool exists = false;
      for (const NodeSet& w : test::subsetsOf(oracle.ancestralScope(z))) exists = exists || oracle.valid(z, w);
      auto it = std::find_if(found.begin(), found.end(), [&](const Instrument& i) { return i.instrument == z; });
      ASSERT_EQ(it != found.end(), exists) << "round " << round << " z=" << g.name(z) << " x=" << g.name(xs[0])
                                           << " y=" << g.name(ys[0])
                                           << " W=" << (it != found.end() ? formatSet(g, it->given) : "") << "\n"
                                           << graph::writeDagitty(test::toCausalGraph(g));
      if (it == found.end()) continue;
      EXPECT_TRUE(oracle.valid(z, it->given)) << "round " << round << " z=" << g.name(z);
      ++listedCount;
      if (!it->given.empty()) ++conditional;
      if (std::any_of(it->given.begin(), it->given.end(), [&](Index v) { return forb[v] != 0; })) ++beyondForb;
    }
  }
  EXPECT_GT(listedCount, 150);
  EXPECT_GT(conditional, 20);
  EXPECT_GT(beyondForb, 0);  // the case the old forb(X, Y) rule missed does occur
}

}  // namespace
}  // namespace causeway::identification
