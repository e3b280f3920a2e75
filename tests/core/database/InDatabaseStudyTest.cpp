// study::runInDatabaseStudy on SQLite: the in-memory study's choices and numbers, from sums.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "TestTables.hpp"
#include "VerdictCheck.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/study/InDatabaseStudy.hpp"

namespace causeway::study {
namespace {

class InDatabaseStudyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = (std::filesystem::temp_directory_path() /
             ("causeway-indb-study-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db"))
                .string();
    std::filesystem::remove(file_);
    testing::writeSqliteTable(file_, "lalonde", testing::lalondeFromCsv());
    auto graph = graph::readModelFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.dag");
    ASSERT_TRUE(graph);
    request_.graph = std::move(graph).value();
    request_.source = {database::SourceKind::Sqlite, file_, "lalonde", "", 10};
  }
  void TearDown() override { std::filesystem::remove(file_); }

  // The in-memory study on the CSV, the adjustment set chosen by itself.
  StudyResult inMemory(estimation::Estimand estimand) {
    StudySpec spec;
    spec.graph = request_.graph;
    spec.compareAdjustmentSets = false;
    spec.sensitivity.reset();
    spec.request.estimand = estimand;
    auto result = runStudy(spec, testing::lalondeFromCsv());
    EXPECT_TRUE(result) << result.error().describe();
    return std::move(result).value();
  }

  std::string file_;
  InDatabaseStudyRequest request_;
};

TEST_F(InDatabaseStudyTest, ChoosesTheSameSetAndGivesTheInMemoryEstimates) {
  for (auto estimand : {estimation::Estimand::ATE, estimation::Estimand::ATT}) {
    request_.estimand = estimand;
    auto result = runInDatabaseStudy(request_);
    ASSERT_TRUE(result) << result.error().describe();
    const auto memory = inMemory(estimand);
    EXPECT_EQ(result->adjustment.nodes, memory.adjustment.nodes);
    EXPECT_EQ(result->adjustment.reason, memory.adjustment.reason);
    const auto doc = inDatabaseStudyJson(*result);
    // ATE: difference in means, regression, g-computation, IPW, AIPW; ATT: no regression coefficient.
    ASSERT_EQ(doc["estimates"].size(), estimand == estimation::Estimand::ATE ? 5u : 4u);
    for (const auto& e : doc["estimates"]) {
      const auto method = estimation::parseMethod(e["method"].get<std::string>());
      const auto found = std::find_if(memory.estimation.estimates.begin(), memory.estimation.estimates.end(),
                                      [&](const auto& m) { return m.method == method; });
      ASSERT_NE(found, memory.estimation.estimates.end()) << e["method"];
      EXPECT_NEAR(e["estimate"].get<double>(), found->estimate, 1e-8 * std::abs(found->estimate)) << e["method"];
      EXPECT_NEAR(e["se"].get<double>(), found->se, 1e-8 * found->se) << e["method"];
      EXPECT_NEAR(e["ci_low"].get<double>(), found->ciLow, 1e-8 * std::abs(found->ciLow)) << e["method"];
      EXPECT_EQ(e["n"], 614);
    }
    // The implied independencies: the in-memory tests, from moments computed in the database.
    ASSERT_TRUE(memory.implicationTests);
    ASSERT_TRUE(result->implicationTests);
    ASSERT_EQ(doc["implication_tests"].size(), memory.implicationTests->results.size());
    ASSERT_FALSE(memory.implicationTests->results.empty());
    for (std::size_t i = 0; i < memory.implicationTests->results.size(); ++i) {
      const auto& m = memory.implicationTests->results[i];
      const auto& d = doc["implication_tests"][i];
      EXPECT_EQ(d["x"], m.test.x);
      EXPECT_EQ(d["y"], m.test.y);
      EXPECT_EQ(d["n"], m.n);
      EXPECT_NEAR(d["estimate"].get<double>(), m.estimate, 1e-8 * std::abs(m.estimate));
      EXPECT_NEAR(d["p_value"].get<double>(), m.pValue, 1e-8 * m.pValue);
    }
    EXPECT_EQ(doc["implications_skipped"], memory.implicationsSkipped);
    EXPECT_EQ(doc["data_source"]["in_database"], true);
    EXPECT_EQ(doc["data_source"]["table"], "lalonde");
    EXPECT_EQ(doc["data_source"]["rows"], 614);
    EXPECT_TRUE(doc["sample"].is_null());
    // What the database did not run is listed with a reason.
    std::vector<std::string> notRun;
    for (const auto& n : doc["not_run"]) notRun.push_back(n["what"]);
    for (const char* what : {"matching", "bootstrap", "refutations", "ks_statistics"})
      EXPECT_NE(std::find(notRun.begin(), notRun.end(), what), notRun.end()) << what;
  }
}

TEST_F(InDatabaseStudyTest, GivesTheInMemoryAnswerAndVerdictWithEachCheck) {
  for (auto estimand : {estimation::Estimand::ATE, estimation::Estimand::ATT}) {
    request_.estimand = estimand;
    auto result = runInDatabaseStudy(request_);
    ASSERT_TRUE(result) << result.error().describe();
    const auto memory = testing::lalondeInMemory(estimand);
    testing::expectVerdictMatchesInMemory(*result, memory);
    // The overlap summary behind the extrapolation and overlap checks, from MIN, MAX and COUNT.
    ASSERT_TRUE(memory.estimation.overlap);
    const auto& o = result->database.overlap;
    const auto& m = *memory.estimation.overlap;
    EXPECT_NEAR(o.minTreated, m.treated.min, 1e-8 * m.treated.min);
    EXPECT_NEAR(o.maxTreated, m.treated.max, 1e-8 * m.treated.max);
    EXPECT_NEAR(o.minControl, m.control.min, 1e-8 * m.control.min);
    EXPECT_NEAR(o.maxControl, m.control.max, 1e-8 * m.control.max);
    EXPECT_EQ(o.outsideTreated, m.treatedOutside);
    EXPECT_EQ(o.outsideControl, m.controlOutside);
    EXPECT_EQ(o.extremeTreated, m.extremeTreated);
    EXPECT_EQ(o.extremeControl, m.extremeControl);
    EXPECT_GT(m.treatedOutside + m.controlOutside, 0u);  // the count is exercised, not trivially 0
    // The weighted variance ratios the balance check counts, as the in-memory balance defines them.
    ASSERT_TRUE(memory.estimation.balanceWeighted);
    const auto& rows = memory.estimation.balanceWeighted->rows;
    ASSERT_EQ(result->database.balance.size(), rows.size());
    for (std::size_t j = 0; j < rows.size(); ++j) {
      EXPECT_EQ(result->database.balance[j].binary, rows[j].binary) << rows[j].name;
      EXPECT_NEAR(result->database.balance[j].varianceRatioAfter, rows[j].adjusted->varianceRatio,
                  1e-8 * rows[j].adjusted->varianceRatio) << rows[j].name;
    }
    // The JSON and the text lead with them; nothing says the verdict was not run.
    const auto doc = inDatabaseStudyJson(*result);
    EXPECT_EQ(doc["answer"]["method"], estimation::toString(memory.answer->method));
    EXPECT_EQ(doc["verdict"]["level"], toString(memory.verdict.level));
    EXPECT_EQ(doc["verdict"]["checks"].size(), memory.verdict.checks.size());
    for (const auto& n : doc["not_run"]) EXPECT_NE(n["what"], "answer_and_verdict");
  }
}

// A CI that excludes 0 (the regression coefficient, asked for alone): the sensitivity check runs
// on the E-value of the CI limit, from the outcome SD computed in the database.
TEST_F(InDatabaseStudyTest, TheSensitivityCheckUsesTheInMemoryEValue) {
  request_.methods = {estimation::Method::RegressionAdjustment};
  auto result = runInDatabaseStudy(request_);
  ASSERT_TRUE(result) << result.error().describe();
  const auto memory = testing::lalondeInMemory(estimation::Estimand::ATE, request_.methods);
  ASSERT_TRUE(result->answer);
  EXPECT_EQ(result->answer->method, estimation::Method::RegressionAdjustment);
  ASSERT_GT(memory.answer->ciLow, 0.0);
  const auto& estimates = memory.estimation.estimates;
  ASSERT_EQ(estimates.size(), 1u);
  const auto sensitivity = std::find_if(result->verdict.checks.begin(), result->verdict.checks.end(),
                                        [](const auto& c) { return c.name == "sensitivity"; });
  ASSERT_NE(sensitivity, result->verdict.checks.end());
  ASSERT_TRUE(sensitivity->value);
  EXPECT_NE(sensitivity->status, CheckStatus::NotRun);
  EXPECT_NEAR(*sensitivity->value, estimates[0].eValueCi, 1e-8 * estimates[0].eValueCi);
  const auto doc = inDatabaseStudyJson(*result);
  EXPECT_NEAR(doc["estimates"][0]["e_value"].get<double>(), estimates[0].eValue, 1e-8 * estimates[0].eValue);
  // Where the in-memory study has no propensity model (regression alone), only the checks both run are compared.
  for (const auto& c : memory.verdict.checks) {
    if (c.status == CheckStatus::NotRun || c.name == "sensitivity") continue;
    const auto mine = std::find_if(result->verdict.checks.begin(), result->verdict.checks.end(),
                                   [&](const auto& m) { return m.name == c.name; });
    ASSERT_NE(mine, result->verdict.checks.end());
    EXPECT_EQ(mine->status, c.status) << c.name;
  }
}

TEST_F(InDatabaseStudyTest, ASampleRunsTheRestInMemoryWithItsSizeStated) {
  // SQLite's random() cannot be seeded: 400 of the 614 rows, so that the sample always holds
  // some of the 11 treated Hispanic units (with 250, about one draw in a hundred has none and
  // the propensity model fails on quasi-separation).
  request_.sampleRows = 400;
  request_.methods = {estimation::Method::Ipw, estimation::Method::Matching};
  request_.estimand = estimation::Estimand::ATT;
  auto result = runInDatabaseStudy(request_);
  ASSERT_TRUE(result) << result.error().describe();
  ASSERT_TRUE(result->sample);
  EXPECT_EQ(result->sample->rows, 400u);
  EXPECT_EQ(result->sample->data.rowCount(), 400u);
  EXPECT_FALSE(result->sample->seeded);
  const auto doc = inDatabaseStudyJson(*result);
  EXPECT_EQ(doc["estimates"].size(), 1u);  // IPW only: matching is not pushed down
  EXPECT_EQ(doc["sample"]["rows"], 400);
  EXPECT_EQ(doc["sample"]["study"]["data"]["rows"], 400);
  ASSERT_EQ(doc["sample"]["study"]["estimates"].size(), 2u) << doc["sample"].dump(1);
  EXPECT_EQ(doc["sample"]["study"]["estimates"][0]["method"], "ipw");
  EXPECT_EQ(doc["sample"]["study"]["estimates"][0]["n"], 400);
  EXPECT_NE(doc["not_run"][0]["reason"].get<std::string>().find("random sample"), std::string::npos);
}

TEST_F(InDatabaseStudyTest, BadRequestsSayWhatIsWrong) {
  request_.estimand = estimation::Estimand::ATO;
  auto ato = runInDatabaseStudy(request_);
  ASSERT_FALSE(ato);
  EXPECT_NE(ato.error().message.find("ATE or the ATT"), std::string::npos) << ato.error().message;
  request_.estimand = estimation::Estimand::ATE;
  request_.columnOverrides["treat"] = "no_such_column";
  auto missing = runInDatabaseStudy(request_);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().describe().find("no_such_column"), std::string::npos) << missing.error().describe();
}

}  // namespace
}  // namespace causeway::study
