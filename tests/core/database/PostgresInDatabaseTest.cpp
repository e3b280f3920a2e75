// In-database analysis on the throwaway PostgreSQL server: the same numbers as in memory.
#include <gtest/gtest.h>

#include <vector>

#include "InDatabaseCheck.hpp"
#include "PostgresEnvironment.hpp"
#include "TestTables.hpp"
#include "VerdictCheck.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/study/InDatabaseStudy.hpp"

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

TEST_F(PostgresInDatabase, OutcomeModelEstimatesEqualTheInMemoryStudy) {
  const SourceSpec spec{SourceKind::Postgres, postgres().socketUri(), "lalonde_indb", "", 10};
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

// The plans, from EXPLAIN (no timing): with parallel plans made cheap, one server's queries
// aggregate in parallel workers; with a shard key the per-row levels are flattened into the
// scan (no Subquery Scan left), which partitionwise aggregation needs.
std::string plan(AggregateRunner& runner, const std::string& sql) {
  auto rows = runner.texts("EXPLAIN " + sql);
  std::string text;
  for (const auto& line : rows.value()) text += line + "\n";
  return text;
}

TEST_F(PostgresInDatabase, OneServerAggregatesInParallelAndShardedQueriesFlatten) {
  const SourceSpec spec{SourceKind::Postgres, postgres().socketUri(), "",
                        "SELECT *, CAST(age AS INTEGER) % 3 AS part FROM lalonde_indb", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner);
  auto request = testing::lalondeRequest(InDatabaseEstimand::ATE);
  request.outcomeModels = true;
  auto single = analyseInDatabase(**runner, spec, request);
  ASSERT_TRUE(single) << single.error().describe();
  request.shardKey = "part";
  auto sharded = analyseInDatabase(**runner, spec, request);
  ASSERT_TRUE(sharded) << sharded.error().describe();
  testing::expectMatchesInMemory(*sharded, InDatabaseEstimand::ATE);

  ASSERT_TRUE((*runner)->texts("SELECT set_config('parallel_setup_cost', '0', false), set_config('parallel_tuple_cost', "
                               "'0', false), set_config('min_parallel_table_scan_size', '0', false), "
                               "set_config('max_parallel_workers_per_gather', '2', false)"));
  const auto& singleQueries = single->queries;
  const auto& shardedQueries = sharded->queries;
  // The first IRLS step, the final pass and the outcome pass (the count outside the common
  // support, between the last two, is too cheap on 614 rows for a partial aggregate, but parallel).
  for (const auto& sql : {singleQueries[2], singleQueries[singleQueries.size() - 3], singleQueries.back()}) {
    const std::string text = plan(**runner, sql);
    EXPECT_NE(text.find("Partial"), std::string::npos) << text;
    EXPECT_NE(text.find("Parallel Seq Scan"), std::string::npos) << text;
  }
  EXPECT_NE(plan(**runner, singleQueries[singleQueries.size() - 2]).find("Parallel Seq Scan"), std::string::npos);
  for (std::size_t i = shardedQueries.size() - static_cast<std::size_t>(sharded->iterations) - 3; i < shardedQueries.size(); ++i) {
    const std::string& sql = shardedQueries[i];
    EXPECT_EQ(sql.find("OFFSET"), std::string::npos);
    EXPECT_EQ(sql.find("clock_timestamp"), std::string::npos);
    EXPECT_NE(sql.find("GROUP BY"), std::string::npos);
    EXPECT_EQ(plan(**runner, sql).find("Subquery Scan"), std::string::npos) << plan(**runner, sql);
  }
}

TEST_F(PostgresInDatabase, TheSampleIsDrawnInTheDatabaseAndRepeatsWithItsSeed) {
  auto graph = graph::readModelFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.dag");
  ASSERT_TRUE(graph);
  study::InDatabaseStudyRequest request;
  request.graph = std::move(graph).value();
  request.source = {SourceKind::Postgres, postgres().socketUri(), "lalonde_indb", "", 10};
  request.methods = {estimation::Method::Ipw};
  request.sampleRows = 150;
  auto first = study::runInDatabaseStudy(request);
  auto second = study::runInDatabaseStudy(request);
  ASSERT_TRUE(first) << first.error().describe();
  ASSERT_TRUE(second);
  ASSERT_TRUE(first->sample && second->sample);
  EXPECT_TRUE(first->sample->seeded);
  EXPECT_EQ(first->sample->rows, 150u);
  const auto age = [](const study::InDatabaseSample& s) {
    const auto values = s.data.column(*s.data.indexOf("age")).values();
    return std::vector<double>(values.begin(), values.end());
  };
  EXPECT_EQ(age(*first->sample), age(*second->sample));  // the same rows in the same order
  const auto doc = study::inDatabaseStudyJson(*first);
  EXPECT_EQ(doc["sample"]["study"]["estimates"][0]["n"], 150);
  EXPECT_NE(doc["sample"]["query"].get<std::string>().find("setseed"), std::string::npos);
  // educ _||_ married | age, nodegree, race, from moments computed by the server (race as dummies).
  ASSERT_EQ(doc["implication_tests"].size(), 1u);
  EXPECT_EQ(doc["implication_tests"][0]["n"], 614);
}

// The answer and every verdict check from the server's sums equal the in-memory study's on the CSV.
TEST_F(PostgresInDatabase, TheAnswerAndVerdictAreTheInMemoryStudys) {
  auto graph = graph::readModelFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.dag");
  ASSERT_TRUE(graph);
  study::InDatabaseStudyRequest request;
  request.graph = std::move(graph).value();
  request.source = {SourceKind::Postgres, postgres().socketUri(), "lalonde_indb", "", 10};
  request.estimand = estimation::Estimand::ATT;
  auto result = study::runInDatabaseStudy(request);
  ASSERT_TRUE(result) << result.error().describe();
  testing::expectVerdictMatchesInMemory(*result, testing::lalondeInMemory(estimation::Estimand::ATT));
}

TEST_F(PostgresInDatabase, EveryQueryIsAnAggregateThatReturnsFewRows) {
  const SourceSpec spec{SourceKind::Postgres, postgres().socketUri(), "lalonde_indb", "", 10};
  auto runner = AggregateRunner::open(spec);
  ASSERT_TRUE(runner);
  auto result = analyseInDatabase(**runner, spec, testing::lalondeRequest(InDatabaseEstimand::ATE));
  ASSERT_TRUE(result);
  // After the type probe (LIMIT 0) and race's levels, each query returns at most two rows
  // whatever the table's size: the IRLS steps one, the GROUP BY t passes two.
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
