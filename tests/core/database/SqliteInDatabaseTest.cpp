// In-database analysis on SQLite: the same numbers as in memory, from aggregates only.
#include <gtest/gtest.h>

#include <filesystem>

#include "InDatabaseCheck.hpp"
#include "TestTables.hpp"

namespace causeway::database {
namespace {

class SqliteInDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = (std::filesystem::temp_directory_path() /
             ("causeway-indb-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db"))
                .string();
    std::filesystem::remove(file_);
    testing::writeSqliteTable(file_, "lalonde", testing::lalondeFromCsv());
  }
  void TearDown() override { std::filesystem::remove(file_); }
  std::string file_;
};

TEST_F(SqliteInDatabase, AteEqualsTheInMemoryStudy) {
  const SourceSpec spec{SourceKind::Sqlite, file_, "lalonde", "", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner) << runner.error().describe();
  auto result = analyseInDatabase(**runner, spec, testing::lalondeRequest(InDatabaseEstimand::ATE));
  ASSERT_TRUE(result) << result.error().describe();
  testing::expectMatchesInMemory(*result, InDatabaseEstimand::ATE);
  // Queries: the type probe, race's levels, the IRLS steps, one final GROUP BY and the count
  // outside the common support.
  EXPECT_EQ(result->queries.size(), 2u + static_cast<std::size_t>(result->iterations) + 2u);
}

TEST_F(SqliteInDatabase, AttEqualsTheInMemoryStudy) {
  const SourceSpec spec{SourceKind::Sqlite, file_, "", "SELECT * FROM lalonde", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner);
  auto result = analyseInDatabase(**runner, spec, testing::lalondeRequest(InDatabaseEstimand::ATT));
  ASSERT_TRUE(result) << result.error().describe();
  testing::expectMatchesInMemory(*result, InDatabaseEstimand::ATT);
}

TEST_F(SqliteInDatabase, OutcomeModelEstimatesEqualTheInMemoryStudy) {
  const SourceSpec spec{SourceKind::Sqlite, file_, "lalonde", "", 10};
  for (auto estimand : {InDatabaseEstimand::ATE, InDatabaseEstimand::ATT}) {
    auto runner = AggregateRunner::open(spec);
    ASSERT_TRUE(runner);
    auto request = testing::lalondeRequest(estimand);
    request.outcomeModels = true;
    auto result = analyseInDatabase(**runner, spec, request);
    ASSERT_TRUE(result) << result.error().describe();
    // Regression (ATE only), g-computation, AIPW.
    ASSERT_EQ(result->outcomeEstimates.size(), estimand == InDatabaseEstimand::ATE ? 3u : 2u);
    testing::expectMatchesInMemory(*result, estimand);
  }
}

TEST_F(SqliteInDatabase, GroupingByAShardKeyAddsUpToTheSameNumbers) {
  // Three "shards" of a query: every sum arrives in three parts that the C++ side adds.
  const SourceSpec spec{SourceKind::Sqlite, file_, "", "SELECT *, CAST(age AS INTEGER) % 3 AS part FROM lalonde", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner);
  auto request = testing::lalondeRequest(InDatabaseEstimand::ATE);
  request.shardKey = "part";
  request.outcomeModels = true;
  auto result = analyseInDatabase(**runner, spec, request);
  ASSERT_TRUE(result) << result.error().describe();
  testing::expectMatchesInMemory(*result, InDatabaseEstimand::ATE);
  EXPECT_NE(result->queries.back().find("GROUP BY t, shard"), std::string::npos);
}

TEST_F(SqliteInDatabase, UnknownColumnAndNonBinaryTreatmentAreClear) {
  const SourceSpec spec{SourceKind::Sqlite, file_, "lalonde", "", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner);
  auto request = testing::lalondeRequest(InDatabaseEstimand::ATE);
  request.covariates.push_back("income");
  auto unknown = analyseInDatabase(**runner, spec, request);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("no such column: income"), std::string::npos) << unknown.error().message;
  request = testing::lalondeRequest(InDatabaseEstimand::ATE);
  request.treatment = "educ";
  auto nonBinary = analyseInDatabase(**runner, spec, request);
  ASSERT_FALSE(nonBinary);
  EXPECT_EQ(nonBinary.error().code, ErrorCode::NonBinaryTreatment);
  EXPECT_NE(nonBinary.error().message.find("'educ'"), std::string::npos) << nonBinary.error().message;
}

}  // namespace
}  // namespace causeway::database
