// In-database analysis on a table spread over two postgres_fdw shards: the same numbers as on
// one server and in memory, and every query aggregates on the shards (no rows travel).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "InDatabaseCheck.hpp"
#include "ShardedCluster.hpp"
#include "causeway/database/InDatabase.hpp"
#include "causeway/database/Shards.hpp"

namespace causeway::database {
namespace {

using testing::cluster;

SourceSpec coordinatorTable(const std::string& table) {
  return SourceSpec{SourceKind::Postgres, cluster().coordinator.socketUri(), table, "", 10};
}

struct ShardRun {
  InDatabaseResult result;
  std::vector<std::string> warnings;
};

// The outcome models (regression, AIPW) add a pass; kept to the tests that need them (time).
ShardRun analyse(const SourceSpec& spec, InDatabaseEstimand estimand, bool outcomeModels, const std::string& userKey = "") {
  auto opened = openShardAware(spec, userKey);
  EXPECT_TRUE(opened) << opened.error().describe();
  if (!opened) return {};
  auto request = testing::lalondeRequest(estimand);
  request.shardKey = opened->shardKey;
  request.outcomeModels = outcomeModels;
  auto result = analyseInDatabase(*opened->runner, spec, request);
  EXPECT_TRUE(result) << result.error().describe();
  if (!result) return {};
  ShardRun out{std::move(result).value(), opened->warnings};
  out.warnings.insert(out.warnings.end(), opened->runner->warnings().begin(), opened->runner->warnings().end());
  return out;
}

void expectRelative(double sharded, double single, const std::string& what) {
  EXPECT_NEAR(sharded, single, 1e-8 * std::abs(single)) << what;
}

// Checks a plan independently of PlanCheck: every Foreign Scan is an "Aggregate on" relation
// whose remote SQL groups; returns how many there are.
int aggregatedForeignScans(const nlohmann::json& node, std::string& problem) {
  int count = 0;
  if (node.value("Node Type", "") == "Foreign Scan") {
    const std::string relations = node.value("Relations", "");
    const std::string remote = node.value("Remote SQL", "");
    if (relations.rfind("Aggregate on", 0) != 0 || remote.find("GROUP BY") == std::string::npos)
      problem += "row fetch: " + remote + "\n";
    ++count;
  }
  for (const auto& child : node.value("Plans", nlohmann::json::array())) count += aggregatedForeignScans(child, problem);
  return count;
}

TEST(ShardedInDatabase, EqualsOneServerAndInMemoryAndEveryQueryAggregatesOnTheShards) {
  const SourceSpec spec = coordinatorTable("lalonde_sharded");
  const ShardRun sharded = analyse(spec, InDatabaseEstimand::ATE, true);
  const ShardRun single = analyse(coordinatorTable("lalonde_plain"), InDatabaseEstimand::ATE, true);
  EXPECT_TRUE(sharded.warnings.empty()) << sharded.warnings.front();
  ASSERT_EQ(sharded.result.n, 614u);
  testing::expectMatchesInMemory(sharded.result, InDatabaseEstimand::ATE);
  ASSERT_EQ(sharded.result.coefficients.size(), single.result.coefficients.size());
  for (Eigen::Index j = 0; j < single.result.coefficients.size(); ++j)
    expectRelative(sharded.result.coefficients(j), single.result.coefficients(j), single.result.terms[static_cast<std::size_t>(j)]);
  expectRelative(sharded.result.estimate, single.result.estimate, "IPW");
  expectRelative(sharded.result.se, single.result.se, "IPW SE");
  // The overlap: MIN of the shards' MINs, MAX of their MAXes, counts added.
  const auto& so = sharded.result.overlap;
  const auto& po = single.result.overlap;
  expectRelative(so.minTreated, po.minTreated, "min p treated");
  expectRelative(so.maxControl, po.maxControl, "max p control");
  EXPECT_EQ(so.outsideTreated + so.outsideControl, po.outsideTreated + po.outsideControl);
  EXPECT_EQ(so.extremeTreated + so.extremeControl, po.extremeTreated + po.extremeControl);
  EXPECT_GT(po.outsideTreated + po.outsideControl, 0u);
  expectRelative(sharded.result.outcomeSd, single.result.outcomeSd, "outcome SD");
  ASSERT_GE(sharded.result.outcomeEstimates.size(), 2u);  // regression, AIPW, ...
  ASSERT_EQ(sharded.result.outcomeEstimates.size(), single.result.outcomeEstimates.size());
  for (std::size_t m = 0; m < single.result.outcomeEstimates.size(); ++m) {
    expectRelative(sharded.result.outcomeEstimates[m].estimate, single.result.outcomeEstimates[m].estimate,
                   single.result.outcomeEstimates[m].method);
    expectRelative(sharded.result.outcomeEstimates[m].se, single.result.outcomeEstimates[m].se,
                   single.result.outcomeEstimates[m].method + " SE");
  }

  // EXPLAIN VERBOSE of every query the engine sent, in a session set up the same way.
  auto explain = openShardAware(spec, "");
  ASSERT_TRUE(explain);
  std::size_t checked = 0;
  for (const auto& sql : sharded.result.queries) {
    if (sql.find("LIMIT 0") != std::string::npos) continue;  // the type probe: returns no row at all
    auto plan = explain->runner->inner().texts("EXPLAIN (VERBOSE, FORMAT JSON) " + sql);
    ASSERT_TRUE(plan) << plan.error().describe();
    std::string problem;
    const int scans = aggregatedForeignScans(nlohmann::json::parse(plan->front())[0]["Plan"], problem);
    EXPECT_EQ(scans, 2) << sql.substr(0, 200);  // one per shard
    EXPECT_TRUE(problem.empty()) << problem << "in: " << sql.substr(0, 200);
    ++checked;
  }
  EXPECT_GE(checked, 4u);
  EXPECT_EQ(checked + 1, sharded.result.queries.size());
}

TEST(ShardedInDatabase, AQueryHidesTheShardKeyAndThePlanCheckWarns) {
  // Detection reads a table's partitioning, not a query's: without --shard-key the queries do not
  // group by the shard, and each shard would send its rows (ShardedCli names the key instead).
  SourceSpec spec = coordinatorTable("");
  spec.query = "SELECT * FROM lalonde_sharded";
  const ShardRun hidden = analyse(spec, InDatabaseEstimand::ATE, false);
  ASSERT_FALSE(hidden.warnings.empty());
  EXPECT_NE(hidden.warnings.front().find("would fetch rows"), std::string::npos) << hidden.warnings.front();
  // The IRLS steps differ only in their coefficients: one warning counts them all.
  EXPECT_LE(hidden.warnings.size(), 4u);
  EXPECT_TRUE(std::any_of(hidden.warnings.begin(), hidden.warnings.end(), [&](const std::string& w) {
    return w.find("so would " + std::to_string(hidden.result.iterations - 1) + " later queries of the same shape") !=
           std::string::npos;
  })) << hidden.warnings.front();
  testing::expectMatchesInMemory(hidden.result, InDatabaseEstimand::ATE);  // right, only slow
}

}  // namespace
}  // namespace causeway::database
