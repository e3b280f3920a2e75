#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/Adjustment.hpp"

namespace causeway::identification {
namespace {

using test::canonical;
using test::model;
using test::named;

// Minimal sufficient adjustment sets of the model's exposure(s) and outcome(s), canonically.
std::string minimalSets(const graph::IndexedGraph& g) {
  AdjustmentAnalysis a(g, g.withRole(graph::Role::Exposure), g.withRole(graph::Role::Outcome));
  std::vector<NodeSet> sets;
  a.listMinimalSets([&](const NodeSet& s) { sets.push_back(s); return true; });
  return canonical(g, sets);
}

TEST(Adjustment, Confounder) {
  EXPECT_EQ(minimalSets(model("dag { Z -> X -> Y  Z -> Y  X [exposure] Y [outcome] }")), "{Z}");
}

TEST(Adjustment, MediatorIsNeverAdjusted) {
  const auto g = model("dag { X -> M -> Y  X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalSets(g), "{}");
  AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  const auto check = a.check(named(g, {"M"}));
  EXPECT_FALSE(check.valid);
  EXPECT_EQ(formatSet(g, check.forbidden), "{M}");
}

TEST(Adjustment, ColliderAndItsDescendant) {
  const auto g = model("dag { X -> C <- Y  C -> D  X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalSets(g), "{}");
  AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  const auto check = a.check(named(g, {"D"}));
  EXPECT_FALSE(check.valid);
  EXPECT_TRUE(check.forbidden.empty());
  ASSERT_TRUE(check.openBiasingPath);
  EXPECT_EQ(formatPath(g, *check.openBiasingPath), "X -> C <- Y");
}

TEST(Adjustment, MBiasEmptySetSufficesAndAdjustingMOpensThePath) {
  const auto g = model("dag { X <- A -> M <- B -> Y  X -> Y  X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalSets(g), "{}");
  AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  EXPECT_TRUE(a.check({}).valid);
  const auto withM = a.check(named(g, {"M"}));
  EXPECT_FALSE(withM.valid);
  ASSERT_TRUE(withM.openBiasingPath);
  EXPECT_EQ(formatPath(g, *withM.openBiasingPath), "X <- A -> M <- B -> Y");
  EXPECT_TRUE(a.check(named(g, {"A", "M"})).valid);
}

TEST(Adjustment, ButterflyBias) {
  const auto g = model("dag { A -> X  A -> M  B -> M  B -> Y  M -> X  M -> Y  X -> Y  X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalSets(g), "{A, M} {B, M}");
  AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  EXPECT_FALSE(a.check(named(g, {"M"})).valid);
}

TEST(Adjustment, LatentConfoundingHasNoValidSet) {
  const auto g = model("dag { X <-> Y  X -> Y  Z -> X  X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalSets(g), "");
  AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  EXPECT_FALSE(a.exists());
  EXPECT_FALSE(a.canonicalSet());
  EXPECT_EQ(a.optimalSet().status, OptimalSet::Status::NoValidSet);
  const auto g2 = model("dag { X <- U -> Y  X -> Y  U [latent] X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalSets(g2), "");
}

// Pearl (Causality, 2009, Fig. 3.4): {X4} alone opens X <- X3 <- X1 -> X4 <- X2 -> X5 -> Y.
TEST(Adjustment, PearlBackdoorExample) {
  const auto g = model(R"(dag {
    X1 -> X3  X1 -> X4  X2 -> X4  X2 -> X5  X3 -> X  X4 -> X  X4 -> Y  X5 -> Y  X -> X6 -> Y
    X [exposure] Y [outcome] })");
  EXPECT_EQ(minimalSets(g), "{X1, X4} {X2, X4} {X3, X4} {X4, X5}");
  AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  EXPECT_FALSE(a.check(named(g, {"X4"})).valid);
  EXPECT_FALSE(a.check(named(g, {"X3", "X4", "X6"})).valid);
  EXPECT_EQ(formatSet(g, a.canonicalSet().value()), "{X1, X2, X3, X4, X5}");
  const auto o = a.optimalSet();
  EXPECT_EQ(o.status, OptimalSet::Status::Defined);
  EXPECT_EQ(formatSet(g, o.nodes), "{X4, X5}");
}

// Shrier & Platt (BMC Med Res Methodol 2008), warm-up exercises and injury.
TEST(Adjustment, ShrierPlatt2008) {
  const auto g = model(R"(dag {
    WarmUpExercises [exposure] Injury [outcome]
    Coach -> {FitnessLevel TeamMotivation}
    Genetics -> {FitnessLevel NeuromuscularFatigue ConnectiveTissueDisorder}
    TeamMotivation -> {PreviousInjury WarmUpExercises}
    PreGameProprioception -> WarmUpExercises
    ConnectiveTissueDisorder -> {TissueWeakness NeuromuscularFatigue}
    ContactSport -> {IntraGameProprioception PreviousInjury}
    TissueWeakness -> Injury
    IntraGameProprioception -> Injury
    FitnessLevel -> {PreGameProprioception NeuromuscularFatigue}
    NeuromuscularFatigue -> {IntraGameProprioception Injury}
    WarmUpExercises -> IntraGameProprioception })");
  // Seven minimal sets (also checked against brute force over all 2^11 subsets below). Coach
  // and Genetics alone leave W <- PreGameProprioception <- FitnessLevel -> ... -> Injury open.
  EXPECT_EQ(minimalSets(g),
            "{Coach, FitnessLevel} {Coach, PreGameProprioception} {ConnectiveTissueDisorder, NeuromuscularFatigue} "
            "{FitnessLevel, Genetics} {FitnessLevel, TeamMotivation} {NeuromuscularFatigue, TissueWeakness} "
            "{PreGameProprioception, TeamMotivation}");
  AdjustmentAnalysis a(g, named(g, {"WarmUpExercises"}), named(g, {"Injury"}));
  NodeSet candidates = setDifference(NodeSet{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, named(g, {"WarmUpExercises", "Injury"}));
  const auto brute = test::bruteMinimal(candidates, {}, [&](const NodeSet& z) {
    return test::bruteValidAdjustment(g, a.exposures(), a.outcomes(), z);
  });
  EXPECT_EQ(canonical(g, brute), minimalSets(g));
  EXPECT_FALSE(a.check(named(g, {"Coach", "Genetics"})).valid);
  EXPECT_TRUE(a.check(named(g, {"TeamMotivation", "FitnessLevel"})).valid);
  EXPECT_FALSE(a.check(named(g, {"PreviousInjury"})).valid);
  EXPECT_FALSE(a.check(named(g, {"IntraGameProprioception"})).valid);
}

TEST(Adjustment, ForcedAdjustedNodesJoinEverySet) {
  const auto g = model("dag { X <- A -> M <- B -> Y  X -> Y  M [adjusted] X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalSets(g), "{A, M} {B, M}");
  const auto forcedBad = model("dag { X -> M -> Y  M [adjusted] X [exposure] Y [outcome] }");
  EXPECT_EQ(minimalSets(forcedBad), "");
}

TEST(Adjustment, SeveralExposuresAndOutcomes) {
  const auto g = model("dag { C -> X1 -> Y1  C -> Y2  X2 -> Y2  D -> X2  D -> Y1  X1 [exposure] X2 [exposure] Y1 [outcome] Y2 [outcome] }");
  EXPECT_EQ(minimalSets(g), "{C, D}");
}

TEST(Adjustment, OptimalSetNotObservable) {
  const auto g = model("dag { X -> M -> Y  U -> M  U -> Y  U [latent] X [exposure] Y [outcome] }");
  AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  EXPECT_TRUE(a.exists());
  const auto o = a.optimalSet();
  EXPECT_EQ(o.status, OptimalSet::Status::NotObservable);
  EXPECT_EQ(formatSet(g, o.latent), "{U}");
}

// Random graphs: minimal sets, one minimal set, canonical set and checks against brute force.
TEST(AdjustmentProperty, MatchesBruteForce) {
  std::mt19937 rng(7);
  test::RandomGraphOptions options;
  options.maxNodes = 10;
  options.bidirectedProbability = 0.06;
  options.adjustedProbability = 0.05;
  options.selectedProbability = 0.03;
  int withSets = 0, without = 0, defined = 0, notObservable = 0;
  for (int round = 0; round < 2500; ++round) {
    const auto g = test::randomModel(rng, options);
    const NodeSet x = g.withRole(graph::Role::Exposure), y = g.withRole(graph::Role::Outcome);
    if (x.empty() || y.empty()) continue;
    AdjustmentAnalysis a(g, x, y);
    NodeSet candidates;
    for (Index v = 0; v < g.size(); ++v)
      if (!g.has(v, graph::Role::Latent) && !g.has(v, graph::Role::Exposure) && !g.has(v, graph::Role::Outcome) &&
          !(g.has(v, graph::Role::Selected)))
        candidates.push_back(v);
    const NodeSet forced = a.forced();
    auto valid = [&](const NodeSet& z) { return test::bruteValidAdjustment(g, x, y, z); };
    const auto expected = test::bruteMinimal(candidates, forced, valid);
    std::vector<NodeSet> listed;
    a.listMinimalSets([&](const NodeSet& s) { listed.push_back(s); return true; });
    ASSERT_EQ(canonical(g, listed), canonical(g, expected)) << "round " << round;
    auto unique = listed;
    std::sort(unique.begin(), unique.end());
    ASSERT_EQ(std::unique(unique.begin(), unique.end()), unique.end());
    const auto one = a.minimalSet();
    ASSERT_EQ(one.has_value(), !expected.empty());
    if (one) {
      EXPECT_NE(std::find(expected.begin(), expected.end(), *one), expected.end());
      EXPECT_TRUE(a.canonicalSet().has_value());
      ++withSets;
    } else {
      EXPECT_FALSE(a.canonicalSet().has_value());
      ++without;
    }
    // check() agrees with the definition on random sets, and its witness path is real.
    for (int q = 0; q < 3; ++q) {
      NodeSet z;
      for (Index v = 0; v < g.size(); ++v)
        if (rng() % 3 == 0 && !g.has(v, graph::Role::Exposure) && !g.has(v, graph::Role::Outcome)) z.push_back(v);
      const auto check = a.check(z);
      ASSERT_EQ(check.valid, test::bruteValidAdjustment(g, x, y, z)) << "round " << round;
    }
    // The O-set is valid whenever it is reported as defined.
    const auto o = a.optimalSet();
    if (o.status == OptimalSet::Status::Defined) {
      EXPECT_TRUE(test::bruteValidAdjustment(g, x, y, o.nodes));
    }
    const NodeMask cn = properCausalNodes(MixedGraph(g), x, y);
    if (o.status == OptimalSet::Status::NoCausalPath) {
      EXPECT_FALSE(std::all_of(y.begin(), y.end(), [&](Index v) { return cn[v] != 0; }));
    }
    if (o.status == OptimalSet::Status::NotObservable) ++notObservable;
    if (o.status == OptimalSet::Status::Defined) {
      ++defined;
      // O(X, Y) lies within An(X ∪ Y) minus forb: inside the canonical set when one exists.
      if (a.forced().empty()) {
        EXPECT_TRUE(isSubset(o.nodes, a.canonicalSet().value_or(o.nodes)));
      }
    }
  }
  EXPECT_GT(withSets, 300);
  EXPECT_GT(without, 100);
  EXPECT_GT(defined, 200);
  EXPECT_GT(notObservable, 20);
}

TEST(AdjustmentProperty, CapAndCancellation) {
  // Twenty disjoint back-door paths X <- A_i -> B_i -> Y: 2^20 minimal sets; stop at the cap.
  std::string text = "dag { X [exposure] Y [outcome] X -> Y ";
  for (int i = 0; i < 20; ++i) {
    const std::string a = test::indexedName("A", static_cast<std::size_t>(i));
    const std::string b = test::indexedName("B", static_cast<std::size_t>(i));
    text += "X <- ";
    text += a;
    text += " -> ";
    text += b;
    text += " -> Y ";
  }
  text += "}";
  const auto g = model(text);
  AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  std::size_t seen = 0;
  const auto outcome = a.listMinimalSets([&](const NodeSet&) { ++seen; return true; }, 1000);
  EXPECT_EQ(outcome.count, 1000U);
  EXPECT_EQ(seen, 1000U);
  EXPECT_TRUE(outcome.truncated);
  std::stop_source stop;
  stop.request_stop();
  const auto cancelled = a.listMinimalSets([&](const NodeSet&) { return true; }, 1000, Progress(stop.get_token()));
  EXPECT_TRUE(cancelled.cancelled);
}

}  // namespace
}  // namespace causeway::identification
