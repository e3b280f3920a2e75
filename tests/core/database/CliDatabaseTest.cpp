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

nlohmann::json runCli(const std::string& arguments) {
  const std::string command = std::string(CAUSEWAY_CLI) + " estimate " + CAUSEWAY_EXAMPLES_DIR + "/lalonde.dag " + arguments;
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
  std::string output;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  return nlohmann::json::parse(output);
}

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
  EXPECT_NEAR(inDb["estimates"][0]["estimate"].get<double>(), expected, 1e-8 * std::abs(expected));
  EXPECT_NEAR(inDb["estimates"][0]["se"].get<double>(), csv["estimates"][0]["se"].get<double>(),
              1e-8 * csv["estimates"][0]["se"].get<double>());
}

}  // namespace
}  // namespace causeway::database
