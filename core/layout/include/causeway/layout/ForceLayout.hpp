#pragma once

#include "causeway/common/Progress.hpp"
#include "causeway/layout/LayoutOptions.hpp"

namespace causeway::layout {

// Force-directed layout with Boost.Graph's Fruchterman-Reingold algorithm (seeded, so the same
// graph gives the same picture), scaled to readable edge lengths, overlaps removed, and rotated
// so exposures sit left of outcomes. Pinned nodes stay where they are. Returns nothing when
// cancelled through `progress`.
[[nodiscard]] Positions forceLayout(const graph::CausalGraph& graph, const LayoutOptions& options = {},
                                    const Progress& progress = {});

}  // namespace causeway::layout
