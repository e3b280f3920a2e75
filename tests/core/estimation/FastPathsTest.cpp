// The shortcuts that keep the whole estimate fast on millions of rows, each against the direct
// computation: the bucketed KS statistic against the ECDFs written out from their definition,
// the comparison across adjustment sets reusing the primary estimate against a fresh
// estimateEffect, and the one-pass design check against the messages of the full check.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "causeway/data/Dataset.hpp"
#include "causeway/data/DesignBuilder.hpp"
#include "causeway/estimation/Balance.hpp"
#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"
#include "causeway/estimation/Estimators.hpp"
#include "causeway/estimation/LogisticRegression.hpp"

namespace causeway::estimation {
namespace {

// max over values v of |F1(v) - F0(v)|, the weighted ECDFs (normalised within group) evaluated
// at every distinct value: O(n x distinct), from the definition.
double bruteForceKs(const Eigen::VectorXd& x, const Eigen::VectorXd& t, const Eigen::VectorXd* w) {
  double total1 = 0, total0 = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) (t(i) == 1.0 ? total1 : total0) += w ? (*w)(i) : 1.0;
  const std::set<double> values(x.data(), x.data() + x.size());
  double best = 0;
  for (const double v : values) {
    double f1 = 0, f0 = 0;
    for (Eigen::Index i = 0; i < x.size(); ++i)
      if (x(i) <= v) (t(i) == 1.0 ? f1 : f0) += w ? (*w)(i) : 1.0;
    best = std::max(best, std::fabs(f1 / total1 - f0 / total0));
  }
  return best;
}

// Columns chosen to stress the buckets: many ties (one decimal), a heavy tail with one huge
// outlier (nearly everything in one bucket), -0 next to +0, values closer than float can
// tell apart, a constant column, and a column whose groups barely differ (many buckets near
// the maximum gap).
Eigen::MatrixXd awkwardColumns(const Eigen::VectorXd& t, std::mt19937_64& rng) {
  const Eigen::Index n = t.size();
  std::normal_distribution<double> normal;
  Eigen::MatrixXd x(n, 6);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double z = normal(rng) + 0.4 * t(i);
    x(i, 0) = std::round(z * 10.0) / 10.0;
    x(i, 1) = i == 7 ? 1e12 : std::exp(z);
    x(i, 2) = i % 3 == 0 ? -0.0 : (i % 3 == 1 ? 0.0 : std::round(z) + 0.5);
    x(i, 3) = 1e15 + static_cast<double>((i * 7919) % 1000);
    x(i, 4) = 3.25;
    x(i, 5) = normal(rng);
  }
  return x;
}

TEST(FastPaths, BucketedKsEqualsTheEcdfsWrittenOut) {
  std::mt19937_64 rng(20261204);
  std::bernoulli_distribution coin(0.4);
  std::uniform_real_distribution<double> uniform(0.2, 5.0);
  for (const Eigen::Index n : {8, 50, 3000}) {
    SCOPED_TRACE(n);
    Eigen::VectorXd t(n), w(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      t(i) = i < 4 ? static_cast<double>(i % 2) : (coin(rng) ? 1.0 : 0.0);  // both groups present
      w(i) = i % 11 == 0 ? 0.0 : uniform(rng);                          // some units weighted out
    }
    const Eigen::MatrixXd x = awkwardColumns(t, rng);
    const std::vector<std::string> names{"ties", "tail", "zeros", "close", "constant", "noise"};
    auto table = computeBalance(x, names, t, Estimand::ATE, &w, "weights", 2);
    ASSERT_TRUE(table.ok()) << table.error().message;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      SCOPED_TRACE(names[static_cast<std::size_t>(j)]);
      const auto& row = table->rows[static_cast<std::size_t>(j)];
      ASSERT_FALSE(row.binary);
      const Eigen::VectorXd column = x.col(j);
      EXPECT_NEAR(row.unadjusted.ks, bruteForceKs(column, t, nullptr), 1e-12);
      ASSERT_TRUE(row.adjusted.has_value());
      EXPECT_NEAR(row.adjusted->ks, bruteForceKs(column, t, &w), 1e-12);
    }
  }
}

// Weighted mean and variance of one group, from the definitions (w null: unit weights).
std::pair<double, double> groupMoments(const Eigen::VectorXd& x, const Eigen::VectorXd& t, const Eigen::VectorXd* w,
                                       double group) {
  double sw = 0, swx = 0, sww = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (t(i) == group) {
      const double wi = w ? (*w)(i) : 1.0;
      sw += wi;
      swx += wi * x(i);
      sww += wi * wi;
    }
  const double mean = swx / sw;
  double squares = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (t(i) == group) squares += (w ? (*w)(i) : 1.0) * (x(i) - mean) * (x(i) - mean);
  return {mean, squares / (sw - sww / sw)};
}

TEST(FastPaths, BlockwiseBalanceOfSeveralWeightsEqualsTheDefinitions) {
  // Several blocks of rows and two weight vectors read in the same pass as the unadjusted sums.
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform(0.1, 3.0);
  const Eigen::Index n = 7001;
  Eigen::VectorXd t(n), w1(n), w2(n);
  Eigen::MatrixXd x(n, 2);
  for (Eigen::Index i = 0; i < n; ++i) {
    t(i) = i % 3 == 0 ? 1.0 : 0.0;
    x(i, 0) = 1e3 + std::round((normal(rng) + 0.3 * t(i)) * 20.0) / 10.0;  // ties, far from 0
    x(i, 1) = normal(rng) + t(i) > 0.5 ? 1.0 : 0.0;
    w1(i) = uniform(rng);
    w2(i) = i % 7 == 0 ? 0.0 : uniform(rng);
  }
  auto tables = computeBalanceTables(x, {"ties", "binary"}, t, Estimand::ATE,
                                     {{"first", &w1}, {"second", &w2}}, 2);
  ASSERT_TRUE(tables.ok()) << tables.error().message;
  ASSERT_EQ(tables->size(), 2u);
  for (Eigen::Index j = 0; j < 2; ++j) {
    SCOPED_TRACE(j);
    const Eigen::VectorXd column = x.col(j);
    const auto [m1, v1] = groupMoments(column, t, nullptr, 1.0);
    const auto [m0, v0] = groupMoments(column, t, nullptr, 0.0);
    const double sd = std::sqrt((v1 + v0) / 2.0);
    for (std::size_t a = 0; a < 2; ++a) {
      const auto& row = (*tables)[a].rows[static_cast<std::size_t>(j)];
      EXPECT_EQ(row.binary, j == 1);
      EXPECT_NEAR(row.unadjusted.meanTreated, m1, 1e-10 * std::fabs(m1));
      EXPECT_NEAR(row.unadjusted.varianceRatio, v1 / v0, 1e-10);
      EXPECT_NEAR(row.unadjusted.ks, bruteForceKs(column, t, nullptr), 1e-12);
      const Eigen::VectorXd* w = a == 0 ? &w1 : &w2;
      const auto [a1, av1] = groupMoments(column, t, w, 1.0);
      const auto [a0, av0] = groupMoments(column, t, w, 0.0);
      ASSERT_TRUE(row.adjusted.has_value());
      EXPECT_NEAR(row.adjusted->meanTreated, a1, 1e-10 * std::fabs(a1));
      EXPECT_NEAR(row.adjusted->meanControl, a0, 1e-10 * std::fabs(a0));
      EXPECT_NEAR(row.adjusted->smd, (a1 - a0) / sd, 1e-10);
      EXPECT_NEAR(row.adjusted->varianceRatio, av1 / av0, 1e-10);
      EXPECT_NEAR(row.adjusted->ks, bruteForceKs(column, t, w), 1e-12);
    }
  }
}

data::Dataset studyData(std::size_t n, bool missingExtra) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  std::vector<double> a(n), b(n), c(n), t(n), y(n);
  for (std::size_t i = 0; i < n; ++i) {
    a[i] = normal(rng);
    b[i] = normal(rng);
    c[i] = missingExtra && i % 13 == 0 ? std::numeric_limits<double>::quiet_NaN() : normal(rng);
    const double p = 1.0 / (1.0 + std::exp(-(0.5 * a[i] - 0.4 * b[i])));
    t[i] = std::uniform_real_distribution<double>(0, 1)(rng) < p ? 1.0 : 0.0;
    y[i] = 1.0 + 2.0 * t[i] + a[i] - b[i] + 0.3 * (std::isnan(c[i]) ? 0.0 : c[i]) + normal(rng);
  }
  return data::Dataset({data::Column::numeric("a", a), data::Column::numeric("b", b), data::Column::numeric("c", c),
                        data::Column::numeric("t", t), data::Column::numeric("y", y)});
}

// The comparison entry of the primary's own set against estimateEffect on a design built
// independently from the same rows, for each method whose estimate may be reused.
void expectComparisonEqualsFreshEstimate(bool missingExtra, Method method) {
  const data::Dataset dataset = studyData(800, missingExtra);
  EstimationRequest request;
  request.estimand = Estimand::ATE;
  request.methods = {method};
  request.alternativeAdjustmentSets = {{"a", "b"}, {"a", "b", "c"}, {"b"}};
  auto report = runEstimation(dataset, "t", "y", std::vector<std::string>{"a", "b"}, request);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->adjustmentSetComparison.size(), 3u);

  // Every set on the rows complete on a, b and c.
  const std::vector<std::string> all{"a", "b", "c"};
  auto unionDesign = data::buildDesign(dataset, "t", "y", all);
  ASSERT_TRUE(unionDesign.ok());
  EstimatorOptions options;
  options.estimand = Estimand::ATE;
  for (std::size_t k = 0; k < 3; ++k) {
    SCOPED_TRACE(k);
    auto selected = selectCovariates(*unionDesign, request.alternativeAdjustmentSets[k]);
    ASSERT_TRUE(selected.ok());
    auto fresh = estimateEffect(*selected, method, options);
    ASSERT_TRUE(fresh.ok()) << fresh.error().message;
    const auto& entry = report->adjustmentSetComparison[k];
    ASSERT_TRUE(entry.estimate.has_value());
    EXPECT_EQ(entry.rows, static_cast<std::size_t>(unionDesign->size()));
    EXPECT_EQ(entry.columns, selected->covariateNames);
    EXPECT_DOUBLE_EQ(entry.estimate->estimate, fresh->estimate);
    EXPECT_DOUBLE_EQ(entry.estimate->se, fresh->se);
    EXPECT_EQ(entry.estimate->n, fresh->n);
  }
}

TEST(FastPaths, ComparisonOfThePrimarySetEqualsAFreshEstimate) {
  for (const Method method : {Method::Ipw, Method::Aipw, Method::GComputation, Method::RegressionAdjustment}) {
    SCOPED_TRACE(std::string(displayName(method)));
    expectComparisonEqualsFreshEstimate(false, method);  // same rows: the primary estimate is reused
    expectComparisonEqualsFreshEstimate(true, method);   // c is missing on some rows: estimated afresh
  }
}

data::Design smallDesign() {
  data::Design d;
  d.treatmentName = "t";
  d.outcomeName = "y";
  d.treatment = (Eigen::VectorXd(6) << 0, 1, 0, 1, 0, 1).finished();
  d.outcome = (Eigen::VectorXd(6) << 1, 2, 3, 4, 5, 7).finished();
  d.covariates = Eigen::MatrixXd::Random(6, 3);
  d.covariateNames = {"p", "q", "r"};
  d.covariateSources = d.covariateNames;
  for (std::size_t i = 0; i < 6; ++i) d.rows.push_back(i + 10);
  return d;
}

// The first problem in the full check's order: the outcome's missing values, then each
// covariate's, then values too large (outcome first), then a constant outcome.
TEST(FastPaths, DesignCheckNamesTheSameProblemAsTheFullCheck) {
  EXPECT_TRUE(validateDesign(smallDesign()).ok());
  data::Design d = smallDesign();
  d.covariates(2, 0) = 1e200;                                   // too large in p ...
  d.covariates(4, 2) = std::numeric_limits<double>::quiet_NaN();  // ... but r is missing first
  auto r = validateDesign(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::MissingData);
  EXPECT_EQ(r.error().message, "Covariate 'r' has missing or non-finite values");
  d.covariates(4, 2) = 0.5;
  r = validateDesign(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  EXPECT_NE(r.error().message.find("'p' has a value too large to analyse (1e+200 in data row 13)"), std::string::npos);
  d = smallDesign();
  d.outcome(5) = -std::numeric_limits<double>::infinity();
  r = validateDesign(d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "Outcome 'y' has missing or non-finite values");
  d = smallDesign();
  d.outcome.setConstant(2.5);
  r = validateDesign(d);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("is constant"), std::string::npos);
}

TEST(FastPaths, IpwSandwichWithTheFitsInformationEqualsTheSandwichSummedAgain) {
  // The pipeline hands the propensity fit's inverse information to the IPW variance; the same
  // estimate without it sums G = sum e(1-e) z z' over the rows again. Both for every estimand
  // (different weight slopes), and through the whole pipeline against estimateEffect.
  const data::Dataset dataset = studyData(3000, false);
  auto design = data::buildDesign(dataset, "t", "y", std::vector<std::string>{"a", "b", "c"});
  ASSERT_TRUE(design.ok());
  auto fit = fitLogistic(design->covariates, design->treatment, design->covariateNames);
  ASSERT_TRUE(fit.ok()) << fit.error().message;
  for (const Estimand estimand : {Estimand::ATE, Estimand::ATT, Estimand::ATC, Estimand::ATO}) {
    SCOPED_TRACE(toString(estimand));
    EstimatorOptions plain;
    plain.estimand = estimand;
    EstimatorOptions handed = plain;
    const EstimatorOptions::PropensityInformation known{&fit->fitted, fit->information};
    handed.propensityInformation = &known;
    auto direct = estimateIpw(*design, fit->fitted, plain);
    auto reused = estimateIpw(*design, fit->fitted, handed);
    ASSERT_TRUE(direct.ok() && reused.ok());
    EXPECT_NEAR(reused->se, direct->se, 1e-10 * direct->se);
    EXPECT_EQ(reused->estimate, direct->estimate);
  }
  {  // the handed information is really what is used: without the correction term the SE changes
    EstimatorOptions::PropensityInformation none{&fit->fitted, fit->information};
    none.information.inverse.setZero();
    EstimatorOptions handed;
    handed.estimand = Estimand::ATE;
    handed.propensityInformation = &none;
    EstimatorOptions plain = handed;
    plain.propensityInformation = nullptr;
    auto wrong = estimateIpw(*design, fit->fitted, handed);
    auto direct = estimateIpw(*design, fit->fitted, plain);
    ASSERT_TRUE(wrong.ok() && direct.ok());
    EXPECT_GT(std::fabs(wrong->se - direct->se), 1e-6 * direct->se);
  }
  EstimationRequest request;
  request.estimand = Estimand::ATE;
  request.methods = {Method::Ipw};
  auto report = runEstimation(dataset, "t", "y", std::vector<std::string>{"a", "b", "c"}, request);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EstimatorOptions options;
  options.estimand = Estimand::ATE;
  auto fresh = estimateEffect(*design, Method::Ipw, options);
  ASSERT_TRUE(fresh.ok());
  ASSERT_EQ(report->estimates.size(), 1u);
  EXPECT_NEAR(report->estimates[0].se, fresh->se, 1e-10 * fresh->se);
}

}  // namespace
}  // namespace causeway::estimation
