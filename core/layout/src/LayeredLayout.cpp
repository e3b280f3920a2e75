#include "causeway/layout/LayeredLayout.hpp"

#include "CoordinateAssignment.hpp"
#include "CrossingReduction.hpp"
#include "Layering.hpp"
#include "Pinning.hpp"

namespace causeway::layout {

Positions layeredLayout(const graph::CausalGraph& graph, const LayoutOptions& options) {
  Positions out;
  if (graph.nodeCount() == 0) return out;
  detail::LayeredGraph lg = detail::buildLayeredGraph(graph, options);
  detail::reduceCrossings(lg);
  const detail::VertexCoordinates c = detail::assignCoordinates(lg, options);
  for (std::size_t v = 0; v < lg.realCount; ++v) out[lg.ids[v]] = graph::Point{c.x[v], c.y[v]};
  detail::fitAroundPinned(graph, options, out);
  return out;
}

}  // namespace causeway::layout
