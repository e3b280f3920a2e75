#include <gtest/gtest.h>

#include <cmath>

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
