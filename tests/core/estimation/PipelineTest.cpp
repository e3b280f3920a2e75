#include "causeway/estimation/EstimationPipeline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include "LalondeData.hpp"

namespace causeway::estimation {
namespace {

void expectRelative(double actual, double expected, double tolerance = 1e-6) {
  EXPECT_NEAR(actual, expected, tolerance * std::fabs(expected)) << "expected " << expected;
}

const EffectEstimate* find(const EstimationReport& r, Method m) {
  for (const auto& e : r.estimates)
    if (e.method == m) return &e;
  return nullptr;
}

// End to end from the CSV: Dataset + names -> report. The reference numbers are those of
// LalondeReferenceTest (tests/data/estimation/lalonde_reference.R).
TEST(EstimationPipeline, LalondeFromTheDataset) {
  const data::Dataset dataset = testing::loadLalondeDataset();
  EstimationRequest request;
  request.estimand = Estimand::ATT;
  request.bootstrapReplicates = 40;
  request.refute = true;
  request.refuteMethod = Method::Ipw;
  request.refuters.draws = 8;
  request.adaptMatchingDesign = false;  // the reference is 1:1 greedy matching without replacement
  request.alternativeAdjustmentSets = {{}, {"age", "educ"}, {"race", "re74", "re75"}, {"nonexistent"}};
  std::atomic<int> reports{0};
  double last = 0.0;
  bool monotone = true;
  std::mutex mutex;
  const Progress progress(std::stop_token{}, [&](double f) {
    std::scoped_lock lock(mutex);
    monotone = monotone && f >= last - 1e-12;
    last = f;
    ++reports;
  });
  const auto report = runEstimation(dataset, "treat", "re78", testing::lalondeCovariates(), request, progress);
  ASSERT_TRUE(report.ok()) << report.error().message;
  const EstimationReport& r = *report;
  EXPECT_EQ(r.nInput, 614u);
  EXPECT_EQ(r.nUsed, 614u);
  EXPECT_EQ(r.nTreated, 185u);
  EXPECT_EQ(r.adjustmentSet, (std::vector<std::string>{"age", "educ", "race", "married", "nodegree", "re74", "re75"}));
  ASSERT_TRUE(r.propensityModel.has_value());
  expectRelative(r.propensityModel->coefficients[4].estimate, -3.06536774097135);  // racewhite
  ASSERT_TRUE(r.overlap.has_value());
  ASSERT_TRUE(r.balanceWeighted.has_value());
  expectRelative(r.balanceWeighted->rows[0].unadjusted.smd, -0.309445261997982);
  expectRelative(r.balanceWeighted->essControl, 99.8153859157942);
  ASSERT_TRUE(r.balanceMatched.has_value());
  EXPECT_EQ(r.balanceMatched->nControl, 185u);

  // The regression coefficient is no ATT: not applicable, not a failure, not a warning.
  ASSERT_EQ(r.estimates.size(), 5u);
  EXPECT_TRUE(r.failures.empty());
  ASSERT_EQ(r.notApplicable.size(), 1u);
  EXPECT_EQ(r.notApplicable[0].method, Method::RegressionAdjustment);
  EXPECT_EQ(find(r, Method::RegressionAdjustment), nullptr);
  expectRelative(find(r, Method::DifferenceInMeans)->estimate, -635.026212037422);
  expectRelative(find(r, Method::GComputation)->estimate, 1647.58325244023);
  expectRelative(find(r, Method::Ipw)->estimate, 1214.07122329292);
  expectRelative(find(r, Method::Matching)->estimate, 894.367480270274);
  expectRelative(find(r, Method::Aipw)->estimate, 1231.04431291887);
  for (const auto& e : r.estimates) {
    SCOPED_TRACE(e.methodName);
    ASSERT_TRUE(e.bootstrap.has_value());
    EXPECT_EQ(e.bootstrap->estimates.size() + static_cast<std::size_t>(e.bootstrap->failed), 40u);
    // The bootstrap SE is the sample SD (n - 1) of the replicate estimates, written out here.
    const auto& draws = e.bootstrap->estimates;
    double mean = 0.0, squares = 0.0;
    for (const double v : draws) mean += v / static_cast<double>(draws.size());
    for (const double v : draws) squares += (v - mean) * (v - mean);
    EXPECT_NEAR(e.bootstrap->se, std::sqrt(squares / static_cast<double>(draws.size() - 1)), 1e-9 * e.bootstrap->se);
    // For the difference in means the analytic (Welch) SE is known: 40 replicates estimate it
    // to about 11%, so they must agree within 40%.
    if (e.method == Method::DifferenceInMeans) EXPECT_NEAR(e.bootstrap->se / e.se, 1.0, 0.4);
    EXPECT_FALSE(e.conventions.empty());
    EXPECT_GE(e.eValue, 1.0);
  }

  ASSERT_EQ(r.refutations.size(), 3u);
  EXPECT_EQ(r.refutations[0].kind, RefuterKind::PlaceboTreatment);
  EXPECT_EQ(r.refutations[0].estimates.size(), 8u);
  EXPECT_LT(std::fabs(r.refutations[0].mean), std::fabs(r.refutations[0].originalEstimate));
  EXPECT_EQ(r.refutations[1].verdict, Verdict::Pass);  // a random covariate barely moves IPW
  for (const auto& ref : r.refutations) {
    EXPECT_FALSE(ref.explanation.empty());
    EXPECT_FALSE(ref.figure.values.empty());
  }

  ASSERT_EQ(r.adjustmentSetComparison.size(), 4u);
  ASSERT_TRUE(r.adjustmentSetComparison[0].estimate.has_value());
  expectRelative(r.adjustmentSetComparison[0].estimate->estimate, -635.026212037422);  // no adjustment: ATT weights 1
  ASSERT_TRUE(r.adjustmentSetComparison[2].estimate.has_value());
  EXPECT_EQ(r.adjustmentSetComparison[2].columns, (std::vector<std::string>{"racehispan", "racewhite", "re74", "re75"}));
  ASSERT_TRUE(r.adjustmentSetComparison[3].error.has_value());
  EXPECT_EQ(r.adjustmentSetComparison[3].error->code, ErrorCode::UnknownNode);

  EXPECT_TRUE(std::any_of(r.warnings.begin(), r.warnings.end(),
                          [](const std::string& w) { return w.rfind("Positivity", 0) == 0; }));
  EXPECT_GT(reports.load(), 5);
  EXPECT_TRUE(monotone);
  EXPECT_DOUBLE_EQ(last, 1.0);
}

TEST(EstimationPipeline, SameReportWithOneOrTwoThreads) {
  const data::Design d = testing::loadLalonde();
  EstimationRequest request;
  request.methods = {Method::Ipw, Method::Aipw};
  request.bootstrapReplicates = 30;
  request.refute = true;
  request.refuters.draws = 4;
  request.threads = 1;
  const auto one = runEstimation(d, request);
  request.threads = 2;
  const auto two = runEstimation(d, request);
  ASSERT_TRUE(one.ok() && two.ok());
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(one->estimates[k].estimate, two->estimates[k].estimate);
    EXPECT_EQ(one->estimates[k].bootstrap->estimates, two->estimates[k].bootstrap->estimates);
  }
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(one->refutations[k].estimates, two->refutations[k].estimates);
}

TEST(EstimationPipeline, TrimmingDropsAndCounts) {
  const data::Design d = testing::loadLalonde();
  EstimationRequest request;
  request.estimand = Estimand::ATE;
  request.methods = {Method::Ipw, Method::GComputation};
  request.trim = PropensityTrim{0.1, 0.9};
  const auto r = runEstimation(d, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_GT(r->nTrimmedControl, 0u);
  EXPECT_EQ(r->nUsed + r->nTrimmedControl + r->nTrimmedTreated, 614u);
  EXPECT_EQ(r->estimates[0].n, r->nUsed);
  EXPECT_NE(r->conventions.find("[0.1, 0.9]"), std::string::npos);
}

// The per-unit values the charts draw are the ones the estimates used: Hajek IPW ATT from the
// stored scores and weights reproduces R's 1214.07 and ESS 99.82 (LalondeReferenceTest).
TEST(EstimationPipeline, ReportKeepsPerUnitPropensityAndWeights) {
  const data::Design d = testing::loadLalonde();
  EstimationRequest request;
  request.estimand = Estimand::ATT;
  request.methods = {Method::Ipw};
  const auto r = runEstimation(d, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const UnitValues& u = r->units;
  EXPECT_TRUE(u.rows.empty());  // nothing trimmed: the design's rows, not copied
  ASSERT_EQ(u.treatment.size(), 614);
  ASSERT_EQ(u.propensity.size(), 614);
  ASSERT_EQ(u.weights.size(), 614);
  EXPECT_EQ(u.treatment, d.treatment);
  double treatedSum = 0, controlSum = 0, controlWeight = 0, controlWeight2 = 0;
  for (Eigen::Index i = 0; i < 614; ++i) {
    const double e = u.propensity(i);
    if (u.treatment(i) == 1.0) {
      EXPECT_EQ(u.weights(i), 1.0);
      treatedSum += d.outcome(i);
    } else {
      EXPECT_NEAR(u.weights(i), e / (1 - e), 1e-12 * (1 + e / (1 - e)));  // ATT: e/(1-e)
      controlSum += u.weights(i) * d.outcome(i);
      controlWeight += u.weights(i);
      controlWeight2 += u.weights(i) * u.weights(i);
    }
  }
  expectRelative(treatedSum / 185.0 - controlSum / controlWeight, 1214.07122329292);
  expectRelative(controlWeight * controlWeight / controlWeight2, 99.8153859157942);

  // After trimming: only the kept units, with their data rows, all inside the bounds.
  request.estimand = Estimand::ATE;
  request.trim = PropensityTrim{0.1, 0.9};
  const auto trimmed = runEstimation(d, request);
  ASSERT_TRUE(trimmed.ok());
  const UnitValues& t = trimmed->units;
  ASSERT_EQ(t.rows.size(), trimmed->nUsed);
  ASSERT_EQ(t.propensity.size(), static_cast<Eigen::Index>(trimmed->nUsed));
  EXPECT_LT(trimmed->nUsed, 614u);
  for (std::size_t k = 0; k < t.rows.size(); ++k) {
    const auto i = static_cast<Eigen::Index>(k);
    EXPECT_EQ(t.treatment(i), d.treatment(static_cast<Eigen::Index>(t.rows[k])));
    EXPECT_NEAR(t.propensity(i), u.propensity(static_cast<Eigen::Index>(t.rows[k])), 1e-12);  // same model
    EXPECT_GE(t.propensity(i), 0.1);
    EXPECT_LE(t.propensity(i), 0.9);
    const double e = t.propensity(i);
    EXPECT_NEAR(t.weights(i), t.treatment(i) == 1.0 ? 1 / e : 1 / (1 - e), 1e-12 / (e * (1 - e)));  // ATE
  }

  // No propensity model (separation): the units are still listed, without scores or weights.
  data::Design separated = d;
  for (Eigen::Index i = 0; i < d.size(); ++i) separated.covariates(i, 1) = d.treatment(i) == 1 ? 12.0 : 8.0;
  request = {};
  request.methods = {Method::DifferenceInMeans};
  const auto none = runEstimation(separated, request);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->units.treatment.size(), 614);
  EXPECT_TRUE(none->units.rows.empty());  // nothing trimmed: the design's rows, not copied
  EXPECT_EQ(none->units.propensity.size(), 0);
  EXPECT_EQ(none->units.weights.size(), 0);
}

TEST(EstimationPipeline, SeparationIsAWarningAndOutcomeModelsStillRun) {
  data::Design d = testing::loadLalonde();
  for (Eigen::Index i = 0; i < d.size(); ++i)  // educ separates the groups (but is not a function of treat)
    d.covariates(i, 1) = d.treatment(i) == 1 ? 12.0 + static_cast<double>(i % 3) : 8.0 - static_cast<double>(i % 3);
  const auto r = runEstimation(d, EstimationRequest{});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->propensityModel.has_value());
  EXPECT_EQ(r->failures.size(), 2u);  // IPW, AIPW; matching does not target the default ATE
  ASSERT_EQ(r->notApplicable.size(), 1u);
  EXPECT_EQ(r->notApplicable[0].method, Method::Matching);
  for (const auto& f : r->failures) EXPECT_EQ(f.error.code, ErrorCode::Separation);
  EXPECT_TRUE(find(*r, Method::DifferenceInMeans) != nullptr);
  EXPECT_TRUE(std::any_of(r->warnings.begin(), r->warnings.end(),
                          [](const std::string& w) { return w.find("separation") != std::string::npos; }));
}

TEST(EstimationPipeline, FatalErrors) {
  data::Design d = testing::loadLalonde();
  EstimationRequest request;
  request.covariates = {"age", "income"};
  auto r = runEstimation(d, request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::UnknownNode);
  EXPECT_EQ(r.error().context.variable, "income");

  request = {};
  data::Design treatedOnly = d;
  treatedOnly.treatment.setOnes();
  r = runEstimation(treatedOnly, request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::EmptyGroup);
  EXPECT_EQ(r.error().context.variable, "treat");

  request.trim = PropensityTrim{0.9, 0.95};  // leaves no control
  r = runEstimation(d, request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::EmptyGroup);

  request = {};
  request.methods.clear();
  EXPECT_EQ(runEstimation(d, request).error().code, ErrorCode::InvalidArgument);

  // From the Dataset: the data module's errors pass through (here: unknown column).
  const auto fromData = runEstimation(testing::loadLalondeDataset(), "treat", "re78", {"age", "salary"}, EstimationRequest{});
  ASSERT_FALSE(fromData.ok());
  EXPECT_EQ(fromData.error().context.variable, "salary");
}

TEST(EstimationPipeline, CancelledDuringTheBootstrap) {
  const data::Design d = testing::loadLalonde();
  EstimationRequest request;
  request.methods = {Method::Aipw};
  request.bootstrapReplicates = 20000;
  std::stop_source stop;
  const Progress progress(stop.get_token(), [&](double f) {
    if (f > 0.4) stop.request_stop();  // the bootstrap's first progress report (1% done)
  });
  const auto r = runEstimation(d, request, progress);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Cancelled);
}

}  // namespace
}  // namespace causeway::estimation
