#pragma once

#include <string>
#include <string_view>

#include "causeway/common/Result.hpp"
#include "causeway/graph/CausalGraph.hpp"

namespace causeway::graph {

// Reads a model from text whose format is guessed: DOT when it starts with (strict) digraph,
// DAGitty syntax otherwise.
Result<CausalGraph> parseModel(std::string_view text, std::string_view sourceName = {});
// Reads a model file ("-" reads standard input).
Result<CausalGraph> readModelFile(const std::string& path);

}  // namespace causeway::graph
