// The study's sensitivity analysis end to end: negative-control outcomes judged on small
// diagrams, a simulation with a hidden confounder that the negative controls expose (and that
// empirical calibration corrects), and a regression-only study on a 500-level categorical.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <sstream>
#include <string>

#include "causeway/data/CsvReader.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/study/NegativeControls.hpp"
#include "causeway/study/Study.hpp"

using namespace causeway;
using namespace causeway::study;
namespace est = causeway::estimation;

namespace {

graph::IndexedGraph graphOf(const std::string& text) {
  auto g = graph::parseDagitty(text);
  EXPECT_TRUE(g.ok()) << (g.ok() ? "" : g.error().describe());
  return graph::IndexedGraph(g.value());
}

NegativeControlJudgement judge(const graph::IndexedGraph& g, const std::vector<std::string>& set) {
  std::vector<graph::IndexedGraph::Index> z;
  for (const auto& n : set) z.push_back(*g.find(n));
  return judgeNegativeControlOutcome(g, *g.find("X"), *g.find("N"), z);
}

const VerdictCheck* checkNamed(const Verdict& v, const std::string& name) {
  for (const auto& c : v.checks)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace

TEST(NegativeControls, DiagramSaysWhetherTheSetMakesTheEffectZero) {
  const auto g = graphOf("dag { X [exposure] Y [outcome] N [nco] U A  U -> X U -> Y U -> N A -> X X -> Y }");
  EXPECT_TRUE(judge(g, {"U"}).expectedZero);
  EXPECT_TRUE(judge(g, {"U", "A"}).expectedZero);
  const auto open = judge(g, {});
  EXPECT_FALSE(open.expectedZero);
  EXPECT_NE(open.explanation.find("X <- U -> N"), std::string::npos) << open.explanation;

  const auto causal = graphOf("dag { X [exposure] Y [outcome] N [nco] U M  U -> X U -> N X -> M M -> N X -> Y }");
  const auto path = judge(causal, {"U"});
  EXPECT_FALSE(path.expectedZero);
  EXPECT_NE(path.explanation.find("X -> M -> N"), std::string::npos) << path.explanation;

  const auto unrelated = graphOf("dag { X [exposure] Y [outcome] N [nco] U  U -> X U -> Y X -> Y }");
  const auto weak = judge(unrelated, {"U"});
  EXPECT_TRUE(weak.expectedZero);
  EXPECT_NE(weak.explanation.find("shares no confounder"), std::string::npos) << weak.explanation;
}

namespace {

// X binary, true effect 1 on Y; U measured confounder; H a hidden confounder (not in the
// diagram) that moves X, Y and each negative-control outcome N1..N4 alike, so the design's
// systematic error on Y equals its error on each N.
data::Dataset simulateHidden(double hidden, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::ostringstream csv;
  csv << "X,Y,U,N1,N2,N3,N4\n";
  for (int i = 0; i < 3000; ++i) {
    const double u = normal(rng), h = normal(rng);
    const int x = 0.7 * u + hidden * h + normal(rng) > 0.0 ? 1 : 0;
    csv << x << ',' << 1.0 * x + u + h + normal(rng) << ',' << u;
    for (int k = 0; k < 4; ++k) csv << ',' << 0.5 * u + h + normal(rng);
    csv << '\n';
  }
  auto d = data::readCsvString(csv.str());
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

StudySpec hiddenSpec() {
  StudySpec spec;
  spec.graph = graph::parseDagitty(
                   "dag { X [exposure] Y [outcome] U N1 [nco] N2 [nco] N3 [nco] N4 [nco] "
                   "U -> X U -> Y U -> N1 U -> N2 U -> N3 U -> N4 X -> Y }")
                   .value();
  spec.request.estimand = est::Estimand::ATE;
  spec.request.methods = {est::Method::RegressionAdjustment};
  return spec;
}

}  // namespace

TEST(NegativeControls, HiddenConfounderFailsTheCheckAndCalibrationCorrectsIt) {
  auto r = runStudy(hiddenSpec(), simulateHidden(0.8, 5));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_TRUE(r->sensitivity.has_value());
  const auto& nc = r->sensitivity->negativeControls;
  ASSERT_EQ(nc.outcomes.size(), 4U);
  for (const auto& o : nc.outcomes) {
    EXPECT_TRUE(o.expectedZero) << o.explanation;
    ASSERT_TRUE(o.estimate.has_value()) << o.problem;
    EXPECT_GT(o.estimate->ciLow, 0.0) << o.node;  // the hidden confounder shows
  }
  const auto* check = checkNamed(r->verdict, "negative control");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->status, CheckStatus::Fail);
  EXPECT_EQ(r->verdict.level, VerdictLevel::NotSupported);
  // The bias on Y equals the bias on each control by construction: the calibrated CI covers
  // the true effect 1, the raw regression CI does not.
  ASSERT_TRUE(nc.calibration.has_value()) << nc.calibrationNote;
  const auto& primary = r->estimation.estimates.front();
  EXPECT_GT(primary.ciLow, 1.0);
  EXPECT_LT(nc.calibration->ciLow, 1.0);
  EXPECT_GT(nc.calibration->ciHigh, 1.0);
  // The OLS sensitivity ran with the only covariate as benchmark.
  ASSERT_TRUE(r->sensitivity->ols.has_value()) << r->sensitivity->olsProblem;
  ASSERT_FALSE(r->sensitivity->ols->bounds.empty());
  EXPECT_EQ(r->sensitivity->ols->bounds.front().benchmark, "U");
}

TEST(NegativeControls, NoHiddenConfounderPassesTheCheck) {
  auto r = runStudy(hiddenSpec(), simulateHidden(0.0, 6));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  // H no longer moves X: given U the controls are unconfounded, and their CIs include 0.
  const auto* check = checkNamed(r->verdict, "negative control");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->status, CheckStatus::Pass) << check->explanation;
}

TEST(SensitivityStudy, UnknownBenchmarkIsAClearError) {
  StudySpec spec = hiddenSpec();
  spec.sensitivity->ols.benchmarks = {"N1"};
  auto r = runStudy(spec, simulateHidden(0.0, 7));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'N1'"), std::string::npos) << r.error().message;
}

TEST(SensitivityStudy, RegressionOnlyStudyOnAFiveHundredLevelCategorical) {
  // 1,300 rows, a site factor of 500 levels that drives the treatment (the propensity model
  // separates on it): the regression estimate and its sensitivity analysis still come out.
  std::mt19937_64 rng(13);
  std::normal_distribution<double> normal;
  std::uniform_int_distribution<int> siteDraw(0, 499);
  std::ostringstream csv;
  csv << "X,Y,Site,Age\n";
  for (int i = 0; i < 1300; ++i) {
    const int site = siteDraw(rng);
    const double age = normal(rng);
    const int x = (site % 7 == 0) ? 1 : (site % 7 == 1 ? 0 : (0.5 * age + normal(rng) > 0 ? 1 : 0));
    csv << x << ',' << 0.5 * x + 0.3 * age + 0.01 * site + normal(rng) << ",s" << site << ',' << age << '\n';
  }
  auto data = data::readCsvString(csv.str());
  ASSERT_TRUE(data.ok());
  StudySpec spec;
  spec.graph = graph::parseDagitty("dag { X [exposure] Y [outcome] Site Age  Site -> X Site -> Y Age -> X Age -> Y X -> Y }").value();
  spec.request.estimand = est::Estimand::ATE;
  spec.request.methods = {est::Method::RegressionAdjustment};
  spec.sensitivity->ols.benchmarks = {"Site", "Age"};
  spec.sensitivity->ols.kd = {0.5, 1.0};
  auto r = runStudy(spec, *data);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->estimation.estimates.size(), 1U);
  bool warned = false;  // the propensity model's failure is a warning, not an error
  for (const auto& w : r->estimation.warnings) warned = warned || w.find("Propensity model failed") != std::string::npos;
  EXPECT_TRUE(warned);
  ASSERT_TRUE(r->sensitivity->ols.has_value()) << r->sensitivity->olsProblem;
  const auto& ols = *r->sensitivity->ols;
  EXPECT_NEAR(ols.estimate, r->estimation.estimates.front().estimate, 1e-9);  // the same coefficient
  bool siteBound = false;
  for (const auto& b : ols.bounds)
    if (b.benchmark == "Site") {
      siteBound = true;
      EXPECT_GT(b.columns.size(), 400U);  // every dummy, as one group
    }
  EXPECT_TRUE(siteBound);
}
