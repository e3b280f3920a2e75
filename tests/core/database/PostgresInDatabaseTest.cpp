// In-database analysis on the throwaway PostgreSQL server: the same numbers as in memory.
#include <gtest/gtest.h>

#include "InDatabaseCheck.hpp"
#include "PostgresEnvironment.hpp"
#include "TestTables.hpp"

namespace causeway::database {
namespace {

using testing::postgres;

class PostgresInDatabase : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    postgres().execute("DROP TABLE IF EXISTS lalonde_indb;\n" +
                       testing::postgresTableSql("lalonde_indb", testing::lalondeFromCsv()));
  }
};

TEST_F(PostgresInDatabase, AteEqualsTheInMemoryStudy) {
  const SourceSpec spec{SourceKind::Postgres, postgres().socketUri(), "lalonde_indb", "", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner) << runner.error().describe();
  auto result = analyseInDatabase(**runner, spec, testing::lalondeRequest(InDatabaseEstimand::ATE));
  ASSERT_TRUE(result) << result.error().describe();
  testing::expectMatchesInMemory(*result, InDatabaseEstimand::ATE);
}

TEST_F(PostgresInDatabase, AttOnAQueryEqualsTheInMemoryStudy) {
  const SourceSpec spec{SourceKind::Postgres, postgres().socketUri(), "", "SELECT * FROM lalonde_indb", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner);
  auto result = analyseInDatabase(**runner, spec, testing::lalondeRequest(InDatabaseEstimand::ATT));
  ASSERT_TRUE(result) << result.error().describe();
  testing::expectMatchesInMemory(*result, InDatabaseEstimand::ATT);
}

TEST_F(PostgresInDatabase, EveryQueryIsAnAggregateThatReturnsFewRows) {
  const SourceSpec spec{SourceKind::Postgres, postgres().socketUri(), "lalonde_indb", "", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner);
  auto result = analyseInDatabase(**runner, spec, testing::lalondeRequest(InDatabaseEstimand::ATE));
  ASSERT_TRUE(result);
  // After the type probe (LIMIT 0) and race's levels, each query returns at most two rows
  // whatever the table's size: the IRLS steps one, the final GROUP BY t two.
  ASSERT_GE(result->queries.size(), 4u);
  for (std::size_t i = 2; i < result->queries.size(); ++i) {
    auto rows = (*runner)->numbers(result->queries[i]);
    ASSERT_TRUE(rows) << rows.error().describe();
    EXPECT_LE(rows->size(), 2u) << result->queries[i].substr(0, 80);
    EXPECT_NE(result->queries[i].find("SUM("), std::string::npos);
  }
}

TEST_F(PostgresInDatabase, ErrorsNameTheColumnAndThePosition) {
  const SourceSpec spec{SourceKind::Postgres, postgres().socketUri(), "lalonde_indb", "", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner);
  auto request = testing::lalondeRequest(InDatabaseEstimand::ATE);
  request.covariates.push_back("income");
  auto unknown = analyseInDatabase(**runner, spec, request);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("column \"income\" does not exist"), std::string::npos) << unknown.error().message;
  EXPECT_GT(unknown.error().context.column, 0u);
  request = testing::lalondeRequest(InDatabaseEstimand::ATE);
  request.treatment = "educ";
  auto nonBinary = analyseInDatabase(**runner, spec, request);
  ASSERT_FALSE(nonBinary);
  EXPECT_EQ(nonBinary.error().code, ErrorCode::NonBinaryTreatment);
}

}  // namespace
}  // namespace causeway::database
