#pragma once

#include <cstddef>

#include "Layering.hpp"

namespace causeway::layout::detail {

// Number of edge crossings between all pairs of adjacent layers (bilayer counting with a Fenwick
// tree, O(E log V)).
[[nodiscard]] std::size_t countCrossings(const LayeredGraph& lg);

// Reorders each layer by barycentres of neighbours, sweeping right then left, and keeps the best
// ordering seen (by crossing count). Stops early when a few sweeps bring no improvement.
void reduceCrossings(LayeredGraph& lg, int maxSweeps = 24);

}  // namespace causeway::layout::detail
