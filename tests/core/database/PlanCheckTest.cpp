// The plan check on hand-written EXPLAIN output and on the throwaway coordinator with two shards.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "ShardedCluster.hpp"
#include "TestTables.hpp"
#include "causeway/database/PlanCheck.hpp"
#include "causeway/database/Shards.hpp"

namespace causeway::database {
namespace {

using testing::cluster;

// Shapes of PostgreSQL 15 EXPLAIN (VERBOSE, FORMAT JSON), cut to the fields the check reads.
constexpr const char* kPushedDown = R"json([{"Plan": {"Node Type": "Append", "Plans": [
  {"Node Type": "Foreign Scan", "Relations": "Aggregate on (public.s1 t)",
   "Remote SQL": "SELECT shard, count(*), sum((x * y)) FROM public.part GROUP BY 1"},
  {"Node Type": "Foreign Scan", "Relations": "Aggregate on (public.s2 t_1)",
   "Remote SQL": "SELECT shard, count(*), sum((x * y)) FROM public.part GROUP BY 1"}]}}])json";
constexpr const char* kPulled = R"json([{"Plan": {"Node Type": "Aggregate", "Plans": [{"Node Type": "Append", "Plans": [
  {"Node Type": "Foreign Scan", "Relation Name": "s1", "Schema": "public", "Remote SQL": "SELECT x, y FROM public.part"},
  {"Node Type": "Foreign Scan", "Relations": "Aggregate on (public.s2 t_1)",
   "Remote SQL": "SELECT count(*) FROM public.part"}]}]}}])json";

TEST(RemoteRowFetches, AggregatesOnEveryShardFetchNoRows) {
  auto fetches = remoteRowFetches(kPushedDown);
  ASSERT_TRUE(fetches) << fetches.error().describe();
  EXPECT_TRUE(fetches->empty());
}

TEST(RemoteRowFetches, NamesTheScanThatShipsRows) {
  auto fetches = remoteRowFetches(kPulled);
  ASSERT_TRUE(fetches) << fetches.error().describe();
  ASSERT_EQ(fetches->size(), 1u);
  EXPECT_EQ(fetches->front().relations, "public.s1");
  EXPECT_EQ(fetches->front().remoteSql, "SELECT x, y FROM public.part");
}

TEST(RemoteRowFetches, ALocalPlanHasNothingToReport) {
  auto fetches = remoteRowFetches(R"([{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t"}}])");
  ASSERT_TRUE(fetches);
  EXPECT_TRUE(fetches->empty());
}

TEST(RemoteRowFetches, TextThatIsNotAPlanIsAnError) {
  for (const char* text : {"", "Seq Scan on t", "[]", R"({"Plan": {}})"}) {
    auto fetches = remoteRowFetches(text);
    ASSERT_FALSE(fetches) << text;
    EXPECT_EQ(fetches.error().code, ErrorCode::MalformedData);
  }
}

SourceSpec coordinatorTable(const std::string& table) {
  SourceSpec spec;
  spec.kind = SourceKind::Postgres;
  spec.location = cluster().coordinator.socketUri();
  spec.table = table;
  return spec;
}

TEST(ShardLayoutDetection, FindsTheKeyAndTheForeignPartitions) {
  auto runner = AggregateRunner::open(coordinatorTable("lalonde_sharded"));
  ASSERT_TRUE(runner) << runner.error().describe();
  auto layout = detectShardLayout(**runner, coordinatorTable("lalonde_sharded"));
  ASSERT_TRUE(layout) << layout.error().describe();
  ASSERT_TRUE(layout->has_value());
  const ShardLayout& l = **layout;
  EXPECT_EQ(l.table, "lalonde_sharded");
  EXPECT_EQ(l.strategy, "list");
  EXPECT_EQ(l.partitionKey, "shard");
  EXPECT_EQ(l.keyDefinition, "LIST (shard)");
  EXPECT_EQ(l.partitions, (std::vector<std::string>{"lalonde_s1", "lalonde_s2"}));
  EXPECT_EQ(l.foreignServers, (std::vector<std::string>{"shard1", "shard2"}));
  EXPECT_EQ(chooseShardKey("", layout.value()), "shard");
  EXPECT_EQ(chooseShardKey("other", layout.value()), "other");  // the user's key wins
}

TEST(ShardLayoutDetection, LocalPartitionsArePartitionedButNotSharded) {
  auto runner = AggregateRunner::open(coordinatorTable("lalonde_local"));
  ASSERT_TRUE(runner);
  auto local = detectShardLayout(**runner, coordinatorTable("lalonde_local"));
  ASSERT_TRUE(local && local->has_value());
  EXPECT_EQ((*local)->partitionKey, "shard");
  EXPECT_EQ((*local)->foreignPartitions(), 0u);
  EXPECT_EQ(chooseShardKey("", local.value()), "");
  for (const auto& spec : {coordinatorTable("lalonde_plain"), coordinatorTable("no_such_table")}) {
    auto none = detectShardLayout(**runner, spec);
    ASSERT_TRUE(none) << spec.table;
    EXPECT_FALSE(none->has_value()) << spec.table;
  }
  SourceSpec query = coordinatorTable("");
  query.query = "SELECT * FROM lalonde_sharded";
  auto fromQuery = detectShardLayout(**runner, query);
  ASSERT_TRUE(fromQuery);
  EXPECT_FALSE(fromQuery->has_value());  // a query: only --shard-key names the key
}

TEST(ShardAwareRunner, TurnsOnPartitionwiseAggregationForAShardedTable) {
  auto opened = openShardAware(coordinatorTable("lalonde_sharded"), "");
  ASSERT_TRUE(opened) << opened.error().describe();
  EXPECT_EQ(opened->shardKey, "shard");
  EXPECT_TRUE(opened->warnings.empty());
  auto setting = opened->runner->inner().texts("SHOW enable_partitionwise_aggregate");
  ASSERT_TRUE(setting);
  EXPECT_EQ(setting->front(), "on");
  EXPECT_TRUE(opened->runner->queries().empty());  // set-up is not part of the analysis' queries

  auto plain = openShardAware(coordinatorTable("lalonde_plain"), "");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->shardKey, "");
  auto off = plain->runner->inner().texts("SHOW enable_partitionwise_aggregate");
  ASSERT_TRUE(off);
  EXPECT_EQ(off->front(), "off");  // PostgreSQL's default, left alone
}

TEST(ShardAwareRunner, WarnsWhenTheGivenKeyIsNotThePartitionKey) {
  std::vector<std::string> seen;
  auto opened = openShardAware(coordinatorTable("lalonde_sharded"), "treat", {},
                               [&seen](const std::string& w) { seen.push_back(w); });
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->shardKey, "treat");
  ASSERT_EQ(opened->warnings.size(), 1u);
  EXPECT_EQ(seen, opened->warnings);
  EXPECT_NE(opened->warnings[0].find("not the partition key of lalonde_sharded (LIST (shard))"), std::string::npos)
      << opened->warnings[0];
}

TEST(ShardAwareRunner, ASqliteFileHasNoShards) {
  const auto file = (std::filesystem::temp_directory_path() / ("causeway-shards-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(file);
  testing::writeSqliteTable(file, "lalonde", testing::lalondeFromCsv());
  auto opened = openShardAware(SourceSpec{SourceKind::Sqlite, file, "lalonde", "", 10}, "race");
  std::filesystem::remove(file);
  ASSERT_TRUE(opened) << opened.error().describe();
  EXPECT_EQ(opened->shardKey, "");
  EXPECT_FALSE(opened->layout.has_value());
  ASSERT_EQ(opened->warnings.size(), 1u);
  EXPECT_NE(opened->warnings[0].find("a SQLite file has no shards"), std::string::npos);
}

// Sums of re78 by shard, from the CSV: the numbers the shards must return.
std::vector<std::pair<double, double>> re78ByShard() {
  const auto data = testing::lalondeFromCsv();
  const auto age = data.column(*data.indexOf("age")).values();
  const auto re78 = data.column(*data.indexOf("re78")).values();
  std::vector<std::pair<double, double>> out(2);  // count, sum
  for (std::size_t i = 0; i < data.rowCount(); ++i) {
    auto& shard = out[static_cast<std::size_t>(static_cast<long>(std::lround(age[i])) % 2)];
    shard.first += 1;
    shard.second += re78[i];
  }
  return out;
}

TEST(PlanCheckedRunner, AQueryGroupedByTheShardKeyRunsOnTheShardsWithoutWarning) {
  auto opened = openShardAware(coordinatorTable("lalonde_sharded"), "");
  ASSERT_TRUE(opened);
  auto rows = opened->runner->numbers("SELECT shard, COUNT(*), SUM(re78) FROM lalonde_sharded GROUP BY shard ORDER BY shard");
  ASSERT_TRUE(rows) << rows.error().describe();
  EXPECT_TRUE(opened->runner->warnings().empty()) << opened->runner->warnings().front();
  const auto expected = re78ByShard();
  ASSERT_EQ(rows->size(), 2u);
  for (std::size_t s = 0; s < 2; ++s) {
    EXPECT_EQ((*rows)[s][1], expected[s].first);
    EXPECT_NEAR((*rows)[s][2], expected[s].second, 1e-9 * expected[s].second);
  }
  ASSERT_EQ(opened->runner->queries().size(), 1u);  // the EXPLAIN is not listed
}

TEST(PlanCheckedRunner, WarnsAndNamesTheQueryWhenShardsWouldSendRows) {
  std::vector<std::string> seen;
  auto opened = openShardAware(coordinatorTable("lalonde_sharded"), "", {},
                               [&seen](const std::string& w) { seen.push_back(w); });
  ASSERT_TRUE(opened);
  // Without GROUP BY shard PostgreSQL 15 cannot push the aggregate: each shard ships its rows.
  auto rows = opened->runner->numbers("SELECT COUNT(*), SUM(re78) FROM lalonde_sharded");
  ASSERT_TRUE(rows) << rows.error().describe();
  const auto expected = re78ByShard();
  EXPECT_EQ((*rows)[0][0], expected[0].first + expected[1].first);  // the answer is still right
  ASSERT_EQ(opened->runner->warnings().size(), 1u);
  EXPECT_EQ(seen, opened->runner->warnings());
  const std::string& w = opened->runner->warnings().front();
  EXPECT_NE(w.find("Query 1 of the in-database analysis"), std::string::npos) << w;
  EXPECT_NE(w.find("would fetch rows from 2 shard scan(s)"), std::string::npos) << w;
  EXPECT_NE(w.find("public.lalonde_s1"), std::string::npos) << w;
  EXPECT_NE(w.find("SELECT COUNT(*), SUM(re78) FROM lalonde_sharded"), std::string::npos) << w;
}

TEST(PlanCheckedRunner, AnSqlErrorKeepsItsPositionInTheQuery) {
  auto opened = openShardAware(coordinatorTable("lalonde_sharded"), "");
  ASSERT_TRUE(opened);
  auto rows = opened->runner->numbers("SELECT SUM(income) FROM lalonde_sharded GROUP BY shard");
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().context.line, 1u);
  EXPECT_EQ(rows.error().context.column, 12u);  // "income", as the user's query has it
  EXPECT_TRUE(opened->runner->warnings().empty());
}

}  // namespace
}  // namespace causeway::database
