#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/graph/IndexedGraph.hpp"

namespace causeway::identification {

using Index = graph::IndexedGraph::Index;
// A set of nodes as sorted, duplicate-free indices: cheap to compare and print.
using NodeSet = std::vector<Index>;
// Membership flags, one per node (a byte each: faster than vector<bool> in tight loops).
using NodeMask = std::vector<std::uint8_t>;

inline constexpr Index kNoIndex = static_cast<Index>(-1);

// Sorts and removes duplicates.
NodeSet normalized(NodeSet nodes);
NodeMask maskOf(std::span<const Index> nodes, std::size_t size);
NodeSet setOf(const NodeMask& mask);
[[nodiscard]] bool intersects(std::span<const Index> nodes, const NodeMask& mask);
NodeSet setUnion(std::span<const Index> a, std::span<const Index> b);
NodeSet setDifference(std::span<const Index> a, std::span<const Index> b);
[[nodiscard]] bool isSubset(std::span<const Index> small, std::span<const Index> large);

// Names of the nodes, sorted by name (the canonical form for output and comparisons).
std::vector<std::string> sortedNames(const graph::IndexedGraph& g, std::span<const Index> nodes);
// "{A, B}" with names sorted; "{}" for the empty set.
std::string formatSet(const graph::IndexedGraph& g, std::span<const Index> nodes);
// Looks names up; fails with UnknownNode naming the first unknown one.
Result<NodeSet> nodesNamed(const graph::IndexedGraph& g, std::span<const std::string> names);

// Streams a found set to the caller; returning false stops the enumeration.
using SetCallback = std::function<bool(const NodeSet&)>;

// How a capped, cancellable enumeration ended.
struct EnumerationOutcome {
  std::size_t count = 0;   // sets delivered to the callback
  bool truncated = false;  // stopped at the cap (or by the callback) while more may exist
  bool cancelled = false;  // stopped by the stop token
};

inline constexpr std::size_t kDefaultMaxSets = 1000;

}  // namespace causeway::identification
