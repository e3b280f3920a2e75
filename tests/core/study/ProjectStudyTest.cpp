// A project's analysis settings become the study they ask for (CLI, report and desktop share it).
#include <gtest/gtest.h>

#include "causeway/estimation/EstimationPipeline.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/study/Defaults.hpp"
#include "causeway/study/ProjectStudy.hpp"

using namespace causeway;
using namespace causeway::study;
namespace est = causeway::estimation;

namespace {

const std::string kExamples = CAUSEWAY_EXAMPLES_DIR;

graph::CausalGraph xy() {
  graph::CausalGraph g;
  (void)g.addNode("X");
  (void)g.addNode("Y");
  return g;
}

}  // namespace

// The issue this closes: the CLI and project files said ATE, the core request and the GUI ATT.
TEST(StudyDefaults, OneEstimandEverywhere) {
  EXPECT_EQ(defaults::kEstimand, est::Estimand::ATE);
  EXPECT_EQ(est::EstimationRequest{}.estimand, est::Estimand::ATE);
  EXPECT_EQ(project::AnalysisSettings{}.estimand, "ATE");
  EXPECT_EQ(StudySpec{}.maxComparedSets, defaults::kMaxComparedSets);
  EXPECT_EQ(StudySpec{}.maxImplications, defaults::kMaxImplications);
}

// A project that omits "methods" runs the same methods as the CLI and the desktop app.
TEST(StudyDefaults, ProjectMethodsAreTheDefaultMethods) {
  std::vector<std::string> names;
  for (auto m : defaults::methods()) names.emplace_back(est::toString(m));
  EXPECT_EQ(project::AnalysisSettings{}.methods, names);
}

// Everything resources/examples/lalonde.causeway says, field by field (read from the file by hand).
TEST(ProjectStudy, LalondeExampleAsWritten) {
  auto loaded = loadProjectStudy(kExamples + "/lalonde.causeway");
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  const StudySpec& spec = loaded->spec;
  EXPECT_EQ(spec.request.estimand, est::Estimand::ATT);
  const std::vector<est::Method> methods{est::Method::DifferenceInMeans, est::Method::RegressionAdjustment,
                                         est::Method::Ipw, est::Method::Matching, est::Method::Aipw};
  EXPECT_EQ(spec.request.methods, methods);
  EXPECT_EQ(spec.request.bootstrapReplicates, 0);
  EXPECT_EQ(spec.request.seed, 1u);
  EXPECT_FALSE(spec.request.trim.has_value());
  EXPECT_TRUE(spec.request.refute);
  EXPECT_FALSE(spec.adjustmentSet.has_value());
  EXPECT_TRUE(spec.columnOverrides.empty());
  EXPECT_TRUE(spec.compareAdjustmentSets);
  EXPECT_EQ(spec.graph.nodeCount(), 9u);
  EXPECT_EQ(loaded->dataPath, std::filesystem::path(kExamples) / "lalonde.csv");
}

TEST(ProjectStudy, SettingsCarryOver) {
  project::AnalysisSettings a;
  a.estimand = "atc";
  a.methods = {"aipw", "ipw"};
  a.adjustmentSet = std::vector<std::string>{"Z"};
  a.bootstrap = 50;
  a.seed = 7;
  a.trim = std::pair{0.05, 0.95};
  auto spec = studySpec(a, {{"X", "treated"}}, xy());
  ASSERT_TRUE(spec.ok()) << spec.error().describe();
  EXPECT_EQ(spec->request.estimand, est::Estimand::ATC);
  EXPECT_EQ(spec->request.methods, (std::vector<est::Method>{est::Method::Aipw, est::Method::Ipw}));
  EXPECT_EQ(spec->adjustmentSet, (std::vector<std::string>{"Z"}));
  EXPECT_EQ(spec->columnOverrides.at("X"), "treated");
  EXPECT_EQ(spec->request.bootstrapReplicates, 50);
  EXPECT_EQ(spec->request.seed, 7u);
  ASSERT_TRUE(spec->request.trim.has_value());
  EXPECT_EQ(spec->request.trim->lower, 0.05);
  EXPECT_EQ(spec->request.trim->upper, 0.95);
}

TEST(ProjectStudy, BadSettingsNameTheField) {
  auto failsOn = [](project::AnalysisSettings a, const std::string& field) {
    auto spec = studySpec(a, {}, xy());
    ASSERT_FALSE(spec.ok()) << field;
    EXPECT_EQ(spec.error().code, ErrorCode::MalformedData);
    EXPECT_NE(spec.error().message.find("'analysis." + field + "'"), std::string::npos) << spec.error().message;
  };
  project::AnalysisSettings a;
  a.estimand = "ATX";
  failsOn(a, "estimand");
  a = {};
  a.methods = {"ipw", "lasso"};
  failsOn(a, "methods");
  a = {};
  a.methods.clear();
  failsOn(a, "methods");
  a = {};
  a.bootstrap = -1;
  failsOn(a, "bootstrap");
  a = {};
  a.trim = std::pair{0.9, 0.1};
  failsOn(a, "trim");
  a.trim = std::pair{0.0, 1.5};
  failsOn(a, "trim");
}

TEST(ProjectStudy, MissingFileIsAnError) {
  auto loaded = loadProjectStudy(kExamples + "/no-such-project.causeway");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().describe().find("no-such-project.causeway"), std::string::npos) << loaded.error().describe();
}
