#pragma once

#include "CliSupport.hpp"
#include "causeway/graph/CausalGraph.hpp"

namespace causeway::cli {

// `estimate MODEL DATA --in-database`: the propensity model, IPW and balance computed by
// aggregate queries in the database (core/database/InDatabase.hpp); only sums leave it.
// The adjustment set is --set or the first minimal sufficient set whose nodes all have
// columns. Methods other than IPW and estimands other than ATE/ATT are refused, naming them.
int runInDatabaseEstimate(const graph::CausalGraph& graph, const po::variables_map& vm, CommandIo& io);

}  // namespace causeway::cli
