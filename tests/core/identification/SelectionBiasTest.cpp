// Adjustment under selection bias (issue 12): DAGitty's criterion, checked on its examples and by
// brute force; the population each answer is about.
#include <gtest/gtest.h>

#include <random>

#include "TestSupport.hpp"
#include "causeway/identification/Adjustment.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::identification {
namespace {

using test::canonical;
using test::model;
using test::named;

std::string listed(const graph::IndexedGraph& g, Scope scope) {
  std::vector<NodeSet> sets;
  AdjustmentAnalysis(g, named(g, {"X"}), named(g, {"Y"}), true, scope)
      .listMinimalSets([&](const NodeSet& s) { sets.push_back(s); return true; });
  return canonical(g, sets);
}

TEST(SelectionBias, SelectionOnACauseOfTheOutcomeHasNoWholePopulationSet) {
  // Issue 12, first example: DAGitty lists no set; with S = 1 the data give the effect in that stratum.
  const auto g = model("dag { X [exposure] Y [outcome] S [selected] X -> Y S -> Y }");
  EXPECT_EQ(listed(g, Scope::WholePopulation), "");
  EXPECT_EQ(listed(g, Scope::SelectedUnits), "{}");
  const auto check = checkAdjustmentSet(g, named(g, {"X"}), named(g, {"Y"}), NodeSet{});
  EXPECT_FALSE(check.valid);
  ASSERT_TRUE(check.selectionPath.has_value());
  EXPECT_EQ(formatPath(g, *check.selectionPath), "S -> Y");
  const auto s = identify(g).value();
  EXPECT_EQ(s.population, Population::SelectedOnly);
  EXPECT_TRUE(s.adjustmentSets.empty());
  EXPECT_EQ(canonical(g, s.selectedUnitSets), "{}");
  EXPECT_EQ(populationSentence(g, s),
            "Adjustment sets give the total effect of X on Y only among the selected units, because S is connected "
            "to Y by the open path S -> Y (the data hold the selected units alone).");
}

TEST(SelectionBias, SelectionOnTheExposureThatShiftsTheConfounder) {
  // Issue 12, second example: Z -> X -> S makes P(z | S = 1) differ from P(z).
  const auto g = model("dag { X [exposure] Y [outcome] S [selected] X -> Y X -> S Z -> X Z -> Y }");
  EXPECT_EQ(listed(g, Scope::WholePopulation), "");
  EXPECT_EQ(listed(g, Scope::SelectedUnits), "{Z}");
  const AdjustmentAnalysis a(g, named(g, {"X"}), named(g, {"Y"}));
  EXPECT_FALSE(a.canonicalSet().has_value());
  EXPECT_EQ(a.optimalSet().status, OptimalSet::Status::NoValidSet);
  ASSERT_TRUE(a.selectionPath().has_value());
  EXPECT_EQ(formatPath(g, *a.selectionPath()), "S <- X <- Z -> Y");
}

TEST(SelectionBias, SelectionSeparatedFromTheOutcomeKeepsTheWholePopulation) {
  // Selecting on a cause of the exposure alone: P(y | do(x)) is unchanged, {Z} still works.
  const auto g = model("dag { X [exposure] Y [outcome] S [selected] W -> S W -> X X -> Y Z -> X Z -> Y }");
  EXPECT_EQ(listed(g, Scope::WholePopulation), "{Z}");
  const auto s = identify(g).value();
  EXPECT_EQ(s.population, Population::Whole);
  EXPECT_EQ(populationSentence(g, s),
            "Adjustment sets give the total effect of X on Y in the whole population: the selection on {S} is "
            "d-separated from Y.");
  const auto plain = identify(model("dag { X [exposure] Y [outcome] X -> Y }")).value();
  EXPECT_EQ(populationSentence(model("dag { X [exposure] Y [outcome] X -> Y }"), plain),
            "Adjustment sets give the total effect of X on Y in the whole population.");
}

// Random graphs with selection nodes: both scopes list exactly the brute-force minimal sets, and
// check() agrees with the definition.
TEST(SelectionBiasProperty, MatchesTheCriterionByBruteForce) {
  std::mt19937 rng(2014);
  test::RandomGraphOptions options;
  options.maxNodes = 8;
  options.bidirectedProbability = 0.05;
  options.selectedProbability = 0.2;
  options.maxExposures = 1;
  options.maxOutcomes = 1;
  int refused = 0, recovered = 0, withSelection = 0;
  for (int round = 0; round < 1500; ++round) {
    const auto g = test::randomModel(rng, options);
    const NodeSet x = g.withRole(graph::Role::Exposure), y = g.withRole(graph::Role::Outcome);
    if (x.empty() || y.empty()) continue;
    NodeSet candidates;
    for (Index v = 0; v < g.size(); ++v)
      if (!g.has(v, graph::Role::Latent) && v != x[0] && v != y[0] && !g.has(v, graph::Role::Selected))
        candidates.push_back(v);
    for (Scope scope : {Scope::WholePopulation, Scope::SelectedUnits}) {
      const bool whole = scope == Scope::WholePopulation;
      const AdjustmentAnalysis a(g, x, y, true, scope);
      const auto expected = test::bruteMinimal(
          candidates, {}, [&](const NodeSet& z) { return test::bruteValidAdjustment(g, x, y, z, whole); });
      std::vector<NodeSet> sets;
      a.listMinimalSets([&](const NodeSet& s) { sets.push_back(s); return true; });
      ASSERT_EQ(canonical(g, sets), canonical(g, expected))
          << "round " << round << (whole ? " whole" : " selected") << "\n"
          << graph::writeDagitty(test::toCausalGraph(g));
      for (int q = 0; q < 2; ++q) {
        NodeSet z;
        for (Index v : candidates)
          if (rng() % 3 == 0) z.push_back(v);
        ASSERT_EQ(a.check(z).valid, test::bruteValidAdjustment(g, x, y, z, whole)) << "round " << round;
      }
      if (whole && !a.selected().empty()) {
        ++withSelection;
        if (a.selectionPath()) ++refused;
        else if (!expected.empty()) ++recovered;
      }
    }
  }
  EXPECT_GT(withSelection, 300);
  EXPECT_GT(refused, 100);
  EXPECT_GT(recovered, 50);
}

}  // namespace
}  // namespace causeway::identification
