#pragma once

#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "causeway/graph/CausalGraph.hpp"

namespace causeway::layout {

// A node's drawn size in scene pixels.
struct NodeBox {
  double width = 80.0;
  double height = 34.0;
};

// Node centres in scene pixels.
using Positions = std::unordered_map<graph::NodeId, graph::Point>;

struct LayoutOptions {
  // Size of each node as drawn; defaults to an estimate from the name's length.
  std::function<NodeBox(graph::NodeId)> nodeBox;
  // Nodes that keep their place (the user put them there); their centres are in `current`.
  std::unordered_set<graph::NodeId> pinned;
  Positions current;
  double layerGap = 90.0;  // horizontal space between layers' boxes
  double nodeGap = 36.0;   // vertical space between boxes in a layer
  unsigned seed = 7;       // force-directed start positions
};

// Width of a name drawn at the default canvas font, estimated without a font engine.
[[nodiscard]] NodeBox estimateNodeBox(const std::string& name);

// The box of node `id` under `options` (its nodeBox function, or the estimate).
[[nodiscard]] NodeBox boxOf(const graph::CausalGraph& graph, const LayoutOptions& options, graph::NodeId id);

}  // namespace causeway::layout
