#pragma once

#include "causeway/layout/LayoutOptions.hpp"

namespace causeway::layout {

// Sugiyama-style layered layout, left to right along the exposure -> outcome axis:
// longest-path layering of the directed part, dummy nodes on long edges, barycentre crossing
// reduction (best of several sweeps by crossing count), then vertical coordinates that pull each
// node toward its neighbours while keeping order and spacing (isotonic regression per layer), with
// exposures and outcomes drawn onto one horizontal axis. Pinned nodes stay where they are and the
// rest of the drawing is shifted to fit around them. Returns a centre for every node.
[[nodiscard]] Positions layeredLayout(const graph::CausalGraph& graph, const LayoutOptions& options = {});

}  // namespace causeway::layout
