#pragma once

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/layout/LayoutOptions.hpp"

namespace causeway::layout::detail {

// Moves a fresh layout so it fits the user's pinned nodes: the whole drawing is shifted by the
// mean offset of the pinned nodes, pinned nodes are put back exactly where they were, and free
// nodes that now overlap are pushed aside. Without pinned nodes the drawing keeps the top-left
// corner of the current positions (or the origin), so a re-layout does not jump across the canvas.
void fitAroundPinned(const graph::CausalGraph& graph, const LayoutOptions& options, Positions& layout);

// Pushes free (unpinned) nodes apart until no two boxes overlap (with a margin). `vertical` only
// moves them up/down, which keeps a layered drawing's columns.
void removeOverlaps(const graph::CausalGraph& graph, const LayoutOptions& options, Positions& layout,
                    bool verticalOnly);

}  // namespace causeway::layout::detail
