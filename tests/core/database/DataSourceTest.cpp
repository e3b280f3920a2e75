// The DATA argument: which strings are database sources, and what may be shown of them.
#include <gtest/gtest.h>

#include "causeway/database/DataSource.hpp"

namespace causeway::database {
namespace {

TEST(DataSource, RecognisesSqliteAndPostgresLocations) {
  EXPECT_TRUE(isDatabaseLocation("sqlite:/tmp/a.db"));
  EXPECT_TRUE(isDatabaseLocation("postgresql://ann@db:5432/telemetry"));
  EXPECT_TRUE(isDatabaseLocation("postgres://db/telemetry"));
  EXPECT_FALSE(isDatabaseLocation("data/lalonde.csv"));
  EXPECT_FALSE(isDatabaseLocation("sqlite.csv"));
}

TEST(DataSource, ParsesTableOrQuery) {
  auto table = parseSource("sqlite:runs.db", "events", "");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->kind, SourceKind::Sqlite);
  EXPECT_EQ(table->location, "runs.db");
  EXPECT_EQ(effectiveQuery(*table), "SELECT * FROM \"events\"");
  auto query = parseSource("postgresql://h/db", "", "SELECT 1");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->kind, SourceKind::Postgres);
  EXPECT_EQ(effectiveQuery(*query), "SELECT 1");
}

TEST(DataSource, RejectsMissingOrDoubleSelection) {
  auto neither = parseSource("sqlite:runs.db", "", "");
  ASSERT_FALSE(neither);
  EXPECT_NE(neither.error().message.find("exactly one of --table NAME or --query SQL"), std::string::npos);
  EXPECT_FALSE(parseSource("postgresql://h/db", "t", "SELECT 1"));
  auto empty = parseSource("sqlite:", "t", "");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("needs a file path"), std::string::npos);
  EXPECT_FALSE(parseSource("mysql://h/db", "t", ""));
}

TEST(DataSource, DisplayNeverShowsThePassword) {
  SourceSpec spec{SourceKind::Postgres, "postgresql://ann:s3cret@db.example:5432/telemetry?sslmode=require", "t", "", 10};
  EXPECT_EQ(displayLocation(spec), "postgresql://ann@db.example:5432/telemetry?sslmode=require");
  spec.location = "postgresql://db.example/telemetry?password=s3cret&sslmode=require";
  EXPECT_EQ(displayLocation(spec), "postgresql://db.example/telemetry?sslmode=require");
  spec.location = "postgresql://db.example/telemetry?sslmode=require&password=s3cret";
  EXPECT_EQ(displayLocation(spec), "postgresql://db.example/telemetry?sslmode=require");
}

TEST(DataSource, QuotesQualifiedNames) {
  EXPECT_EQ(quoteQualifiedName("public.runs"), "\"public\".\"runs\"");
  EXPECT_EQ(quoteQualifiedName("we\"ird"), "\"we\"\"ird\"");
}

TEST(DataSource, QuotesLiteralsAndDrawsSamplesInTheDatabase) {
  EXPECT_EQ(quoteLiteral("it's"), "'it''s'");
  EXPECT_EQ(quoteLiteral("back\\slash"), "'back\\slash'");  // standard strings: no escapes
  const SourceSpec table{SourceKind::Sqlite, "t.db", "runs", "", 10};
  const SourceSpec drawn = randomSample(table, 50);
  EXPECT_TRUE(drawn.table.empty());
  EXPECT_EQ(drawn.query, "SELECT src.* FROM (SELECT * FROM \"runs\") AS src ORDER BY random() LIMIT 50");
  const SourceSpec server{SourceKind::Postgres, "postgresql://u@h/db", "", "SELECT 1 AS x", 10};
  EXPECT_EQ(randomSample(server, 7, 0.5).query,
            "SELECT src.* FROM (SELECT 1 AS x) AS src, (SELECT setseed(0.5)) AS seed ORDER BY random() LIMIT 7");
}

}  // namespace
}  // namespace causeway::database
