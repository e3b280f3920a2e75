#pragma once

#include <cstddef>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/layout/LayoutOptions.hpp"

namespace causeway::layout::detail {

// The directed part of a graph cut into layers, long edges split by dummy vertices so every edge
// joins adjacent layers. Vertices 0..realCount-1 are the graph's nodes (in its node order), the
// rest are dummies.
struct LayeredGraph {
  std::vector<graph::NodeId> ids;         // real vertices' node ids
  std::size_t realCount = 0;
  std::vector<int> layer;                 // per vertex
  std::vector<std::vector<int>> up;       // neighbours in the previous layer
  std::vector<std::vector<int>> down;     // neighbours in the next layer
  std::vector<std::vector<int>> siblings; // bidirected neighbours (real vertices only)
  std::vector<double> width;
  std::vector<double> height;
  std::vector<bool> onAxis;               // exposures and outcomes
  std::vector<std::vector<int>> layers;   // vertices of each layer, in drawing order

  [[nodiscard]] std::size_t size() const { return layer.size(); }
  [[nodiscard]] bool isDummy(int v) const { return static_cast<std::size_t>(v) >= realCount; }
};

// Longest-path layering (sources left), then every node pulled right as far as its children
// allow, which shortens edges out of confounders; long edges get dummy vertices. Layers are
// filled in a first, breadth-first order that crossing reduction improves.
[[nodiscard]] LayeredGraph buildLayeredGraph(const graph::CausalGraph& graph, const LayoutOptions& options);

}  // namespace causeway::layout::detail
