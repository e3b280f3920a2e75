#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "causeway/data/CsvReader.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/study/Study.hpp"

using namespace causeway;
using namespace causeway::study;
namespace est = causeway::estimation;

namespace {

const std::string kExamples = CAUSEWAY_EXAMPLES_DIR;

data::Dataset load(const std::string& file) {
  auto d = data::readCsvFile(kExamples + "/" + file);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().describe());
  return std::move(d).value();
}

StudySpec specFor(const std::string& model) {
  StudySpec spec;
  spec.graph = graph::readModelFile(kExamples + "/" + model).value();
  return spec;
}

const est::EffectEstimate& estimateOf(const StudyResult& r, est::Method m) {
  for (const auto& e : r.estimation.estimates)
    if (e.method == m) return e;
  throw std::runtime_error("method not estimated");
}

}  // namespace

TEST(Study, LalondeUsesTheFullCovariateSetAndReproducesTheIpwAtt) {
  StudySpec spec = specFor("lalonde.dag");
  spec.request.estimand = est::Estimand::ATT;
  spec.request.methods = {est::Method::DifferenceInMeans, est::Method::Ipw, est::Method::Aipw};
  auto r = runStudy(spec, load("lalonde.csv"));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->adjustment.nodes, (std::vector<std::string>{"age", "educ", "married", "nodegree", "race", "re74", "re75"}));
  EXPECT_TRUE(r->adjustment.valid);
  EXPECT_EQ(r->exposureColumn, "treat");
  EXPECT_EQ(r->estimation.nUsed, 614U);
  // R: glm(treat ~ age + educ + factor(race) + married + nodegree + re74 + re75, binomial,
  //        control = glm.control(epsilon = 1e-14, maxit = 100)); weights 1 / e/(1-e); weighted.mean difference.
  EXPECT_NEAR(estimateOf(*r, est::Method::Ipw).estimate, 1214.0712232929, 1214.07 * 1e-6);
  EXPECT_NEAR(estimateOf(*r, est::Method::DifferenceInMeans).estimate, -635.0262, 1e-3);
  // The one testable implication of the bundled DAG is measured and tested.
  ASSERT_TRUE(r->implicationTests.has_value());
  ASSERT_EQ(r->implicationTests->results.size(), 1U);
  EXPECT_EQ(r->implicationTests->results[0].test.x, "educ");
  EXPECT_EQ(r->implicationTests->results[0].test.y, "married");
}

TEST(Study, PostmortemRecoversTheKnownEffectThatTheNaiveComparisonGetsWrong) {
  StudySpec spec = specFor("postmortem.dag");
  spec.request.estimand = est::Estimand::ATE;
  spec.request.methods = {est::Method::DifferenceInMeans, est::Method::RegressionAdjustment, est::Method::Ipw,
                          est::Method::Aipw};
  auto r = runStudy(spec, load("postmortem.csv"));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->adjustment.nodes, (std::vector<std::string>{"Region", "Traffic"}));
  // The data were generated with a true effect of 0.85 (make_postmortem_data.py).
  const double truth = 0.85;
  EXPECT_LT(estimateOf(*r, est::Method::DifferenceInMeans).estimate, 0.0);
  for (auto m : {est::Method::RegressionAdjustment, est::Method::Ipw, est::Method::Aipw}) {
    const auto& e = estimateOf(*r, m);
    EXPECT_LT(std::abs(e.estimate - truth), 3 * e.se) << e.methodName << " " << e.estimate;
  }
  // R: IPW ATE with glm(ConfigRollout ~ Region + Traffic, binomial) and Hajek weights.
  EXPECT_NEAR(estimateOf(*r, est::Method::Ipw).estimate, 0.9096125191, 1e-6);
}

TEST(Study, AUserSetThatIsNotValidIsUsedButFlaggedWithTheReason) {
  StudySpec spec = specFor("postmortem.dag");
  spec.adjustmentSet = std::vector<std::string>{"CacheHitRate", "Region", "Traffic"};
  spec.request.methods = {est::Method::RegressionAdjustment};
  auto r = runStudy(spec, load("postmortem.csv"));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_FALSE(r->adjustment.valid);
  EXPECT_NE(r->adjustment.problem.find("CacheHitRate"), std::string::npos);
  ASSERT_FALSE(r->warnings.empty());
  EXPECT_NE(r->warnings.front().find("is not valid"), std::string::npos);
}

TEST(Study, ClearErrorsForModelsAndDataThatDoNotFit) {
  const auto data = load("postmortem.csv");
  StudySpec twoExposures;
  twoExposures.graph = graph::parseDagitty("dag { A [exposure] B [exposure] Y [outcome] A -> Y B -> Y }").value();
  auto r = runStudy(twoExposures, data);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "estimation needs exactly one exposure (the model marks 2); choose one with --exposure");

  StudySpec missingColumn;
  missingColumn.graph = graph::parseDagitty("dag { Rollout [exposure] ErrorRate [outcome] Rollout -> ErrorRate }").value();
  r = runStudy(missingColumn, data);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "the exposure 'Rollout' has no column in the data");

  StudySpec latentConfounding;
  latentConfounding.graph =
      graph::parseDagitty("dag { ConfigRollout [exposure] ErrorRate [outcome] ConfigRollout -> ErrorRate "
                          "ConfigRollout <-> ErrorRate }").value();
  r = runStudy(latentConfounding, data);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("admits no valid adjustment set"), std::string::npos);

  StudySpec unmeasured;
  unmeasured.graph = graph::parseDagitty(
      "dag { ConfigRollout [exposure] ErrorRate [outcome] Deploys -> ConfigRollout Deploys -> ErrorRate "
      "ConfigRollout -> ErrorRate }").value();
  r = runStudy(unmeasured, data);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context.variable, "Deploys");

  StudySpec unknownSet = specFor("postmortem.dag");
  unknownSet.adjustmentSet = std::vector<std::string>{"Weather"};
  r = runStudy(unknownSet, data);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::UnknownNode);
}

namespace {

// X <- A -> B -> Y, X -> Y: the minimal sets {A} and {B} share no variable. Simulated with a
// constant effect of X on Y of 2; B is missing in the first `missingB` rows.
data::Dataset twoPathData(std::size_t n, std::size_t missingB) {
  std::mt19937_64 engine(20261201);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  std::vector<double> a(n), b(n), x(n), y(n);
  for (std::size_t i = 0; i < n; ++i) {
    a[i] = normal(engine);
    b[i] = a[i] + normal(engine);
    x[i] = uniform(engine) < 1.0 / (1.0 + std::exp(-a[i])) ? 1.0 : 0.0;
    y[i] = 2.0 * x[i] + b[i] + normal(engine);
  }
  for (std::size_t i = 0; i < missingB; ++i) b[i] = std::numeric_limits<double>::quiet_NaN();
  std::vector<data::Column> columns;
  columns.push_back(data::Column::numeric("A", a));
  columns.push_back(data::Column::numeric("B", b));
  columns.push_back(data::Column::numeric("X", x));
  columns.push_back(data::Column::numeric("Y", y));
  return data::Dataset(std::move(columns));
}

StudySpec twoPathSpec() {
  StudySpec spec;
  spec.graph = graph::parseDagitty("dag { X [exposure] Y [outcome] A -> X A -> B B -> Y X -> Y }").value();
  spec.request.estimand = est::Estimand::ATE;
  spec.request.methods = {est::Method::RegressionAdjustment};
  spec.testImplications = false;
  return spec;
}

}  // namespace

TEST(Study, EveryMinimalSetIsEstimatedEvenWithVariablesOutsideTheChosenOne) {
  auto r = runStudy(twoPathSpec(), twoPathData(2000, 0));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->identification.adjustmentSets.size(), 2U);
  const auto& comparison = r->estimation.adjustmentSetComparison;
  ASSERT_EQ(comparison.size(), 2U);  // {A}, {B}; the O-set {B} is not repeated
  for (const auto& entry : comparison) {
    ASSERT_TRUE(entry.estimate.has_value()) << entry.set.front() << ": " << entry.error->message;
    EXPECT_EQ(entry.rows, 2000U);
    EXPECT_LT(std::abs(entry.estimate->estimate - 2.0), 3 * entry.estimate->se) << entry.set.front();
  }
  EXPECT_NE(comparison[0].set, comparison[1].set);
  EXPECT_EQ(r->estimation.nUsed, 2000U);
  EXPECT_NE(r->estimation.adjustmentSetComparisonConventions.find("same 2000 rows"), std::string::npos);
}

TEST(Study, TheComparisonUsesTheRowsCompleteOnEverySetAndSaysSoWhenThePrimaryUsedMore) {
  StudySpec spec = twoPathSpec();
  spec.adjustmentSet = std::vector<std::string>{"A"};  // complete in every row
  auto r = runStudy(spec, twoPathData(2000, 300));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  // The primary estimate keeps its own complete cases.
  EXPECT_EQ(r->estimation.nUsed, 2000U);
  EXPECT_EQ(r->estimation.adjustmentSet, (std::vector<std::string>{"A"}));
  const auto& comparison = r->estimation.adjustmentSetComparison;
  ASSERT_EQ(comparison.size(), 2U);
  for (const auto& entry : comparison) {
    ASSERT_TRUE(entry.estimate.has_value());
    EXPECT_EQ(entry.rows, 1700U);
    EXPECT_EQ(entry.estimate->n, 1700U);
    EXPECT_LT(std::abs(entry.estimate->estimate - 2.0), 3 * entry.estimate->se);
  }
  const std::string& note = r->estimation.adjustmentSetComparisonConventions;
  EXPECT_NE(note.find("primary estimate used 2000 rows"), std::string::npos) << note;
  EXPECT_NE(note.find("uses the 1700 rows"), std::string::npos) << note;
  const auto& w = r->estimation.warnings;
  EXPECT_TRUE(std::any_of(w.begin(), w.end(), [](const std::string& s) { return s.rfind("Sample differs", 0) == 0; }));
}

namespace {

// Group -> Region -> X -> Y, Region -> Y, with Group and Region categorical and X 0/1. The
// model implies Group _||_ X | Region (all discrete: chi-square) and Group _||_ Y | Region
// (Y continuous: not testable by either family). `groupAffectsX` breaks the first one.
data::Dataset categoricalData(bool groupAffectsX) {
  std::mt19937_64 engine(99);
  std::uniform_real_distribution<double> u;
  std::normal_distribution<double> normal;
  const std::size_t n = 3000;
  std::vector<std::int32_t> group(n), region(n);
  std::vector<double> x(n), y(n);
  for (std::size_t i = 0; i < n; ++i) {
    group[i] = static_cast<std::int32_t>(3 * u(engine));
    region[i] = static_cast<std::int32_t>(u(engine) < 0.2 + 0.3 * group[i] ? 2 : 3 * u(engine) < 1.5 ? 0 : 1);
    const double px = 0.2 + 0.25 * region[i] + (groupAffectsX ? 0.15 * (group[i] - 1) : 0.0);
    x[i] = u(engine) < px ? 1.0 : 0.0;
    y[i] = x[i] + region[i] + normal(engine);
  }
  std::vector<data::Column> columns;
  columns.push_back(data::Column::categorical("Group", group, {"a", "b", "c"}));
  columns.push_back(data::Column::categorical("Region", region, {"east", "north", "south"}));
  columns.push_back(data::Column::numeric("X", x));
  columns.push_back(data::Column::numeric("Y", y));
  return data::Dataset(std::move(columns));
}

}  // namespace

TEST(Study, CategoricalImplicationsAreTestedByStratifiedChiSquare) {
  StudySpec spec;
  spec.graph = graph::parseDagitty("dag { X [exposure] Y [outcome] Group -> Region Region -> X Region -> Y X -> Y }").value();
  spec.request.methods = {est::Method::RegressionAdjustment};
  spec.compareAdjustmentSets = false;
  auto r = runStudy(spec, categoricalData(false));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_TRUE(r->categoricalImplicationTests.has_value());
  ASSERT_EQ(r->categoricalImplicationTests->results.size(), 1U);
  const auto& t = r->categoricalImplicationTests->results[0];
  EXPECT_EQ(t.label, "Group _||_ X | Region");
  EXPECT_EQ(t.df, 6.0);  // 3 regions x (3 groups - 1) x (2 values of X - 1)
  EXPECT_EQ(t.n, 3000U);
  EXPECT_GT(t.pValue, 0.001);  // true in the simulation
  EXPECT_EQ(r->implicationsSkipped, 1U);  // Group _||_ Y | Region: Y is continuous
  EXPECT_FALSE(r->implicationTests.has_value());

  r = runStudy(spec, categoricalData(true));
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_TRUE(r->categoricalImplicationTests.has_value());
  EXPECT_LT(r->categoricalImplicationTests->results[0].pValue, 1e-6);  // the missing edge Group -> X
}
