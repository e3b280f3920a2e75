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

  // Trim bounds are kept as written; their range is checked in one place, PropensityTrim::problem(),
  // when the study is built (tests/core/study/ProjectStudyTest.cpp).
  auto reversedTrim = parseProject(R"({"format": "causeway-project", "version": 1, "analysis": {"trim": [0.9, 0.1]}})");
  ASSERT_TRUE(reversedTrim.ok());
  EXPECT_EQ(reversedTrim->analysis.trim, (std::pair{0.9, 0.1}));
  auto badTrim = parseProject(R"({"format": "causeway-project", "version": 1, "analysis": {"trim": [0.9]}})");
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

namespace {

Error parseFails(const std::string& text) {
  auto p = parseProject(text, "p.causeway");
  if (p.ok()) throw std::runtime_error("expected an error for " + text);
  return p.error();
}

}  // namespace

// Found by fuzz_project (tests/fuzz/regressions/fuzz_project/format-object.causeway): the reader
// threw nlohmann's type_error, the CLI said "internal error" and the GUI aborted.
TEST(Project, FormatOfTheWrongTypeIsAClearError) {
  const Error e = parseFails(R"({"format": {"a": 1}, "version": 1})");
  EXPECT_EQ(e.code, ErrorCode::MalformedData);
  EXPECT_EQ(e.message, "project field 'format' must be the string \"causeway-project\" (it is an object)");
  EXPECT_EQ(e.context.variable, "format");
  EXPECT_EQ(e.context.file, "p.causeway");
  EXPECT_EQ(parseFails(R"({"format": "other", "version": 1})").message,
            "not a Causeway project (\"format\" is \"other\", not \"causeway-project\")");
}

TEST(Project, EveryFieldChecksItsType) {
  const std::string head = R"({"format": "causeway-project", "version": 1, )";
  const std::vector<std::pair<std::string, std::string>> cases{
      {R"("title": 3})", "project field 'title' must be a string (it is the number 3)"},
      {R"("notes": []})", "project field 'notes' must be a string (it is an array)"},
      {R"("model": 1})", "project field 'model' must be an object or the model text (it is the number 1)"},
      {R"("model": {"text": true}})", "project field 'model.text' must be a string (it is a boolean)"},
      {R"("model": {"syntax": 2}})", "project field 'model.syntax' must be a string (it is the number 2)"},
      {R"("data": {"path": {}}})", "project field 'data.path' must be a string (it is an object)"},
      {R"("data": {"columnOverrides": []}})",
       "project field 'data.columnOverrides' must be an object of strings (it is an array)"},
      {R"("data": {"columnOverrides": {"X": 1}}})", "project field 'data.columnOverrides.X' must be a string (it is the number 1)"},
      {R"("analysis": {"estimand": 1}})", "project field 'analysis.estimand' must be a string (it is the number 1)"},
      {R"("analysis": {"methods": "ipw"}})",
       "project field 'analysis.methods' must be a list of strings (it is the string \"ipw\")"},
      {R"("analysis": {"methods": ["ipw", 2]}})", "project field 'analysis.methods[1]' must be a string (it is the number 2)"},
      {R"("analysis": {"adjustmentSet": {}}})",
       "project field 'analysis.adjustmentSet' must be a list of strings (it is an object)"},
      {R"("analysis": {"trim": "0.1"}})",
       "project field 'analysis.trim' must be two numbers [low, high] (it is the string \"0.1\")"},
      {R"("analysis": {"trim": [0.1, "x"]}})", "project field 'analysis.trim' must be two numbers [low, high] (it is an array)"},
      {R"("analysis": {"treatedValue": 1}})",
       "project field 'analysis.treatedValue' must be a value of the treatment column, as text (it is the number 1)"},
      {R"("analysis": {"matchingOrder": "random"}})",
       "project field 'analysis.matchingOrder' must be \"greedy\" or \"matchit\" (got \"random\")"},
      {R"("analysis": 5})", "project field 'analysis' must be an object (it is the number 5)"},
      {R"("view": "zoom"})", "project field 'view' must be an object (it is the string \"zoom\")"},
  };
  for (const auto& [body, message] : cases) {
    const Error e = parseFails(head + body);
    EXPECT_EQ(e.code, ErrorCode::MalformedData) << body;
    EXPECT_EQ(e.message, message) << body;
  }
}

TEST(Project, TreatedValueAndMatchingOrderRoundTripAndAreWrittenOnlyWhenSet) {
  Project p = sample();
  EXPECT_EQ(serializeProject(p).find("treatedValue"), std::string::npos);
  EXPECT_EQ(serializeProject(p).find("matchingOrder"), std::string::npos);
  p.analysis.treatedValue = "exposed";
  p.analysis.matchingOrder = kMatchingOrderMatchIt;
  const std::string text = serializeProject(p);
  EXPECT_NE(text.find("\"treatedValue\": \"exposed\""), std::string::npos);
  EXPECT_NE(text.find("\"matchingOrder\": \"matchit\""), std::string::npos);
  auto back = parseProject(text);
  ASSERT_TRUE(back.ok()) << back.error().describe();
  EXPECT_EQ(*back, p);
}

TEST(Project, DirectoryIsNotAProject) {
  const auto dir = std::filesystem::temp_directory_path();
  auto r = loadProject(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::IoError);
  EXPECT_EQ(r.error().message, "cannot open project '" + dir.string() + "': it is a directory");
}

// Every input the fuzzer ever crashed on gives an error or a project, never an exception, here too.
TEST(Project, FuzzRegressionsAreAnsweredWithoutThrowing) {
  const auto dir = std::filesystem::path(CAUSEWAY_TEST_DATA_DIR) / ".." / "fuzz" / "regressions" / "fuzz_project";
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NO_THROW({ (void)parseProject(text, entry.path().string()); }) << entry.path();
    ++files;
  }
  EXPECT_GE(files, 4U);
}
