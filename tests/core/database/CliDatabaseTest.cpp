// causeway-cli estimate on a SQLite source: the CSV's numbers, plus data_source; --in-database.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "TestTables.hpp"

namespace causeway::database {
namespace {

std::string runCliText(const std::string& arguments) {
  const std::string command = std::string(CAUSEWAY_CLI) + " estimate " + CAUSEWAY_EXAMPLES_DIR + "/lalonde.dag " + arguments;
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
  std::string output;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  return output;
}

nlohmann::json runCli(const std::string& arguments) { return nlohmann::json::parse(runCliText(arguments)); }

TEST(CliDatabase, SqliteTableGivesTheCsvEstimatesAndSaysWhereTheRowsCameFrom) {
  const auto file = (std::filesystem::temp_directory_path() / "causeway-cli-lalonde.db").string();
  std::filesystem::remove(file);
  testing::writeSqliteTable(file, "lalonde", testing::lalondeFromCsv());
  const auto csv = runCli(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv --method ipw --no-compare --json");
  const auto db = runCli("sqlite:" + file + " --table lalonde --method ipw --no-compare --json");
  const auto inDb = runCli("sqlite:" + file + " --table lalonde --in-database --json");
  std::filesystem::remove(file);
  const double expected = csv["estimates"][0]["estimate"].get<double>();
  EXPECT_NEAR(db["estimates"][0]["estimate"].get<double>(), expected, 1e-10 * std::abs(expected));
  EXPECT_NEAR(db["estimates"][0]["se"].get<double>(), csv["estimates"][0]["se"].get<double>(),
              1e-10 * csv["estimates"][0]["se"].get<double>());
  EXPECT_EQ(db["data_source"]["kind"], "sqlite");
  EXPECT_EQ(db["data_source"]["file"], file);
  EXPECT_EQ(db["data_source"]["table"], "lalonde");
  EXPECT_EQ(db["data_source"]["rows"], 614);
  EXPECT_EQ(db["data_source"]["in_database"], false);
  EXPECT_FALSE(csv.contains("data_source"));
  EXPECT_EQ(inDb["data_source"]["in_database"], true);
  // Every method the database can run, in the in-memory order (difference in means, regression,
  // g-computation, IPW, AIPW).
  ASSERT_EQ(inDb["estimates"].size(), 5u);
  EXPECT_EQ(inDb["estimates"][3]["method"], "ipw");
  EXPECT_NEAR(inDb["estimates"][3]["estimate"].get<double>(), expected, 1e-8 * std::abs(expected));
  EXPECT_NEAR(inDb["estimates"][3]["se"].get<double>(), csv["estimates"][0]["se"].get<double>(),
              1e-8 * csv["estimates"][0]["se"].get<double>());
  EXPECT_TRUE(inDb["sample"].is_null());
}

// The in-database text and JSON lead with the answer and the verdict, as the CSV's do.
TEST(CliDatabase, InDatabaseLeadsWithTheCsvAnswerAndVerdict) {
  const auto file = (std::filesystem::temp_directory_path() / "causeway-cli-lalonde-verdict.db").string();
  std::filesystem::remove(file);
  testing::writeSqliteTable(file, "lalonde", testing::lalondeFromCsv());
  const auto csv = runCli(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv --no-compare --json");
  const auto inDb = runCli("sqlite:" + file + " --table lalonde --in-database --json");
  const std::string text = runCliText("sqlite:" + file + " --table lalonde --in-database");
  const auto relaxed = runCli("sqlite:" + file + " --table lalonde --in-database --threshold extrapolation-warn=0.2 --json");
  std::filesystem::remove(file);
  // --threshold reaches the in-database verdict: 10.6% outside the support warns at 0.1, not at 0.2.
  EXPECT_EQ(inDb["verdict"]["checks"][1]["name"], "extrapolation");
  EXPECT_EQ(inDb["verdict"]["checks"][1]["status"], "warn");
  EXPECT_EQ(relaxed["verdict"]["checks"][1]["status"], "pass");
  EXPECT_EQ(inDb["answer"]["method"], csv["answer"]["method"]);
  EXPECT_EQ(inDb["answer"]["sentence"], csv["answer"]["sentence"]);
  ASSERT_EQ(inDb["verdict"]["checks"].size(), csv["verdict"]["checks"].size());
  for (std::size_t i = 0; i < csv["verdict"]["checks"].size(); ++i) {
    const auto& mine = inDb["verdict"]["checks"][i];
    const auto& theirs = csv["verdict"]["checks"][i];
    EXPECT_EQ(mine["name"], theirs["name"]);
    if (mine["name"] == "refutations") EXPECT_EQ(mine["status"], "not-run");
    else if (mine["name"] != "sensitivity") EXPECT_EQ(mine["status"], theirs["status"]) << mine["name"];
  }
  for (const auto& n : inDb["not_run"]) EXPECT_NE(n["what"], "answer_and_verdict");
  const auto answer = text.find("\nAnswer: "), verdict = text.find("\nVerdict: "), estimates = text.find("\nEstimates:");
  ASSERT_NE(answer, std::string::npos) << text;
  EXPECT_LT(answer, verdict);
  EXPECT_LT(verdict, estimates);
  EXPECT_NE(text.find("[not-run] refutations    Not run in the database"), std::string::npos) << text;
}

}  // namespace
}  // namespace causeway::database
