#pragma once

#include <optional>

#include "causeway/common/Progress.hpp"
#include "causeway/identification/MixedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

// Minimal vertex separators in an undirected graph, restricted to allowed nodes: one in O(n + m)
// and all of them with polynomial delay (a backtracking "flashlight" search in the spirit of
// Takata, DAM 2010, and van der Zander, Liśkiewicz & Textor, AIJ 2019).
namespace causeway::identification {

// Separate `sources` from `targets` with nodes from `allowed` only; `removed` nodes are deleted
// from the graph first (nodes already conditioned on). Sources and targets are never allowed.
struct SeparatorProblem {
  const UndirectedGraph* graph = nullptr;
  NodeSet sources;
  NodeSet targets;
  NodeMask allowed;
  NodeMask removed;
};

// The minimal separator closest to the targets, or nullopt when no separator exists.
std::optional<NodeSet> closestMinimalSeparator(const SeparatorProblem& problem);

// Streams every minimal separator once (sorted node sets), at most `maxSets` of them.
EnumerationOutcome listMinimalSeparators(const SeparatorProblem& problem, const SetCallback& onSet,
                                         std::size_t maxSets = kDefaultMaxSets, const Progress& progress = {});

}  // namespace causeway::identification
