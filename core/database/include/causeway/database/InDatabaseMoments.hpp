#pragma once

#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"
#include "causeway/database/AggregateRunner.hpp"

namespace causeway::database {

// The sufficient statistics of everything linear over some columns, computed in the database:
// the complete-case count, the means and the centred cross products sum (x - mean)(x - mean)'
// (the implied-independence tests' partial correlations derive from them).
struct InDatabaseMoments {
  std::size_t n = 0;
  std::vector<std::string> names;    // a numeric column's name, or name + level for a dummy
  std::vector<std::string> sources;  // the name each column came from
  Eigen::VectorXd means;
  Eigen::MatrixXd centred;
};

// `columns` are (name, column) pairs. Numeric columns enter as they are, text columns as 0/1
// dummies for each level but the first in byte order (as in memory); rows with a NULL in any of
// them are left out. Two aggregate queries, means first, then the cross products of the centred
// values (as exact as two passes in memory); each grouped by `shardKey` when given.
[[nodiscard]] Result<InDatabaseMoments> momentsInDatabase(AggregateRunner& runner, const SourceSpec& spec,
                                                          const std::vector<std::pair<std::string, std::string>>& columns,
                                                          const std::string& shardKey = {});

}  // namespace causeway::database
