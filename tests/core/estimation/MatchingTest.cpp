#include "causeway/estimation/NearestNeighborMatching.hpp"

#include <gtest/gtest.h>

#include <map>

#include "LalondeData.hpp"
#include "ReferenceCsv.hpp"
#include "causeway/estimation/Estimators.hpp"
#include "causeway/estimation/LogisticRegression.hpp"

namespace causeway::estimation {
namespace {

Eigen::VectorXd lalondePropensity(const data::Design& d) {
  auto fit = fitLogistic(d.covariates, d.treatment, d.covariateNames);
  EXPECT_TRUE(fit.ok());
  return fit->fitted;
}

// Weights and matched sets against reference CSVs (row, weight, subclass) written by
// tests/data/estimation/lalonde_reference.R:
//  - lalonde_matchit_*.csv (section 8): MatchIt 4.5.1, e.g.
//      m <- matchit(treat ~ age + educ + race + married + nodegree + re74 + re75, data = d,
//                   method = "nearest")
//      data.frame(row = 0:613, weight = m$weights, subclass = m$subclass)
//    reproduced with MatchingOptions::matchItLeftFirst (4.5.1 takes the nearest control below
//    the treated unit's score whenever there is one);
//  - lalonde_greedy_*.csv (section 8b): the documented greedy nearest-neighbour algorithm,
//    written out by hand in R (function greedy()), independent of MatchIt.
void expectSameMatching(const MatchingResult& ours, const std::string& file, bool compareSets) {
  const auto ref = testing::readNumericCsv(testing::referencePath(file));
  ASSERT_EQ(ref[1].size(), static_cast<std::size_t>(ours.weights.size()));
  for (std::size_t i = 0; i < ref[1].size(); ++i)
    EXPECT_NEAR(ours.weights(static_cast<Eigen::Index>(i)), ref[1][i], 1e-9) << "row " << i;
  if (!compareSets) return;
  // Subclass labels differ; the partition must not. Map each reference subclass to its treated row.
  std::map<long, long> treatedOfSubclass;
  for (const auto& set : ours.sets) treatedOfSubclass[static_cast<long>(ref[2][static_cast<std::size_t>(set.focal)])] = set.focal;
  for (const auto& set : ours.sets)
    for (Eigen::Index m : set.matches)
      EXPECT_EQ(treatedOfSubclass[static_cast<long>(ref[2][static_cast<std::size_t>(m)])], set.focal) << "control row " << m;
}

MatchingOptions matchIt451() {
  MatchingOptions o;
  o.matchItLeftFirst = true;
  return o;
}

TEST(EstimationNearestNeighborMatching, DefaultIsTrueGreedyNearestNeighbour) {
  const data::Design d = testing::loadLalonde();
  const auto m = matchNearestNeighbor(d.treatment, lalondePropensity(d));
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->focalMatched, 185u);
  EXPECT_EQ(m->poolMatched, 185u);
  // sd(m$distance) = 0.290313372039788
  EXPECT_NEAR(m->distanceSd, 0.290313372039788, 1e-8);
  expectSameMatching(*m, "lalonde_greedy_nearest.csv", true);
}

TEST(EstimationNearestNeighborMatching, DefaultReproducesMatchIt451InCompatibilityMode) {
  const data::Design d = testing::loadLalonde();
  const auto m = matchNearestNeighbor(d.treatment, lalondePropensity(d), matchIt451());
  ASSERT_TRUE(m.ok());
  expectSameMatching(*m, "lalonde_matchit_nearest.csv", true);
}

TEST(EstimationNearestNeighborMatching, RatioTwo) {
  const data::Design d = testing::loadLalonde();
  MatchingOptions o;
  o.ratio = 2;
  const auto m = matchNearestNeighbor(d.treatment, lalondePropensity(d), o);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->poolMatched, 370u);
  expectSameMatching(*m, "lalonde_greedy_ratio2.csv", true);
  o.matchItLeftFirst = true;
  const auto c = matchNearestNeighbor(d.treatment, lalondePropensity(d), o);
  ASSERT_TRUE(c.ok());
  expectSameMatching(*c, "lalonde_matchit_ratio2.csv", true);  // matchit(..., ratio = 2)
}

TEST(EstimationNearestNeighborMatching, WithReplacement) {
  const data::Design d = testing::loadLalonde();
  MatchingOptions o;
  o.ratio = 2;
  o.replace = true;
  const auto m = matchNearestNeighbor(d.treatment, lalondePropensity(d), o);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->subclass.empty());
  expectSameMatching(*m, "lalonde_greedy_replace_ratio2.csv", false);
  o.matchItLeftFirst = true;
  const auto c = matchNearestNeighbor(d.treatment, lalondePropensity(d), o);
  ASSERT_TRUE(c.ok());
  expectSameMatching(*c, "lalonde_matchit_replace_ratio2.csv", false);  // replace = TRUE, ratio = 2
}

TEST(EstimationNearestNeighborMatching, LogitCaliper) {
  const data::Design d = testing::loadLalonde();
  MatchingOptions o;
  o.distance = MatchDistance::LogitPropensity;
  o.caliper = 0.2;
  const auto m = matchNearestNeighbor(d.treatment, lalondePropensity(d), o);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->focalMatched, 117u);  // greedy.caliper.n.matched.treated
  // mc$caliper = 0.3609024 (0.2 x SD of the logit over all units), the same width as MatchIt.
  EXPECT_NEAR(*m->caliperWidth, 0.3609024, 1e-6);
  expectSameMatching(*m, "lalonde_greedy_logit_caliper.csv", true);
}

TEST(EstimationNearestNeighborMatching, SmallestFirst) {
  const data::Design d = testing::loadLalonde();
  MatchingOptions o;
  o.order = MatchOrder::Smallest;
  const auto m = matchNearestNeighbor(d.treatment, lalondePropensity(d), o);
  ASSERT_TRUE(m.ok());
  expectSameMatching(*m, "lalonde_greedy_smallest.csv", true);
  o.matchItLeftFirst = true;
  const auto c = matchNearestNeighbor(d.treatment, lalondePropensity(d), o);
  ASSERT_TRUE(c.ok());
  expectSameMatching(*c, "lalonde_matchit_smallest.csv", true);  // m.order = "smallest"
}

TEST(EstimationNearestNeighborMatching, RandomOrderIsSeeded) {
  const data::Design d = testing::loadLalonde();
  const Eigen::VectorXd e = lalondePropensity(d);
  MatchingOptions o;
  o.order = MatchOrder::Random;
  o.seed = 11;
  const auto a = matchNearestNeighbor(d.treatment, e, o);
  const auto b = matchNearestNeighbor(d.treatment, e, o);
  o.seed = 12;
  const auto c = matchNearestNeighbor(d.treatment, e, o);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->weights, b->weights);
  EXPECT_NE(a->sets.front().focal, c->sets.front().focal);
  EXPECT_NE(a->conventions.find("seed 11"), std::string::npos);
}

// lm(re78 ~ treat, data = match.data(m), weights = weights); sqrt(vcovCL(., cluster = ~subclass)[2, 2])
TEST(EstimationNearestNeighborMatching, MatchingEstimateAndClusterSeAsTheMatchItVignette) {
  const data::Design d = testing::loadLalonde();
  const Eigen::VectorXd e = lalondePropensity(d);
  // True greedy matching: g1.att / g1.att.se.CR1 (section 8b, lm + vcovCL on the hand-made match)
  const auto g = estimateMatching(d, e);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_NEAR(g->estimate, 894.367480270274, 1e-6 * 894.37);
  EXPECT_NEAR(g->se, 705.229764061619, 1e-6 * 705.23);
  EXPECT_EQ(g->n, 370u);
  // MatchIt 4.5.1: match.att / match.att.se.CR1
  EstimatorOptions o;
  o.matching.matchItLeftFirst = true;
  const auto m = estimateMatching(d, e, o);
  ASSERT_TRUE(m.ok());
  EXPECT_NEAR(m->estimate, 770.390167837841, 1e-6 * 770.39);
  EXPECT_NEAR(m->se, 701.575062200523, 1e-6 * 701.58);
  o.matching.ratio = 2;  // match2.att / match2.att.se.CR1
  const auto m2 = estimateMatching(d, e, o);
  ASSERT_TRUE(m2.ok());
  EXPECT_NEAR(m2->estimate, 220.288640675677, 1e-6 * 220.29);
  EXPECT_NEAR(m2->se, 663.148317617597, 1e-6 * 663.15);
  // With replacement, 1:2, on the matched sample: kr <- mr$weights > 0;
  // lm(re78 ~ treat, data = d[kr, ], weights = mr$weights[kr]); vcovHC(type = "HC1")
  o.matching.replace = true;
  const auto mr = estimateMatching(d, e, o);
  ASSERT_TRUE(mr.ok());
  EXPECT_NEAR(mr->estimate, 1379.2773732973, 1e-6 * 1379.28);
  EXPECT_NEAR(mr->se, 1030.71115176591, 1e-6 * 1030.7);
  // Caliper 0.2 SD of the logit, true greedy: gc.att / gc.att.se.CR1
  o = {};
  o.matching.caliper = 0.2;
  o.matching.distance = MatchDistance::LogitPropensity;
  const auto c = estimateMatching(d, e, o);
  ASSERT_TRUE(c.ok());
  EXPECT_NEAR(c->estimate, 1770.60290641026, 1e-6 * 1770.6);
  EXPECT_NEAR(c->se, 924.234347046261, 1e-6 * 924.23);
  EXPECT_FALSE(c->notes.empty());  // 68 treated units unmatched
}

TEST(EstimationNearestNeighborMatching, BadInputs) {
  Eigen::VectorXd t(4), e(4);
  t << 1, 1, 0, 0;
  e << 0.2, 0.9, 0.3, 0.4;
  MatchingOptions o;
  o.caliper = 1e-6;
  EXPECT_EQ(matchNearestNeighbor(t, e, o).error().code, ErrorCode::EmptyGroup);
  o = {};
  o.estimand = Estimand::ATE;
  EXPECT_EQ(matchNearestNeighbor(t, e, o).error().code, ErrorCode::InvalidArgument);
  Eigen::VectorXd allTreated = Eigen::VectorXd::Ones(4);
  EXPECT_EQ(matchNearestNeighbor(allTreated, e).error().code, ErrorCode::EmptyGroup);
  e(1) = 1.0;
  EXPECT_EQ(matchNearestNeighbor(t, e).error().code, ErrorCode::InvalidArgument);
}

TEST(EstimationNearestNeighborMatching, CaliperLeavesFarUnitsUnmatchedAndNearestWins) {
  Eigen::VectorXd t(6), e(6);
  t << 1, 1, 0, 0, 0, 0;
  e << 0.50, 0.95, 0.52, 0.48, 0.10, 0.49;
  MatchingOptions o;
  o.order = MatchOrder::Data;
  const auto m = matchNearestNeighbor(t, e, o);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->sets.size(), 2u);
  EXPECT_EQ(m->sets[0].matches.front(), 5);  // 0.49 is nearest to 0.50
  EXPECT_EQ(m->sets[1].matches.front(), 2);  // 0.52 next nearest to 0.95
  o.caliper = 0.5;  // 0.5 SD of e is far less than 0.43
  const auto c = matchNearestNeighbor(t, e, o);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->focalMatched, 1u);
  EXPECT_EQ(c->weights(1), 0.0);
}

}  // namespace
}  // namespace causeway::estimation
