// Browsing a throwaway PostgreSQL server: schemas, columns, preview, count, bad SQL, cancel, and
// a password typed by the user (SourceSpec::password) that never shows up in messages.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "PostgresEnvironment.hpp"
#include "causeway/database/Catalog.hpp"
#include "causeway/database/DatabaseReader.hpp"

namespace causeway::database {
namespace {

using testing::postgres;

SourceSpec catalogSource(const std::string& table, const std::string& query = {}) {
  return {SourceKind::Postgres, postgres().socketUri("catalog_db"), table, query, 10};
}

class CatalogPostgres : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    postgres().execute("DROP DATABASE IF EXISTS catalog_db");
    postgres().execute("CREATE DATABASE catalog_db");
    postgres().execute(
        "CREATE SCHEMA ops;"
        "CREATE TABLE ops.deploys (id integer, rate double precision, ok boolean, at timestamp, note text);"
        "INSERT INTO ops.deploys SELECT i, i / 8.0, i % 3 = 0, TIMESTAMP '2024-01-01' + i * INTERVAL '1 hour', "
        "  CASE WHEN i % 5 = 0 THEN NULL ELSE 'n' || i END FROM generate_series(1, 300) AS i;"
        "CREATE TABLE public.hosts (name varchar(20), cores int8);"
        "CREATE VIEW ops.fast AS SELECT id FROM ops.deploys WHERE rate > 30;",
        "catalog_db");
  }
};

TEST_F(CatalogPostgres, ListsSchemaQualifiedTablesWithTypes) {
  auto tables = listTables(catalogSource(""));
  ASSERT_TRUE(tables) << tables.error().describe();
  std::vector<std::string> names;
  for (const auto& t : *tables) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"ops.deploys", "ops.fast", "public.hosts"}));
  const auto& deploys = (*tables)[0].columns;
  ASSERT_EQ(deploys.size(), 5u);
  EXPECT_EQ(deploys[0].name, "id");
  EXPECT_EQ(deploys[0].type, "integer");
  EXPECT_EQ(deploys[1].type, "double precision");
  EXPECT_EQ(deploys[2].type, "boolean");
  EXPECT_EQ(deploys[3].type, "timestamp without time zone");
  EXPECT_EQ(deploys[4].type, "text");
  EXPECT_EQ((*tables)[2].columns[0].type, "character varying");
  EXPECT_EQ((*tables)[2].columns[1].type, "bigint");
}

TEST_F(CatalogPostgres, PreviewAndCount) {
  auto preview = previewRows(catalogSource("", "SELECT * FROM ops.deploys ORDER BY id;"), 200);
  ASSERT_TRUE(preview) << preview.error().describe();
  ASSERT_EQ(preview->rowCount(), 200u);
  EXPECT_EQ(preview->column(0).values()[199], 200.0);
  EXPECT_EQ(preview->column(1).values()[3], 0.5);  // 4 / 8
  EXPECT_EQ(preview->column(2).values()[2], 1.0);  // 3 % 3 = 0
  EXPECT_EQ(preview->column(3).values()[0], 1704067200.0 + 3600.0);  // 2024-01-01 01:00 UTC
  EXPECT_TRUE(preview->column(4).isMissing(4));
  auto all = countRows(catalogSource("ops.deploys"));
  ASSERT_TRUE(all) << all.error().describe();
  EXPECT_EQ(*all, 300u);
  // rate = i / 8 > 30 for i = 241..300.
  auto view = countRows(catalogSource("ops.fast"));
  ASSERT_TRUE(view) << view.error().describe();
  EXPECT_EQ(*view, 60u);
}

TEST_F(CatalogPostgres, BadSqlIsPlacedInTheUsersOwnQuery) {
  const std::string sql = "SELECT id\n  FROM ops.deploys WHERE WHERE id > 1";
  for (const bool count : {false, true}) {
    const Error error = count ? countRows(catalogSource("", sql)).error() : previewRows(catalogSource("", sql), 200).error();
    EXPECT_EQ(error.code, ErrorCode::SyntaxError);
    EXPECT_EQ(error.context.line, 2u) << error.message;
    EXPECT_EQ(error.context.column, 26u) << error.message;
    EXPECT_EQ(error.message.find("causeway_source"), std::string::npos) << error.message;
  }
}

TEST_F(CatalogPostgres, ALongCountIsCancelled) {
  std::stop_source stop;
  std::jthread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop.request_stop();
  });
  const auto started = std::chrono::steady_clock::now();
  auto counted = countRows(catalogSource("", "SELECT pg_sleep(30)"), Progress(stop.get_token()));
  ASSERT_FALSE(counted);
  EXPECT_EQ(counted.error().code, ErrorCode::Cancelled);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST_F(CatalogPostgres, TypedPasswordConnectsAndIsNeverShown) {
  postgres().execute("DROP ROLE IF EXISTS bea; CREATE ROLE bea LOGIN PASSWORD 'Typed-Secret-1'");
  SourceSpec spec{SourceKind::Postgres, "postgresql://bea@127.0.0.1:" + std::to_string(postgres().port()) + "/catalog_db",
                  "", "SELECT 7 AS seven", 10};
  spec.password = "Typed-Secret-1";
  auto ok = readDatabase(spec);
  ASSERT_TRUE(ok) << ok.error().describe();
  EXPECT_EQ(ok->column(0).values()[0], 7.0);
  auto tables = listTables(spec);
  ASSERT_TRUE(tables) << tables.error().describe();
  // A typed password wins over one written in the URI.
  spec.location = "postgresql://bea:not-this@127.0.0.1:" + std::to_string(postgres().port()) + "/catalog_db";
  EXPECT_TRUE(countRows(spec));

  spec.password = "Wrong-Secret-2";
  for (const Error& error : {readDatabase(spec).error(), listTables(spec).error(), countRows(spec).error()}) {
    EXPECT_EQ(error.code, ErrorCode::IoError);
    EXPECT_NE(error.message.find("password authentication failed for user \"bea\""), std::string::npos) << error.message;
    for (const std::string& text : {error.message, error.describe(), error.context.file}) {
      EXPECT_EQ(text.find("Wrong-Secret-2"), std::string::npos) << text;
      EXPECT_EQ(text.find("not-this"), std::string::npos) << text;
    }
  }
}

}  // namespace
}  // namespace causeway::database
