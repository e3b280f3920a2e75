#include "ShardedCluster.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

#include "TestTables.hpp"

namespace causeway::testing {
namespace {

ShardedCluster servers;

constexpr const char* kShardOf = "CAST(1 + mod(CAST(age AS integer), 2) AS integer)";

std::string foreignServer(const std::string& name, const ThrowawayPostgres& shard) {
  return "CREATE SERVER " + name + " FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '" + shard.directory() + "', port '" +
         std::to_string(shard.port()) + "', dbname 'postgres', async_capable 'true');\n" +
         "CREATE USER MAPPING FOR causeway SERVER " + name + " OPTIONS (user 'causeway');\n";
}

class ShardedEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    const std::string lalonde = postgresTableSql("lalonde_all", lalondeFromCsv());
    // initdb takes most of a second: start the three at once.
    std::vector<std::string> failures(3);
    {
      std::vector<std::jthread> starting;
      int i = 0;
      for (auto* server : {&servers.coordinator, &servers.shard1, &servers.shard2})
        starting.emplace_back([server, &failure = failures[static_cast<std::size_t>(i++)]] {
          // Two servers may, rarely, be handed the same free port at once: one retry on a new one.
          for (int attempt = 0; attempt < 2; ++attempt) {
            try {
              server->start();
              failure.clear();
              return;
            } catch (const std::exception& e) {
              failure = e.what();
              server->stop();
            }
          }
        });
    }
    for (const auto& failure : failures)
      if (!failure.empty()) throw std::runtime_error(failure);
    int number = 1;
    for (const auto* shard : {&servers.shard1, &servers.shard2}) {
      shard->execute(lalonde + "CREATE TABLE lalonde_part AS SELECT *, " + kShardOf + " AS shard FROM lalonde_all WHERE " +
                     kShardOf + " = " + std::to_string(number++) + ";\nANALYZE lalonde_part;");
    }
    servers.coordinator.execute(
        lalonde + "CREATE TABLE lalonde_plain AS SELECT *, " + kShardOf + " AS shard FROM lalonde_all;\n" +
        "CREATE EXTENSION postgres_fdw;\n" + foreignServer("shard1", servers.shard1) + foreignServer("shard2", servers.shard2) +
        "CREATE TABLE lalonde_sharded (LIKE lalonde_plain) PARTITION BY LIST (shard);\n"
        "CREATE FOREIGN TABLE lalonde_s1 PARTITION OF lalonde_sharded FOR VALUES IN (1) SERVER shard1 "
        "OPTIONS (table_name 'lalonde_part');\n"
        "CREATE FOREIGN TABLE lalonde_s2 PARTITION OF lalonde_sharded FOR VALUES IN (2) SERVER shard2 "
        "OPTIONS (table_name 'lalonde_part');\n"
        "CREATE TABLE lalonde_local (LIKE lalonde_plain) PARTITION BY LIST (shard);\n"
        "CREATE TABLE lalonde_l1 PARTITION OF lalonde_local FOR VALUES IN (1);\n"
        "CREATE TABLE lalonde_l2 PARTITION OF lalonde_local FOR VALUES IN (2);\n"
        "INSERT INTO lalonde_local SELECT * FROM lalonde_plain;\n");
  }
  void TearDown() override {
    servers.coordinator.stop();
    servers.shard1.stop();
    servers.shard2.stop();
  }
};

// Registered before main runs; gtest_main then starts it with the first test.
[[maybe_unused]] ::testing::Environment* const environment = ::testing::AddGlobalTestEnvironment(new ShardedEnvironment);

}  // namespace

const ShardedCluster& cluster() { return servers; }

}  // namespace causeway::testing
