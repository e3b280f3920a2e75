// Reading from a throwaway PostgreSQL server: types, NULLs, errors, cancel, Lalonde round trip.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

#include "PostgresEnvironment.hpp"
#include "TestTables.hpp"
#include "causeway/database/DatabaseReader.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::database {
namespace {

using testing::postgres;

SourceSpec query(const std::string& sql) { return {SourceKind::Postgres, postgres().socketUri(), "", sql, 10}; }
SourceSpec table(const std::string& name) { return {SourceKind::Postgres, postgres().socketUri(), name, "", 10}; }

TEST(PostgresSource, MapsTypesAndNulls) {
  auto data = readDatabase(query(
      "SELECT * FROM (VALUES (1::int2, 2::int8, 2.5::numeric, 0.1::float8, true, 'a'::text, 'x'::varchar, "
      "DATE '1970-01-11', TIMESTAMP '1970-01-01 00:01:00', TIMESTAMPTZ '1970-01-01 02:00:00+02'), "
      "(NULL, NULL, NULL, NULL, false, NULL, 'y', NULL, NULL, NULL), (3, 4, 'NaN', 1e300, NULL, 'b', 'x', NULL, NULL, NULL)) "
      "AS v(i2, i8, num, f8, flag, txt, vc, d, ts, tstz)"));
  ASSERT_TRUE(data) << data.error().describe();
  ASSERT_EQ(data->rowCount(), 3u);
  EXPECT_EQ(data->column(0).values()[2], 3.0);
  EXPECT_TRUE(data->column(0).isMissing(1));
  EXPECT_EQ(data->column(1).values()[0], 2.0);
  EXPECT_EQ(data->column(2).values()[0], 2.5);
  EXPECT_TRUE(data->column(2).isMissing(2));  // numeric NaN is missing
  EXPECT_EQ(data->column(3).values()[0], 0.1);  // shortest round-trip text reads back exactly
  EXPECT_EQ(data->column(3).values()[2], 1e300);
  EXPECT_EQ(data->column(4).type(), data::ColumnType::Binary);
  EXPECT_TRUE(data->column(4).isMissing(2));
  EXPECT_TRUE(data->column(5).isCategorical());
  EXPECT_EQ(data->column(6).levels(), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(data->column(7).values()[0], 10.0);
  EXPECT_EQ(data->column(8).values()[0], 60.0);
  EXPECT_EQ(data->column(9).values()[0], 0.0);  // 02:00 at +02 is midnight UTC
  EXPECT_EQ(data->column(9).name(), "tstz");
}

TEST(PostgresSource, SyntaxErrorShowsThePosition) {
  auto data = readDatabase(query("SELECT 1\nFROM pg_class WHER relname = 'x'"));
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().code, ErrorCode::SyntaxError);
  // The server reports the character of "relname" (after the alias WHER): line 2, column 20.
  EXPECT_EQ(data.error().context.line, 2u);
  EXPECT_EQ(data.error().context.column, 20u);
  EXPECT_NE(data.error().message.find("syntax error"), std::string::npos) << data.error().message;
  EXPECT_NE(data.error().message.find("PostgreSQL server postgresql://causeway@/postgres"), std::string::npos);
}

TEST(PostgresSource, MissingTableIsNamed) {
  auto data = readDatabase(table("public.no_such_runs"));
  ASSERT_FALSE(data);
  EXPECT_NE(data.error().message.find("relation \"public.no_such_runs\" does not exist"), std::string::npos)
      << data.error().message;
}

TEST(PostgresSource, WrongPasswordIsRefusedClearly) {
  postgres().execute("DROP ROLE IF EXISTS ann; CREATE ROLE ann LOGIN PASSWORD 'right-one'");
  const std::string base = "postgresql://ann:wrong@127.0.0.1:" + std::to_string(postgres().port()) + "/postgres";
  auto data = readDatabase({SourceKind::Postgres, base, "", "SELECT 1", 10});
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().code, ErrorCode::IoError);
  EXPECT_NE(data.error().message.find("password authentication failed for user \"ann\""), std::string::npos)
      << data.error().message;
  EXPECT_EQ(data.error().message.find("wrong"), std::string::npos) << "the password must never be shown";
  // The right password through libpq's own PGPASSWORD works.
  ::setenv("PGPASSWORD", "right-one", 1);
  auto ok = readDatabase({SourceKind::Postgres, "postgresql://ann@127.0.0.1:" + std::to_string(postgres().port()) + "/postgres",
                          "", "SELECT 42 AS answer", 10});
  ::unsetenv("PGPASSWORD");
  ASSERT_TRUE(ok) << ok.error().describe();
  EXPECT_EQ(ok->column(0).values()[0], 42.0);
}

TEST(PostgresSource, ServerDownFailsFast) {
  const int port = testing::freePort();
  const auto started = std::chrono::steady_clock::now();
  auto data = readDatabase({SourceKind::Postgres, "postgresql://causeway@127.0.0.1:" + std::to_string(port) + "/postgres",
                            "t", "", 2});
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().code, ErrorCode::IoError);
  EXPECT_NE(data.error().message.find("Connection refused"), std::string::npos) << data.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(PostgresSource, LongQueryIsCancelledWithinOneSecond) {
  std::stop_source stop;
  std::chrono::steady_clock::time_point stoppedAt;
  std::jthread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stoppedAt = std::chrono::steady_clock::now();
    stop.request_stop();
  });
  auto data = readDatabase(query("SELECT pg_sleep(60)"), Progress(stop.get_token()));
  const auto returnedAt = std::chrono::steady_clock::now();
  canceller.join();
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error().code, ErrorCode::Cancelled);
  EXPECT_LT(returnedAt - stoppedAt, std::chrono::seconds(1));
}

TEST(PostgresSource, LalondeGivesTheCsvDataAndEstimates) {
  const auto csv = testing::lalondeFromCsv();
  postgres().execute("DROP TABLE IF EXISTS lalonde;\n" + testing::postgresTableSql("lalonde", csv));
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

TEST(PostgresSource, TextWhereANumberIsNeededNamesTheColumn) {
  const auto csv = testing::lalondeFromCsv();
  // re78 stored as text with a typo in one row: it reads as a categorical column, and the
  // study then refuses it as an outcome, naming it.
  postgres().execute("DROP TABLE IF EXISTS lalonde_text;\n" + testing::postgresTableSql("lalonde_text", csv) +
                     "ALTER TABLE lalonde_text ALTER COLUMN re78 TYPE text; UPDATE lalonde_text SET re78 = '9930,046' "
                     "WHERE re78 = '9930.046';");
  auto data = readDatabase(table("lalonde_text"));
  ASSERT_TRUE(data) << data.error().describe();
  EXPECT_TRUE(data->column(*data->indexOf("re78")).isCategorical());
  auto graph = graph::readModelFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.dag");
  ASSERT_TRUE(graph);
  study::StudySpec spec;
  spec.graph = std::move(graph).value();
  auto result = study::runStudy(spec, *data);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().describe().find("re78"), std::string::npos) << result.error().describe();
}

TEST(PostgresSource, NullsAreMissingAndTheStudyDropsThoseRows) {
  const auto csv = testing::lalondeFromCsv();
  postgres().execute("DROP TABLE IF EXISTS lalonde_nulls;\n" + testing::postgresTableSql("lalonde_nulls", csv) +
                     "UPDATE lalonde_nulls SET re74 = NULL WHERE age = 37;");
  auto data = readDatabase(table("lalonde_nulls"));
  ASSERT_TRUE(data) << data.error().describe();
  const auto& age = data->column(*data->indexOf("age"));
  const auto& re74 = data->column(*data->indexOf("re74"));
  std::size_t aged37 = 0;
  for (std::size_t r = 0; r < data->rowCount(); ++r) {
    aged37 += age.values()[r] == 37.0;
    EXPECT_EQ(re74.isMissing(r), age.values()[r] == 37.0) << "row " << r;
  }
  EXPECT_GT(aged37, 0u);
  EXPECT_EQ(re74.missingCount(), aged37);
}

}  // namespace
}  // namespace causeway::database
