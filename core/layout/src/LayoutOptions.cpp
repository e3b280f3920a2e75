#include "causeway/layout/LayoutOptions.hpp"

#include <algorithm>

namespace causeway::layout {

NodeBox estimateNodeBox(const std::string& name) {
  // Count code points, not bytes, so non-ASCII names are not drawn too wide.
  std::size_t glyphs = 0;
  for (unsigned char c : name)
    if ((c & 0xC0U) != 0x80U) ++glyphs;
  const double width = std::max(56.0, 8.5 * static_cast<double>(glyphs) + 34.0);
  return NodeBox{width, 34.0};
}

NodeBox boxOf(const graph::CausalGraph& graph, const LayoutOptions& options, graph::NodeId id) {
  if (options.nodeBox) return options.nodeBox(id);
  return estimateNodeBox(graph.name(id));
}

}  // namespace causeway::layout
