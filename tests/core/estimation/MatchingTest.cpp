#include "causeway/estimation/NearestNeighborMatching.hpp"

#include <gtest/gtest.h>

#include <cmath>
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
//    reproduced with MatchingOptions::matchItLeftFirst (4.5.1 truncates distance differences
//    to whole numbers: on the propensity scale it takes the nearest control below whenever
//    there is one, and a caliper under 1 accepts any difference under 1);
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

// matchit(f, data = d, method = "nearest", link = "linear.logit", caliper = 0.2) with MatchIt 4.5.1
// (section 8 of lalonde_reference.R): its integer-truncated differences accept any pair under 1
// on the logit scale, so 131 treated units are matched (a true 0.36 caliper matches 117).
TEST(EstimationNearestNeighborMatching, MatchIt451LogitCaliper) {
  const data::Design d = testing::loadLalonde();
  const Eigen::VectorXd e = lalondePropensity(d);
  MatchingOptions o = matchIt451();
  o.distance = MatchDistance::LogitPropensity;
  o.caliper = 0.2;
  const auto m = matchNearestNeighbor(d.treatment, e, o);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->focalMatched, 131u);  // matchc.n.matched.treated
  EXPECT_NEAR(*m->caliperWidth, 0.3609024, 1e-6);  // mc$caliper
  expectSameMatching(*m, "lalonde_matchit_logit_caliper.csv", true);

  // The reference ATT written out from the csv weights: lm(re78 ~ treat, weights) on the matched
  // sample is the difference of the weighted means. Issue 10 quotes MatchIt's 1388.46.
  const auto ref = testing::readNumericCsv(testing::referencePath("lalonde_matchit_logit_caliper.csv"));
  double sum[2] = {0, 0}, weight[2] = {0, 0};
  for (Eigen::Index i = 0; i < d.outcome.size(); ++i) {
    const auto arm = static_cast<int>(d.treatment(i));
    sum[arm] += ref[1][static_cast<std::size_t>(i)] * d.outcome(i);
    weight[arm] += ref[1][static_cast<std::size_t>(i)];
  }
  const double referenceAtt = sum[1] / weight[1] - sum[0] / weight[0];
  EXPECT_NEAR(referenceAtt, 1388.46, 0.005);
  EstimatorOptions eo;
  eo.matching = o;
  const auto est = estimateMatching(d, e, eo);
  ASSERT_TRUE(est.ok()) << est.error().message;
  EXPECT_NEAR(est->estimate, referenceAtt, 1e-6 * 1388.46);
  EXPECT_EQ(est->n, 262u);
  // vcovCL(lm, cluster = ~subclass) (HC1: G/(G-1) (n-1)/(n-2)) on the csv's weights and
  // subclasses, by a separate hand-written script: 828.7045812346
  EXPECT_NEAR(est->se, 828.7045812346, 1e-6 * 828.7);
}

// Hand-made logits (0 for the treated unit) show 4.5.1's truncated differences against the
// true nearest neighbour.
TEST(EstimationNearestNeighborMatching, MatchIt451TruncatesDistanceDifferences) {
  const auto logistic = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
  Eigen::VectorXd t(4), e(4);
  t << 1, 0, 0, 0;
  e << logistic(0.0), logistic(-0.9), logistic(0.1), logistic(3.0);
  MatchingOptions o;
  o.distance = MatchDistance::LogitPropensity;
  const auto nearest = matchNearestNeighbor(t, e, o);
  ASSERT_TRUE(nearest.ok());
  EXPECT_EQ(nearest->sets.at(0).matches.at(0), 2);  // 0.1 is nearest
  o.matchItLeftFirst = true;
  const auto left = matchNearestNeighbor(t, e, o);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(left->sets.at(0).matches.at(0), 1);  // trunc(0.9) = trunc(0.1) = 0: the one below wins
  // SD of the logits {0, -0.9, 0.1, 3}: mean 0.55, sum of squares 8.61, sqrt(8.61 / 3) = 1.69411;
  // caliper 0.05 SD = 0.0847: nothing is that near, yet trunc(0.9) = 0 passes 4.5.1's test.
  o.caliper = 0.05;
  const auto cal = matchNearestNeighbor(t, e, o);
  ASSERT_TRUE(cal.ok());
  EXPECT_NEAR(*cal->caliperWidth, 0.05 * std::sqrt(8.61 / 3.0), 1e-12);
  EXPECT_EQ(cal->sets.at(0).matches.at(0), 1);
  o.matchItLeftFirst = false;
  EXPECT_EQ(matchNearestNeighbor(t, e, o).error().code, ErrorCode::EmptyGroup);
  // Below at -1.2 (truncates to 1), above at 0.95 (to 0): the one above wins. Above at 1.5
  // instead (to 1): a tie, and ties go to the one below.
  e << logistic(0.0), logistic(-1.2), logistic(0.95), logistic(3.0);
  o = matchIt451();
  o.distance = MatchDistance::LogitPropensity;
  EXPECT_EQ(matchNearestNeighbor(t, e, o)->sets.at(0).matches.at(0), 2);
  e(2) = logistic(1.5);
  EXPECT_EQ(matchNearestNeighbor(t, e, o)->sets.at(0).matches.at(0), 1);
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
