#pragma once

#include <vector>

#include "Layering.hpp"

namespace causeway::layout::detail {

struct VertexCoordinates {
  std::vector<double> x;
  std::vector<double> y;
};

// Layers become columns (x grows with the layer, spaced by the widest box of each column). In
// each column the vertical order is kept; y is the weighted least-squares fit to the neighbours'
// mean position under minimum-spacing constraints (solved exactly by isotonic regression), repeated
// over several sweeps; exposures and outcomes are pulled onto the axis y = 0.
[[nodiscard]] VertexCoordinates assignCoordinates(const LayeredGraph& lg, const LayoutOptions& options);

// Weighted isotonic regression (pool adjacent violators): the non-decreasing sequence closest to
// `target` in weighted least squares. Exposed for tests.
[[nodiscard]] std::vector<double> isotonicFit(const std::vector<double>& target, const std::vector<double>& weight);

}  // namespace causeway::layout::detail
