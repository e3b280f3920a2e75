// `causeway-cli estimate PROJECT.causeway` with a project whose data live in a SQLite file
// (data.database, relative to the project): the same numbers as the same project on the CSV.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "TestTables.hpp"
#include "causeway/project/Project.hpp"

namespace causeway::database {
namespace {

nlohmann::json estimateProject(const std::filesystem::path& project) {
  const std::string command = std::string(CAUSEWAY_CLI) + " estimate " + project.string() + " --json";
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
  std::string output;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  return nlohmann::json::parse(output, nullptr, false);
}

TEST(CliProjectDatabase, ProjectWithASqliteSourceGivesTheCsvProjectsNumbers) {
  const auto folder = std::filesystem::temp_directory_path() / "causeway-cli-project-db";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder / "data");
  testing::writeSqliteTable((folder / "data" / "lalonde.db").string(), "lalonde", testing::lalondeFromCsv());
  std::ifstream model(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.dag");
  std::stringstream text;
  text << model.rdbuf();

  project::Project onCsv;
  onCsv.modelText = text.str();
  onCsv.analysis.methods = {"ipw", "regression"};
  onCsv.dataPath = std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv";
  project::Project onDatabase = onCsv;
  onDatabase.dataPath.clear();
  onDatabase.database = project::DatabaseSource{"sqlite", "data/lalonde.db", "lalonde", "", false};
  ASSERT_TRUE(project::saveProject(onCsv, folder / "csv.causeway"));
  ASSERT_TRUE(project::saveProject(onDatabase, folder / "db.causeway"));

  const auto csv = estimateProject(folder / "csv.causeway");
  const auto db = estimateProject(folder / "db.causeway");
  std::filesystem::remove_all(folder);
  ASSERT_TRUE(csv.is_object() && db.is_object());
  ASSERT_EQ(csv["estimates"].size(), 2u);
  ASSERT_EQ(db["estimates"].size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const double expected = csv["estimates"][i]["estimate"].get<double>();
    EXPECT_NEAR(db["estimates"][i]["estimate"].get<double>(), expected, 1e-10 * std::abs(expected));
  }
  EXPECT_EQ(db["data_source"]["kind"], "sqlite");
  EXPECT_EQ(db["data_source"]["table"], "lalonde");
  EXPECT_EQ(db["data_source"]["rows"], 614);
  EXPECT_FALSE(csv.contains("data_source"));
}

}  // namespace
}  // namespace causeway::database
