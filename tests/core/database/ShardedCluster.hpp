#pragma once

#include "ThrowawayPostgres.hpp"

namespace causeway::testing {

// Three throwaway servers for this test binary, started once: a coordinator and two shards.
// Each shard holds lalonde_part, the Lalonde rows whose shard = 1 + (age mod 2) is its number;
// the coordinator holds
//   lalonde_plain    all 614 rows with their shard column, an ordinary table;
//   lalonde_sharded  PARTITION BY LIST (shard), partitions lalonde_s1 / lalonde_s2 being
//                    postgres_fdw foreign tables on the shards (async_capable 'true');
//   lalonde_local    PARTITION BY LIST (shard) with two local partitions (not sharded).
struct ShardedCluster {
  ThrowawayPostgres coordinator, shard1, shard2;
};

[[nodiscard]] const ShardedCluster& cluster();

}  // namespace causeway::testing
