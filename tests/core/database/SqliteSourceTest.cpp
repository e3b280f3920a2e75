// Reading SQLite files: types, NULLs, errors with positions, cancel, and Lalonde round trip.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>

#include "TestTables.hpp"
#include "causeway/database/DatabaseReader.hpp"

namespace causeway::database {
namespace {

class SqliteSource : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = (std::filesystem::temp_directory_path() /
             ("causeway-sqlite-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    std::filesystem::remove(file_);
  }
  void TearDown() override { std::filesystem::remove(file_); }
  void exec(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file_.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << error;
  }
  SourceSpec table(const std::string& name) { return {SourceKind::Sqlite, file_, name, "", 10}; }
  SourceSpec query(const std::string& sql) { return {SourceKind::Sqlite, file_, "", sql, 10}; }
  std::string file_;
};

TEST_F(SqliteSource, MapsTypesAndNulls) {
  exec("CREATE TABLE t (i INTEGER, r REAL, b BOOLEAN, s TEXT, d DATE, ts TIMESTAMP);"
       "INSERT INTO t VALUES (3, 2.5, 1, 'low', '1970-01-02', '1970-01-01 01:00:00+01:00'),"
       "(NULL, -1.25, 0, NULL, '2000-03-01', '2000-03-01T00:00:30Z'), (7, NULL, NULL, 'high', NULL, NULL);");
  auto data = readDatabase(table("t"));
  ASSERT_TRUE(data) << data.error().describe();
  ASSERT_EQ(data->rowCount(), 3u);
  ASSERT_EQ(data->columnCount(), 6u);
  EXPECT_TRUE(data->column(0).isMissing(1));
  EXPECT_EQ(data->column(0).values()[2], 7.0);
  EXPECT_EQ(data->column(1).values()[1], -1.25);
  EXPECT_EQ(data->column(2).type(), data::ColumnType::Binary);
  ASSERT_TRUE(data->column(3).isCategorical());
  EXPECT_EQ(data->column(3).cellText(2), "high");
  EXPECT_TRUE(data->column(3).isMissing(1));
  // Days since 1970-01-01: 2000-03-01 is 30 years (7 leap days) + Jan + Feb 2000 = 10957 + 60.
  EXPECT_EQ(data->column(4).values()[0], 1.0);
  EXPECT_EQ(data->column(4).values()[1], 11017.0);
  // 01:00 at +01:00 is midnight UTC; 2000-03-01T00:00:30Z is 11017 days and 30 s.
  EXPECT_EQ(data->column(5).values()[0], 0.0);
  EXPECT_EQ(data->column(5).values()[1], 11017.0 * 86400.0 + 30.0);
  EXPECT_EQ(data->sourcePath(), file_);
}

TEST_F(SqliteSource, TextAmongNumbersMakesTheColumnCategorical) {
  exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), ('n/a'), (2.5);");
  auto data = readDatabase(table("t"));
  ASSERT_TRUE(data);
  ASSERT_TRUE(data->column(0).isCategorical());
  EXPECT_EQ(data->column(0).levels(), (std::vector<std::string>{"1", "2.5", "n/a"}));
}

TEST_F(SqliteSource, SyntaxErrorShowsThePosition) {
  exec("CREATE TABLE t (x);");
  auto data = readDatabase(query("SELECT x\nFROM t WHER x > 1"));
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().code, ErrorCode::SyntaxError);
  EXPECT_EQ(data.error().context.file, "SQLite file " + file_);
  // SQLite points at the unexpected token "x" after the alias WHER: line 2, column 13.
  EXPECT_EQ(data.error().context.line, 2u);
  EXPECT_EQ(data.error().context.column, 13u);
  EXPECT_NE(data.error().message.find("line 2, column 13"), std::string::npos) << data.error().message;
}

TEST_F(SqliteSource, MissingTableAndMissingFileAreNamed) {
  exec("CREATE TABLE t (x);");
  auto table = readDatabase(this->table("runs"));
  ASSERT_FALSE(table);
  EXPECT_NE(table.error().message.find("no such table: runs"), std::string::npos) << table.error().message;
  auto file = readDatabase({SourceKind::Sqlite, file_ + ".absent", "t", "", 10});
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, ErrorCode::IoError);
  EXPECT_NE(file.error().message.find(file_ + ".absent"), std::string::npos);
}

TEST_F(SqliteSource, LongQueryIsInterruptedWithinOneSecond) {
  exec("CREATE TABLE t (x);");
  std::stop_source stop;
  std::chrono::steady_clock::time_point stoppedAt;
  std::jthread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stoppedAt = std::chrono::steady_clock::now();
    stop.request_stop();
  });
  // Counting to 10^10 takes minutes; only the interrupt ends it.
  auto data = readDatabase(query("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10000000000) "
                                 "SELECT max(n) FROM c"),
                           Progress(stop.get_token()));
  const auto returnedAt = std::chrono::steady_clock::now();
  canceller.join();
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().code, ErrorCode::Cancelled);
  EXPECT_LT(returnedAt - stoppedAt, std::chrono::seconds(1));
}

TEST_F(SqliteSource, LalondeGivesTheCsvDataAndEstimates) {
  const auto csv = testing::lalondeFromCsv();
  testing::writeSqliteTable(file_, "lalonde", csv);
  auto data = readDatabase(table("lalonde"));
  ASSERT_TRUE(data) << data.error().describe();
  EXPECT_EQ(data->columns(), csv.columns());  // every cell, bit for bit
  const auto expected = testing::lalondeStudy(csv);
  const auto actual = testing::lalondeStudy(*data);
  ASSERT_EQ(actual.methods, expected.methods);
  for (std::size_t i = 0; i < expected.estimates.size(); ++i) {
    EXPECT_NEAR(actual.estimates[i], expected.estimates[i], 1e-10 * std::abs(expected.estimates[i])) << expected.methods[i];
    EXPECT_NEAR(actual.ses[i], expected.ses[i], 1e-10 * std::abs(expected.ses[i])) << expected.methods[i];
  }
}

}  // namespace
}  // namespace causeway::database
