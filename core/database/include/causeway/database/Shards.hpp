#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/database/AggregateRunner.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/database/PlanCheck.hpp"

namespace causeway::database {

// How a PostgreSQL table is partitioned, read from the catalog (pg_partitioned_table,
// pg_inherits, pg_foreign_table).
struct ShardLayout {
  std::string table;         // the partitioned table, as PostgreSQL names it
  std::string strategy;      // "list", "hash" or "range"
  std::string partitionKey;  // the key column; empty when the key is an expression or several columns
  std::string keyDefinition; // pg_get_partkeydef, e.g. "LIST (shard)"
  std::vector<std::string> partitions;
  std::vector<std::string> foreignServers;  // per partition; empty for a local partition
  [[nodiscard]] std::size_t foreignPartitions() const;
};

// The layout of spec.table when it is a partitioned PostgreSQL table; nullopt for SQLite, a
// query, a plain or unknown table. Uses `runner` for one catalog query.
[[nodiscard]] Result<std::optional<ShardLayout>> detectShardLayout(AggregateRunner& runner, const SourceSpec& spec);

// The column the in-database queries group by: the user's --shard-key when given, else the
// partition key of a table whose partitions include foreign tables; empty: none.
[[nodiscard]] std::string chooseShardKey(const std::string& userKey, const std::optional<ShardLayout>& layout);

// A runner for in-database analysis that knows about shards.
struct ShardAwareRunner {
  std::unique_ptr<PlanCheckedRunner> runner;  // checks each aggregate query's plan (PostgreSQL)
  std::optional<ShardLayout> layout;
  std::string shardKey;               // for InDatabaseRequest::shardKey; empty: none
  std::vector<std::string> warnings;  // from set-up (e.g. a --shard-key that is not the partition key)
};

// Opens `spec`, detects a partitioned table and chooses the shard key; with a shard key on
// PostgreSQL it turns on enable_partitionwise_aggregate for this session, which lets the
// planner push each partition's aggregate to its postgres_fdw server. Set-up statements are not
// listed in runner->queries(). Errors: those of AggregateRunner::open and of the catalog queries.
[[nodiscard]] Result<ShardAwareRunner> openShardAware(const SourceSpec& spec, const std::string& userShardKey,
                                                      Progress progress = {},
                                                      std::function<void(const std::string&)> onWarning = {});

}  // namespace causeway::database
