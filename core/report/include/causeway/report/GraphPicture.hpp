#pragma once

#include <string>
#include <utility>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"

namespace causeway::report {

// How one edge should stand out in a picture (e.g. on a causal path, or on an open biasing path).
enum class EdgeEmphasis { None, Causal, Biasing };

struct GraphPictureOptions {
  double width = 720;            // the picture's size in SVG user units (pixels at 1x)
  double height = 420;
  bool legend = true;
  std::vector<std::pair<std::pair<graph::NodeId, graph::NodeId>, EdgeEmphasis>> emphasis;  // directed (from, to)
};

// Draws the graph as a standalone SVG: nodes styled by role (exposure, outcome, adjusted, latent,
// selected), directed edges with arrowheads, bidirected edges dashed with two heads, emphasised
// edges coloured, and a legend. Nodes are placed by their positions, scaled to fit; precondition:
// every node has a position (lay the graph out first).
std::string renderGraphSvg(const graph::CausalGraph& graph, const GraphPictureOptions& options = {});

}  // namespace causeway::report
