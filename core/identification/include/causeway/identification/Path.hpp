#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

namespace causeway::identification {

// How a path steps from nodes[i] to nodes[i + 1].
enum class Step : std::uint8_t {
  Forward,     // nodes[i] -> nodes[i + 1]
  Backward,    // nodes[i] <- nodes[i + 1]
  Bidirected,  // nodes[i] <-> nodes[i + 1]
};

// A path as a node sequence with the edge taken between consecutive nodes.
struct Path {
  std::vector<Index> nodes;
  std::vector<Step> steps;  // steps.size() == nodes.size() - 1
  bool operator==(const Path&) const = default;
};

[[nodiscard]] const char* arrow(Step step);  // "->", "<-", "<->"
// "X <- A -> M <- B -> Y"
std::string formatPath(const graph::IndexedGraph& g, const Path& path);

// Whether the interior node nodes[i] is a collider (arrowheads from both sides).
[[nodiscard]] bool isCollider(const Path& path, std::size_t i);

}  // namespace causeway::identification
