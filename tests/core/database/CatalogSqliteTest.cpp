// Browsing a SQLite file: tables and columns, preview, row count, bad SQL, cancel.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "causeway/database/Catalog.hpp"
#include "causeway/database/DatabaseReader.hpp"

namespace causeway::database {
namespace {

void exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "?";
    sqlite3_free(message);
    throw std::runtime_error(text);
  }
}

class CatalogSqlite : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = (std::filesystem::temp_directory_path() /
             ("causeway-catalog-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    std::filesystem::remove(file_);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(file_.c_str(), &db), SQLITE_OK);
    // 250 rows: i = 1..250, x = i / 4, day from 2024-01-01, every 10th region NULL.
    exec(db,
         "CREATE TABLE runs (i INTEGER, x REAL, day DATE, region TEXT, untyped);"
         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
         "INSERT INTO runs SELECT i, i / 4.0, date('2024-01-01', '+' || (i - 1) || ' days'), "
         "CASE WHEN i % 10 = 0 THEN NULL WHEN i % 2 = 0 THEN 'eu' ELSE 'us' END, i FROM n;"
         "CREATE TABLE \"odd name\" (\"a b\" TEXT);"
         "CREATE VIEW big_runs AS SELECT i, x FROM runs WHERE x > 50;");
    sqlite3_close(db);
  }
  void TearDown() override { std::filesystem::remove(file_); }

  [[nodiscard]] SourceSpec source(const std::string& table, const std::string& query = {}) const {
    return {SourceKind::Sqlite, file_, table, query, 10};
  }

  std::string file_;
};

TEST_F(CatalogSqlite, ListsTablesViewsAndDeclaredColumnTypes) {
  auto tables = listTables(source(""));
  ASSERT_TRUE(tables) << tables.error().describe();
  ASSERT_EQ(tables->size(), 3u);
  EXPECT_EQ((*tables)[0].name, "big_runs");
  EXPECT_EQ((*tables)[1].name, "odd name");
  EXPECT_EQ((*tables)[2].name, "runs");
  const auto& runs = (*tables)[2].columns;
  ASSERT_EQ(runs.size(), 5u);
  const std::vector<std::pair<std::string, std::string>> expected{
      {"i", "INTEGER"}, {"x", "REAL"}, {"day", "DATE"}, {"region", "TEXT"}, {"untyped", ""}};
  for (std::size_t j = 0; j < expected.size(); ++j) {
    EXPECT_EQ(runs[j].name, expected[j].first);
    EXPECT_EQ(runs[j].type, expected[j].second);
  }
  ASSERT_EQ((*tables)[1].columns.size(), 1u);
  EXPECT_EQ((*tables)[1].columns[0].name, "a b");
}

TEST_F(CatalogSqlite, PreviewIsTheFirstRowsTypedAsAFullRead) {
  auto preview = previewRows(source("runs"), 200);
  ASSERT_TRUE(preview) << preview.error().describe();
  ASSERT_EQ(preview->rowCount(), 200u);
  ASSERT_EQ(preview->columnCount(), 5u);
  // Row 7 (0-based 6): i = 7, x = 1.75, day = 2024-01-07 = day 19729 since 1970-01-01.
  EXPECT_EQ(preview->column(0).values()[6], 7.0);
  EXPECT_EQ(preview->column(1).values()[6], 1.75);
  EXPECT_EQ(preview->column(2).values()[6], 19729.0);
  EXPECT_TRUE(preview->column(3).isCategorical());
  EXPECT_TRUE(preview->column(3).isMissing(9));
  auto full = readDatabase(source("runs"));
  ASSERT_TRUE(full) << full.error().describe();
  for (std::size_t j = 0; j < full->columnCount(); ++j) EXPECT_EQ(preview->column(j).type(), full->column(j).type()) << j;
}

TEST_F(CatalogSqlite, PreviewOfAQueryWithATrailingSemicolonAndComment) {
  for (const std::string sql : {"SELECT i, x FROM runs WHERE i > 245 ORDER BY i;  \n",
                                "SELECT i, x FROM runs WHERE i > 245 ORDER BY i -- the last five"}) {
    auto preview = previewRows(source("", sql), 200);
    ASSERT_TRUE(preview) << preview.error().describe();
    ASSERT_EQ(preview->rowCount(), 5u);
    EXPECT_EQ(preview->column(0).values()[0], 246.0);
  }
}

TEST_F(CatalogSqlite, CountsRowsOfTablesViewsAndQueries) {
  auto all = countRows(source("runs"));
  ASSERT_TRUE(all) << all.error().describe();
  EXPECT_EQ(*all, 250u);
  // x = i / 4 > 50 for i = 201..250.
  auto view = countRows(source("big_runs"));
  ASSERT_TRUE(view) << view.error().describe();
  EXPECT_EQ(*view, 50u);
  // NULL region for i = 10, 20, ..., 250: 25 rows.
  auto query = countRows(source("", "SELECT * FROM runs WHERE region IS NULL"));
  ASSERT_TRUE(query) << query.error().describe();
  EXPECT_EQ(*query, 25u);
  auto odd = countRows(source("odd name"));
  ASSERT_TRUE(odd) << odd.error().describe();
  EXPECT_EQ(*odd, 0u);
}

TEST_F(CatalogSqlite, BadSqlIsPlacedInTheUsersOwnQuery) {
  // The second WHERE is the error: line 2, column 19 of what the user typed, not of the wrapper.
  const std::string sql = "SELECT i\n  FROM runs WHERE WHERE i > 1";
  for (const bool count : {false, true}) {
    const Error error = count ? countRows(source("", sql)).error() : previewRows(source("", sql), 200).error();
    EXPECT_EQ(error.code, ErrorCode::SyntaxError);
    EXPECT_EQ(error.context.line, 2u) << error.message;
    EXPECT_EQ(error.context.column, 19u) << error.message;
    EXPECT_NE(error.message.find(file_), std::string::npos) << error.message;
    EXPECT_EQ(error.message.find("causeway_source"), std::string::npos) << error.message;
  }
  auto missing = countRows(source("no_such_table"));
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("no such table: no_such_table"), std::string::npos) << missing.error().message;
}

TEST_F(CatalogSqlite, MissingFileIsNamed) {
  auto tables = listTables({SourceKind::Sqlite, file_ + ".absent", "", "", 10});
  ASSERT_FALSE(tables);
  EXPECT_EQ(tables.error().code, ErrorCode::IoError);
  EXPECT_NE(tables.error().message.find(file_ + ".absent"), std::string::npos) << tables.error().message;
}

TEST_F(CatalogSqlite, ALongCountIsCancelled) {
  // Counting 10^12 generated rows would take hours: only the stop request can end it.
  std::stop_source stop;
  std::jthread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop.request_stop();
  });
  const auto started = std::chrono::steady_clock::now();
  auto counted = countRows(source("", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000000) "
                                      "SELECT i FROM n"),
                           Progress(stop.get_token()));
  ASSERT_FALSE(counted);
  EXPECT_EQ(counted.error().code, ErrorCode::Cancelled);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(30));
}

}  // namespace
}  // namespace causeway::database

namespace causeway::database {
namespace {

TEST(SourceLabel, IsShortFreeOfSlashesAndOfPasswords) {
  EXPECT_EQ(sourceLabel({SourceKind::Sqlite, "/data/ops/telemetry.db", "runs", "", 10}), "runs in telemetry.db");
  EXPECT_EQ(sourceLabel({SourceKind::Postgres, "postgresql://ann:pw@db.example:5433/ops", "", "SELECT 1", 10}),
            "query in ops on db.example:5433");
  EXPECT_EQ(sourceLabel({SourceKind::Postgres, "postgresql://ann@/ops?host=/tmp/pg", "public.t", "", 10}),
            "public.t in ops on local socket");
}

}  // namespace
}  // namespace causeway::database
