#include <gtest/gtest.h>

#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/GraphTransforms.hpp"
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

// Every observed candidate is listed iff some W within An(Y ∪ Z) of G^pbd makes it an
// instrument (brute force over subsets), and the reported W satisfies the definition.
TEST(InstrumentsProperty, MatchesBruteForce) {
  std::mt19937 rng(99);
  test::RandomGraphOptions options;
  options.maxNodes = 9;
  options.maxExposures = 1;
  options.maxOutcomes = 1;
  options.bidirectedProbability = 0.1;
  options.selectedProbability = 0.03;
  int listedCount = 0, conditional = 0;
  for (int round = 0; round < 1500; ++round) {
    const auto g = test::randomModel(rng, options);
    const auto xs = g.withRole(graph::Role::Exposure), ys = g.withRole(graph::Role::Outcome);
    if (xs.empty() || ys.empty()) continue;
    const Index x = xs[0], y = ys[0];
    const auto found = findInstruments(g, x, y);
    const MixedGraph pbd = properBackdoorGraph(MixedGraph(g), xs, ys);
    for (Index z = 0; z < g.size(); ++z) {
      if (z == x || z == y || g.has(z, graph::Role::Latent) || g.has(z, graph::Role::Selected)) continue;
      // Selected nodes are conditioned on, so W may come from their ancestors too.
      const NodeMask anc = ancestors(pbd, setUnion(normalized({y, z}), g.withRole(graph::Role::Selected)));
      NodeSet scope;
      for (Index v = 0; v < g.size(); ++v)
        if (anc[v] != 0 && v != z && v != x && v != y && !g.has(v, graph::Role::Latent) && !g.has(v, graph::Role::Selected))
          scope.push_back(v);
      bool exists = false;
      for (const NodeSet& w : test::subsetsOf(scope)) exists = exists || isConditionalInstrument(g, x, y, z, w);
      auto it = std::find_if(found.begin(), found.end(), [&](const Instrument& i) { return i.instrument == z; });
      ASSERT_EQ(it != found.end(), exists) << "round " << round << " z=" << g.name(z) << " x=" << g.name(x) << " y=" << g.name(y)
                                           << " W=" << (it != found.end() ? formatSet(g, it->given) : "") << "\n"
                                           << graph::writeDagitty(test::toCausalGraph(g));
      if (it != found.end()) {
        EXPECT_TRUE(isConditionalInstrument(g, x, y, z, it->given));
        ++listedCount;
        if (!it->given.empty()) ++conditional;
      }
    }
  }
  EXPECT_GT(listedCount, 200);
  EXPECT_GT(conditional, 30);
}

}  // namespace
}  // namespace causeway::identification
