#pragma once

#include <string>
#include <string_view>

#include "causeway/common/Result.hpp"
#include "causeway/graph/CausalGraph.hpp"

namespace causeway::graph {

// Graphviz DOT interop through Boost's reader and writer. A node's roles travel in a
// "role" attribute ("exposure;adjusted"), its position in pos="x,y"; a bidirected edge is an
// edge with dir=both. Undirected graphs are refused.
Result<CausalGraph> parseDot(std::string_view text, std::string_view sourceName = {});
std::string writeDot(const CausalGraph& graph);

}  // namespace causeway::graph
