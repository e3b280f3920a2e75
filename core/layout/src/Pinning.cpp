#include "Pinning.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace causeway::layout::detail {

namespace {

struct Box {
  graph::NodeId id;
  double w;
  double h;
  bool pinned;
};

}  // namespace

void fitAroundPinned(const graph::CausalGraph& graph, const LayoutOptions& options, Positions& layout) {
  double dx = 0.0;
  double dy = 0.0;
  std::size_t pinnedCount = 0;
  for (graph::NodeId id : options.pinned) {
    auto now = options.current.find(id);
    auto fresh = layout.find(id);
    if (now == options.current.end() || fresh == layout.end()) continue;
    dx += now->second.x - fresh->second.x;
    dy += now->second.y - fresh->second.y;
    ++pinnedCount;
  }
  if (pinnedCount > 0) {
    dx /= static_cast<double>(pinnedCount);
    dy /= static_cast<double>(pinnedCount);
  } else if (!layout.empty()) {
    // Keep the current top-left corner.
    double oldLeft = 0.0;
    double oldTop = 0.0;
    if (!options.current.empty()) {
      oldLeft = oldTop = std::numeric_limits<double>::max();
      for (const auto& [id, p] : options.current) {
        if (!graph.contains(id)) continue;
        oldLeft = std::min(oldLeft, p.x);
        oldTop = std::min(oldTop, p.y);
      }
      if (oldLeft == std::numeric_limits<double>::max()) oldLeft = oldTop = 0.0;
    }
    double left = std::numeric_limits<double>::max();
    double top = std::numeric_limits<double>::max();
    for (const auto& [id, p] : layout) {
      left = std::min(left, p.x);
      top = std::min(top, p.y);
    }
    dx = oldLeft - left;
    dy = oldTop - top;
  }
  for (auto& [id, p] : layout) {
    p.x += dx;
    p.y += dy;
  }
  for (graph::NodeId id : options.pinned) {
    auto now = options.current.find(id);
    if (now != options.current.end() && layout.contains(id)) layout[id] = now->second;
  }
  if (pinnedCount > 0) removeOverlaps(graph, options, layout, false);
}

void removeOverlaps(const graph::CausalGraph& graph, const LayoutOptions& options, Positions& layout,
                    bool verticalOnly) {
  constexpr double kMargin = 12.0;
  std::vector<Box> boxes;
  boxes.reserve(layout.size());
  for (const auto& [id, p] : layout) {
    const NodeBox b = boxOf(graph, options, id);
    boxes.push_back({id, b.width + kMargin, b.height + kMargin, options.pinned.contains(id)});
  }
  double widest = 0.0;
  for (const Box& b : boxes) widest = std::max(widest, b.w);
  for (int round = 0; round < 60; ++round) {
    // Sweep by x: only pairs whose x-ranges can overlap are compared.
    std::sort(boxes.begin(), boxes.end(), [&](const Box& a, const Box& b) { return layout[a.id].x < layout[b.id].x; });
    bool moved = false;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      for (std::size_t j = i + 1; j < boxes.size(); ++j) {
        graph::Point& a = layout[boxes[i].id];
        graph::Point& b = layout[boxes[j].id];
        if (b.x - a.x >= widest) break;
        const double overlapX = (boxes[i].w + boxes[j].w) / 2.0 - std::abs(b.x - a.x);
        const double overlapY = (boxes[i].h + boxes[j].h) / 2.0 - std::abs(b.y - a.y);
        if (overlapX <= 0.0 || overlapY <= 0.0) continue;
        if (boxes[i].pinned && boxes[j].pinned) continue;
        // Share the push between free nodes; a pinned node never moves.
        const double shareA = boxes[i].pinned ? 0.0 : (boxes[j].pinned ? 1.0 : 0.5);
        const double shareB = 1.0 - shareA;
        if (verticalOnly || overlapY <= overlapX) {
          const double sign = b.y >= a.y ? 1.0 : -1.0;
          a.y -= sign * overlapY * shareA;
          b.y += sign * overlapY * shareB;
        } else {
          const double sign = b.x >= a.x ? 1.0 : -1.0;
          a.x -= sign * overlapX * shareA;
          b.x += sign * overlapX * shareB;
        }
        moved = true;
      }
    }
    if (!moved) break;
  }
}

}  // namespace causeway::layout::detail
