#include "causeway/database/Shards.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace causeway::database {
namespace {

// One row of JSON text describing the partitioned table `name` (no row: not partitioned).
std::string layoutSql(const std::string& name) {
  return "SELECT json_build_object("
         "'table', pt.partrelid::regclass::text, "
         "'strategy', CASE pt.partstrat WHEN 'l' THEN 'list' WHEN 'h' THEN 'hash' ELSE 'range' END, "
         // partattrs is an int2vector (subscripts from 0); 0 marks an expression.
         "'key', CASE WHEN pt.partnatts = 1 AND pt.partattrs[0] <> 0 THEN (SELECT a.attname FROM pg_attribute a "
         "WHERE a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]) END, "
         "'definition', pg_get_partkeydef(pt.partrelid), "
         "'partitions', COALESCE((SELECT json_agg(json_build_object('name', i.inhrelid::regclass::text, 'server', s.srvname) "
         "ORDER BY i.inhrelid::regclass::text) FROM pg_inherits i "
         "LEFT JOIN pg_foreign_table f ON f.ftrelid = i.inhrelid LEFT JOIN pg_foreign_server s ON s.oid = f.ftserver "
         "WHERE i.inhparent = pt.partrelid), '[]'::json))::text "
         "FROM pg_partitioned_table pt WHERE pt.partrelid = to_regclass(" + quoteLiteral(quoteQualifiedName(name)) + ")";
}

std::string text(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::size_t ShardLayout::foreignPartitions() const {
  return static_cast<std::size_t>(std::count_if(foreignServers.begin(), foreignServers.end(),
                                                [](const std::string& s) { return !s.empty(); }));
}

Result<std::optional<ShardLayout>> detectShardLayout(AggregateRunner& runner, const SourceSpec& spec) {
  if (spec.kind != SourceKind::Postgres || spec.table.empty()) return std::optional<ShardLayout>();
  auto rows = runner.texts(layoutSql(spec.table));
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ShardLayout>();
  const auto j = nlohmann::json::parse(rows->front(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return makeError(ErrorCode::MalformedData, "Unexpected catalog answer about " + spec.table + " from " + runner.where());
  ShardLayout layout;
  layout.table = text(j, "table");
  layout.strategy = text(j, "strategy");
  layout.partitionKey = text(j, "key");
  layout.keyDefinition = text(j, "definition");
  for (const auto& p : j.value("partitions", nlohmann::json::array())) {
    layout.partitions.push_back(text(p, "name"));
    layout.foreignServers.push_back(text(p, "server"));
  }
  return std::optional<ShardLayout>(std::move(layout));
}

std::string chooseShardKey(const std::string& userKey, const std::optional<ShardLayout>& layout) {
  if (!userKey.empty()) return userKey;
  if (layout && layout->foreignPartitions() > 0) return layout->partitionKey;
  return {};
}

Result<ShardAwareRunner> openShardAware(const SourceSpec& spec, const std::string& userShardKey, Progress progress,
                                        std::function<void(const std::string&)> onWarning) {
  auto opened = AggregateRunner::open(spec, std::move(progress));
  if (!opened) return opened.error();
  ShardAwareRunner out;
  out.runner = std::make_unique<PlanCheckedRunner>(std::move(opened).value(), onWarning);
  AggregateRunner& setup = out.runner->inner();
  auto layout = detectShardLayout(setup, spec);
  if (!layout) return layout.error();
  out.layout = std::move(layout).value();
  out.shardKey = chooseShardKey(userShardKey, out.layout);
  const auto warn = [&](std::string message) {
    if (onWarning) onWarning(message);
    out.warnings.push_back(std::move(message));
  };
  if (spec.kind == SourceKind::Sqlite && !userShardKey.empty()) {
    out.shardKey.clear();  // one file, nothing to spread: grouping would only cost time
    warn("--shard-key " + userShardKey + " is ignored: a SQLite file has no shards");
  }
  if (out.layout && out.layout->foreignPartitions() > 0 && userShardKey.empty() && out.layout->partitionKey.empty())
    warn(out.layout->table + " is partitioned by " + out.layout->keyDefinition +
         ", not by one column: the aggregates cannot be grouped by it, so the shards will send rows");
  if (out.layout && !userShardKey.empty() && !out.layout->partitionKey.empty() && userShardKey != out.layout->partitionKey)
    warn("--shard-key " + userShardKey + " is not the partition key of " + out.layout->table + " (" +
         out.layout->keyDefinition + "): PostgreSQL pushes an aggregate to the shards only when it groups by the key");
  if (!out.shardKey.empty() && spec.kind == SourceKind::Postgres) {
    // The SUMs cost the same on a shard as on the coordinator, but the planner prices
    // postgres_fdw's pushed aggregate slightly above the local one; with hundreds of pasted
    // expressions that outweighs shipping every row at fdw_tuple_cost (measured on PostgreSQL 15:
    // Lalonde's IRLS step stayed local). Making operators nearly free leaves the transfer as what
    // decides, so the aggregate goes to the shards. Only this session's planning changes: each
    // shard plans its remote query with its own settings.
    auto set = setup.texts("SELECT set_config('enable_partitionwise_aggregate', 'on', false), "
                           "set_config('cpu_operator_cost', '0.00001', false)");
    if (!set) return set.error();
  }
  return out;
}

}  // namespace causeway::database
