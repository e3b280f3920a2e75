#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "causeway/project/Project.hpp"

using namespace causeway;
using namespace causeway::project;

namespace {

Project sample() {
  Project p;
  p.title = "INC-2041 postmortem";
  p.modelText = "dag {\nX [exposure]\nY [outcome]\nX -> Y\n}\n";
  p.dataPath = "postmortem.csv";
  p.columnOverrides = {{"X", "ConfigRollout"}};
  p.analysis.estimand = "ATT";
  p.analysis.methods = {"ipw", "aipw"};
  p.analysis.adjustmentSet = std::vector<std::string>{"Region", "Traffic"};
  p.analysis.bootstrap = 200;
  p.analysis.seed = 7;
  p.analysis.trim = std::pair{0.05, 0.95};
  p.notes = "Rolled out 2026-11-02.";
  p.viewStateJson = R"({"zoom":1.5})";
  return p;
}

}  // namespace

TEST(Project, SerializeParseRoundTripIsIdentical) {
  const Project p = sample();
  const std::string text = serializeProject(p);
  auto back = parseProject(text);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(*back, p);
  EXPECT_EQ(serializeProject(*back), text);
}

TEST(Project, SaveIsAtomicAndLoadsBack) {
  const auto dir = std::filesystem::temp_directory_path() / "causeway-project-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "study.causeway";
  ASSERT_TRUE(saveProject(sample(), file).ok());
  EXPECT_FALSE(std::filesystem::exists(dir / "study.causeway.saving"));
  auto loaded = loadProject(file);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(*loaded, sample());
  EXPECT_EQ(loaded->resolveDataPath(file), dir / "postmortem.csv");
  std::filesystem::remove_all(dir);
}

TEST(Project, FailedSaveSaysSoAndLeavesNothing) {
  auto r = saveProject(sample(), "/nonexistent-folder/study.causeway");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::IoError);
  EXPECT_NE(r.error().message.find("is the folder writable?"), std::string::npos);
}

TEST(Project, BadFilesGetClearMessages) {
  auto broken = parseProject("{\n  \"format\": \"causeway-project\",\n  \"version\": 1,\n  \"title\": \n}", "p.causeway");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::SyntaxError);
  EXPECT_EQ(broken.error().context.line, 5U);

  auto foreign = parseProject(R"({"nodes": []})");
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().message, "not a Causeway project (missing \"format\": \"causeway-project\")");

  auto newer = parseProject(R"({"format": "causeway-project", "version": 9})");
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.error().code, ErrorCode::UnsupportedSyntax);

  auto wrongType = parseProject(R"({"format": "causeway-project", "version": 1, "analysis": {"bootstrap": "many"}})");
  ASSERT_FALSE(wrongType.ok());
  EXPECT_EQ(wrongType.error().code, ErrorCode::MalformedData);

  auto badTrim = parseProject(R"({"format": "causeway-project", "version": 1, "analysis": {"trim": [0.9, 0.1]}})");
  ASSERT_FALSE(badTrim.ok());
  EXPECT_EQ(badTrim.error().context.variable, "analysis.trim");

  EXPECT_EQ(loadProject("/nonexistent/x.causeway").error().code, ErrorCode::IoError);
}

TEST(Project, MinimalProjectGetsDefaults) {
  auto p = parseProject(R"({"format": "causeway-project", "version": 1, "model": "dag { a -> b }"})");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->analysis.estimand, "ATE");
  EXPECT_FALSE(p->analysis.adjustmentSet.has_value());
  EXPECT_EQ(p->viewStateJson, "{}");
}
