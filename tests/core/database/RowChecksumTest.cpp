// The row checksum of a database source, computed in SQLite and in PostgreSQL, and the report's
// fingerprint built on it. Expected values are recomputed here from the rows' text with SHA-256.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "ShardedCluster.hpp"
#include "TestTables.hpp"
#include "causeway/database/AggregateRunner.hpp"
#include "causeway/database/RowChecksum.hpp"
#include "causeway/report/Fingerprint.hpp"
#include "causeway/report/HtmlRenderer.hpp"
#include "causeway/report/StudyReport.hpp"

namespace causeway::database {
namespace {

using testing::cluster;

// The documented definition, written out: sum of the first 16 hex digits of SHA-256 (mod 2^64).
std::string expectedChecksum(const std::vector<std::string>& rowTexts) {
  std::uint64_t sum = 0;
  for (const auto& text : rowTexts) sum += std::stoull(report::sha256Hex(text).substr(0, 16), nullptr, 16);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(sum));
  return hex;
}

void sqliteExec(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  const std::string error = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << error;
}

std::vector<std::string> sqliteTexts(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  std::vector<std::string> out;
  sqlite3_exec(db, sql.c_str(), [](void* o, int, char** values, char**) {
    static_cast<std::vector<std::string>*>(o)->emplace_back(values[0]);
    return 0;
  }, &out, nullptr);
  sqlite3_close(db);
  return out;
}

class SqliteRowChecksum : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = (std::filesystem::temp_directory_path() / ("causeway-checksum-" + std::to_string(::getpid()) + ".db")).string();
    std::filesystem::remove(file_);
    testing::writeSqliteTable(file_, "lalonde", testing::lalondeFromCsv());
    // The same rows in another order, and a copy with one changed cell.
    sqliteExec(file_, "CREATE TABLE reversed AS SELECT * FROM lalonde ORDER BY rowid DESC;"
                      "CREATE TABLE changed AS SELECT * FROM lalonde;"
                      "UPDATE changed SET re78 = re78 + 0.5 WHERE rowid = 300;");
  }
  void TearDown() override { std::filesystem::remove(file_); }
  SourceSpec spec(const std::string& table) const { return SourceSpec{SourceKind::Sqlite, file_, table, "", 10}; }
  std::string file_;
};

TEST_F(SqliteRowChecksum, IsTheDocumentedSumOfRowHashesWhateverTheOrder) {
  auto plain = computeRowChecksum(spec("lalonde"));
  ASSERT_TRUE(plain) << plain.error().describe();
  EXPECT_EQ(plain->rows, 614u);
  const auto texts = sqliteTexts(file_, "SELECT quote(treat) || ',' || quote(age) || ',' || quote(educ) || ',' || "
                                        "quote(race) || ',' || quote(married) || ',' || quote(nodegree) || ',' || "
                                        "quote(re74) || ',' || quote(re75) || ',' || quote(re78) FROM lalonde");
  ASSERT_EQ(texts.size(), 614u);
  EXPECT_EQ(plain->checksum, expectedChecksum(texts));
  auto reversed = computeRowChecksum(spec("reversed"));
  ASSERT_TRUE(reversed);
  EXPECT_EQ(reversed->checksum, plain->checksum);
  auto changed = computeRowChecksum(spec("changed"));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->rows, 614u);
  EXPECT_NE(changed->checksum, plain->checksum);
}

TEST_F(SqliteRowChecksum, AQueryErrorPointsIntoTheQueryAsWritten) {
  SourceSpec bad = spec("");
  bad.query = "SELECT treat FROM lalonde WHERE income > 1";
  auto result = computeRowChecksum(bad);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::SyntaxError);
  EXPECT_NE(result.error().message.find("income"), std::string::npos) << result.error().message;
  auto missing = computeRowChecksum(SourceSpec{SourceKind::Sqlite, file_ + ".absent", "lalonde", "", 10});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::IoError);
}

std::vector<std::string> postgresRowTexts(const std::string& table) {
  // The row text as psql shows it, fetched here and hashed in C++ (not by the code under test).
  auto runner = AggregateRunner::open(SourceSpec{SourceKind::Postgres, cluster().coordinator.socketUri(), "", "x", 10});
  if (!runner) return {};
  auto texts = (*runner)->texts("SELECT src::text FROM " + table + " AS src");
  return texts ? *texts : std::vector<std::string>{};
}

TEST(PostgresRowChecksum, IsTheDocumentedSumOfRowHashesWhateverTheOrder) {
  const auto& c = cluster().coordinator;
  c.execute("DROP TABLE IF EXISTS lalonde_reversed, lalonde_changed;"
            "CREATE TABLE lalonde_reversed AS SELECT * FROM lalonde_plain ORDER BY re78 DESC, age;"
            "CREATE TABLE lalonde_changed AS SELECT * FROM lalonde_plain;"
            "UPDATE lalonde_changed SET educ = educ + 1 WHERE ctid = (SELECT min(ctid) FROM lalonde_changed);");
  const auto spec = [&](const std::string& table) { return SourceSpec{SourceKind::Postgres, c.socketUri(), table, "", 10}; };
  auto plain = computeRowChecksum(spec("lalonde_plain"));
  ASSERT_TRUE(plain) << plain.error().describe();
  EXPECT_EQ(plain->rows, 614u);
  EXPECT_EQ(plain->checksum, expectedChecksum(postgresRowTexts("lalonde_plain")));
  auto reversed = computeRowChecksum(spec("lalonde_reversed"));
  ASSERT_TRUE(reversed);
  EXPECT_EQ(reversed->checksum, plain->checksum);
  auto changed = computeRowChecksum(spec("lalonde_changed"));
  ASSERT_TRUE(changed);
  EXPECT_NE(changed->checksum, plain->checksum);
  // The sharded table holds the same rows: the shards compute the same checksum.
  auto sharded = computeRowChecksum(spec("lalonde_sharded"));
  ASSERT_TRUE(sharded) << sharded.error().describe();
  EXPECT_EQ(sharded->checksum, plain->checksum);
}

TEST(PostgresRowChecksum, AQueryErrorPointsIntoTheQueryAsWritten) {
  SourceSpec bad{SourceKind::Postgres, cluster().coordinator.socketUri(), "", "SELECT treat FROM lalonde_plain WHERE income > 1", 10};
  auto result = computeRowChecksum(bad);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::SyntaxError);
  EXPECT_EQ(result.error().context.line, 1u);
  EXPECT_EQ(result.error().context.column, 39u);  // where "income" starts
}

TEST(DatabaseFingerprint, NamesServerQueryRowsAndChecksumButNeverThePassword) {
  const auto& c = cluster().coordinator;
  SourceSpec spec{SourceKind::Postgres, "postgresql://causeway:hunter2@/postgres?host=" + c.directory() + "&port=" +
                                            std::to_string(c.port()),
                  "", "SELECT * FROM lalonde_plain WHERE treat = 1", 10};
  auto print = report::fingerprintDatabase(spec);
  ASSERT_TRUE(print) << print.error().describe();
  EXPECT_TRUE(print->isDatabase());
  EXPECT_EQ(print->sourceKind, "postgresql");
  EXPECT_EQ(print->server, "postgresql://causeway@/postgres?host=" + c.directory() + "&port=" + std::to_string(c.port()));
  EXPECT_EQ(print->query, spec.query);
  EXPECT_EQ(print->rows, 185u);  // the treated of Lalonde
  EXPECT_EQ(print->rowChecksum.size(), 16u);
  const std::string sentence = report::describeFingerprint(*print);
  EXPECT_EQ(sentence.find("hunter2"), std::string::npos);
  EXPECT_NE(sentence.find("185 rows, row checksum " + print->rowChecksum), std::string::npos) << sentence;
  EXPECT_NE(sentence.find("SELECT * FROM lalonde_plain WHERE treat = 1"), std::string::npos) << sentence;
}

}  // namespace
}  // namespace causeway::database
