// causeway-cli on the sharded cluster: report PROJECT DATA fingerprints a database source, and
// estimate --in-database --shard-key aggregates on the shards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ShardedCluster.hpp"
#include "TestTables.hpp"
#include "causeway/database/RowChecksum.hpp"
#include "causeway/project/Project.hpp"

namespace causeway::database {
namespace {

using testing::cluster;

// Runs the report command; returns the HTML written (empty when the command failed) and its
// standard error in `errors`.
std::string report(const std::string& data, const std::string& options, std::string& errors) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto html = dir / ("causeway-report-" + std::to_string(::getpid()) + ".html");
  const auto err = dir / ("causeway-report-" + std::to_string(::getpid()) + ".err");
  std::filesystem::remove(html);
  const std::string command = std::string(CAUSEWAY_CLI) + " report " + CAUSEWAY_EXAMPLES_DIR + "/lalonde.causeway '" +
                              data + "' " + options + " -o " + html.string() + " >/dev/null 2>" + err.string();
  const int status = std::system(command.c_str());
  std::ifstream errorText(err);
  std::stringstream e, h;
  e << errorText.rdbuf();
  errors = e.str();
  std::filesystem::remove(err);
  if (status != 0) return {};
  std::ifstream page(html);
  h << page.rdbuf();
  std::filesystem::remove(html);
  return h.str();
}

TEST(ReportFingerprint, APostgresTableShowsServerQueryRowsAndChecksumWithoutPassword) {
  const auto& c = cluster().coordinator;
  const std::string uri = "postgresql://causeway:hunter2@/postgres?host=" + c.directory() + "&port=" + std::to_string(c.port());
  auto checksum = computeRowChecksum(SourceSpec{SourceKind::Postgres, uri, "lalonde_plain", "", 10});
  ASSERT_TRUE(checksum) << checksum.error().describe();
  std::string errors;
  const std::string html = report(uri, "--table lalonde_plain", errors);
  ASSERT_FALSE(html.empty()) << errors;
  EXPECT_NE(html.find("PostgreSQL server postgresql://causeway@/postgres?host=" + c.directory()), std::string::npos);
  EXPECT_NE(html.find("614 rows, row checksum " + checksum->checksum), std::string::npos);
  EXPECT_NE(html.find("SELECT * FROM"), std::string::npos);
  EXPECT_EQ(html.find("hunter2"), std::string::npos);
}

TEST(ReportFingerprint, ASqliteQueryShowsTheFileAndTheQuery) {
  const auto file = (std::filesystem::temp_directory_path() / ("causeway-report-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(file);
  testing::writeSqliteTable(file, "lalonde", testing::lalondeFromCsv());
  const std::string query = "SELECT * FROM lalonde WHERE re74 = 0 OR educ = 12";  // no &lt; to escape in HTML
  auto checksum = computeRowChecksum(SourceSpec{SourceKind::Sqlite, file, "", query, 10});
  ASSERT_TRUE(checksum) << checksum.error().describe();
  std::string errors;
  const std::string html = report("sqlite:" + file, "--query '" + query + "'", errors);
  std::filesystem::remove(file);
  ASSERT_FALSE(html.empty()) << errors;
  EXPECT_NE(html.find("SQLite file " + file + ", query"), std::string::npos);
  EXPECT_NE(html.find(query), std::string::npos);
  EXPECT_NE(html.find(std::to_string(checksum->rows) + " rows, row checksum " + checksum->checksum), std::string::npos);
  EXPECT_LT(checksum->rows, 614u);
}

TEST(ReportFingerprint, AProjectWhoseDataLiveInADatabaseIsFingerprintedThere) {
  auto project = project::loadProject(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.causeway");
  ASSERT_TRUE(project) << project.error().describe();
  project->dataPath.clear();
  project->database = project::DatabaseSource{"postgresql", cluster().coordinator.socketUri(), "lalonde_plain", "", false};
  const auto file = std::filesystem::temp_directory_path() / ("causeway-report-" + std::to_string(::getpid()) + ".causeway");
  ASSERT_TRUE(project::saveProject(*project, file));
  auto checksum = computeRowChecksum(SourceSpec{SourceKind::Postgres, cluster().coordinator.socketUri(), "lalonde_plain", "", 10});
  ASSERT_TRUE(checksum);
  const auto html = std::filesystem::temp_directory_path() / ("causeway-report-" + std::to_string(::getpid()) + "-p.html");
  const std::string command = std::string(CAUSEWAY_CLI) + " report " + file.string() + " -o " + html.string() + " >/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream page(html);
  std::stringstream text;
  text << page.rdbuf();
  std::filesystem::remove(file);
  std::filesystem::remove(html);
  EXPECT_NE(text.str().find("614 rows, row checksum " + checksum->checksum), std::string::npos);
}

TEST(ReportFingerprint, ABadQueryIsAnErrorNamingThePosition) {
  std::string errors;
  const auto& c = cluster().coordinator;
  const std::string html = report(c.socketUri(), "--query 'SELECT * FROM lalonde_plain WHERE income > 1'", errors);
  EXPECT_TRUE(html.empty());
  EXPECT_NE(errors.find("column \"income\" does not exist"), std::string::npos) << errors;
  EXPECT_NE(errors.find("column 35"), std::string::npos) << errors;
}

// Runs `causeway-cli estimate lalonde.dag ARGS --json`: the JSON, and standard error in `errors`.
nlohmann::json estimate(const std::string& arguments, std::string& errors) {
  const auto err = std::filesystem::temp_directory_path() / ("causeway-estimate-" + std::to_string(::getpid()) + ".err");
  const std::string command = std::string(CAUSEWAY_CLI) + " estimate " + CAUSEWAY_EXAMPLES_DIR + "/lalonde.dag " + arguments +
                              " --json 2>" + err.string();
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
  std::string output;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  pipe.reset();
  std::ifstream text(err);
  std::stringstream e;
  e << text.rdbuf();
  errors = e.str();
  std::filesystem::remove(err);
  return nlohmann::json::parse(output, nullptr, false);
}

double ipw(const nlohmann::json& doc) {
  for (const auto& e : doc.value("estimates", nlohmann::json::array()))
    if (e.value("method", "") == "ipw") return e.value("estimate", 0.0);
  return 0.0;
}

// (Detection of the key from a table is tested on the library in ShardedInDatabaseTest; each
// sharded run takes seconds, so the CLI is run once, on the path the user types.)
TEST(ShardedCli, AQueryWithShardKeyAggregatesOnTheShardsForTheAtt) {
  std::string errors;
  const auto csv = estimate(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv --method ipw --no-compare --estimand ATT", errors);
  ASSERT_FALSE(csv.is_discarded()) << errors;
  std::string arguments = "'";
  arguments += cluster().coordinator.socketUri();
  arguments += "' --query 'SELECT * FROM lalonde_sharded' --shard-key shard --in-database --method ipw --estimand ATT";
  const auto sharded = estimate(arguments, errors);
  ASSERT_FALSE(sharded.is_discarded()) << errors;
  EXPECT_EQ(errors, "");  // no warning: every query aggregated on the shards
  EXPECT_TRUE(sharded["warnings"].empty()) << sharded["warnings"].dump();
  EXPECT_NEAR(ipw(sharded), ipw(csv), 1e-8 * std::abs(ipw(csv)));
  EXPECT_NE(ipw(csv), 0.0);
}

TEST(ShardedCli, AShardKeyWithoutInDatabaseIsRefused) {
  std::string errors;
  const auto doc = estimate(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv --shard-key shard", errors);
  EXPECT_TRUE(doc.is_discarded());
  EXPECT_NE(errors.find("--shard-key only applies with --in-database"), std::string::npos) << errors;
}

}  // namespace
}  // namespace causeway::database
