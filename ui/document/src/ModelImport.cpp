#include "causeway/ui/document/ModelImport.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "causeway/layout/LayeredLayout.hpp"

namespace causeway::ui {

namespace {

constexpr double kDefaultScale = 100.0;

double roundUnit(double v) { return std::round(v * 1000.0) / 1000.0; }

// Gives every unplaced node a position from a layered layout that keeps the placed ones fixed.
void placeMissing(graph::CausalGraph& g, double scale) {
  layout::LayoutOptions options;
  bool anyMissing = false;
  for (graph::NodeId id : g.nodeIds()) {
    const auto& p = g.node(id).position;
    if (p) {
      options.pinned.insert(id);
      options.current[id] = graph::Point{p->x * scale, p->y * scale};
    } else {
      anyMissing = true;
    }
  }
  if (!anyMissing) return;
  const layout::Positions placed = layout::layeredLayout(g, options);
  for (graph::NodeId id : g.nodeIds()) {
    if (g.node(id).position) continue;
    const graph::Point& p = placed.at(id);
    g.setPosition(id, graph::Point{roundUnit(p.x / scale), roundUnit(p.y / scale)});
  }
}

}  // namespace

double chooseScale(const graph::CausalGraph& graph) {
  struct Placed {
    graph::Point p;
    layout::NodeBox box;
  };
  std::vector<Placed> placed;
  for (graph::NodeId id : graph.nodeIds())
    if (const auto& p = graph.node(id).position) placed.push_back({*p, layout::estimateNodeBox(graph.name(id))});
  if (placed.size() < 2) return kDefaultScale;
  // Very large models: sample, the scale only needs to be about right.
  const std::size_t step = std::max<std::size_t>(1, placed.size() / 400);
  std::vector<double> nearest;
  double noOverlap = 0.0;
  for (std::size_t i = 0; i < placed.size(); i += step) {
    double best = std::numeric_limits<double>::max();
    for (std::size_t j = 0; j < placed.size(); ++j) {
      if (i == j) continue;
      const double dx = std::abs(placed[i].p.x - placed[j].p.x);
      const double dy = std::abs(placed[i].p.y - placed[j].p.y);
      const double d = std::hypot(dx, dy);
      if (d < 1e-12) continue;  // stacked nodes cannot be separated by scaling
      best = std::min(best, d);
      // Smallest scale at which these two boxes stop overlapping (apart in x or in y).
      const double needX = dx > 0 ? ((placed[i].box.width + placed[j].box.width) / 2.0 + 16.0) / dx
                                  : std::numeric_limits<double>::max();
      const double needY = dy > 0 ? ((placed[i].box.height + placed[j].box.height) / 2.0 + 16.0) / dy
                                  : std::numeric_limits<double>::max();
      noOverlap = std::max(noOverlap, std::min(needX, needY));
    }
    if (best < std::numeric_limits<double>::max()) nearest.push_back(best);
  }
  if (nearest.empty()) return kDefaultScale;
  std::nth_element(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(nearest.size() / 2), nearest.end());
  const double typical = nearest[nearest.size() / 2];
  const double scale = std::max(170.0 / typical, std::min(noOverlap, 4.0 * 170.0 / typical));
  return std::clamp(scale, 1e-3, 1e6);
}

ImportedModel importModel(const GraphDocument& document, const graph::CausalGraph& parsed, ImportMode mode) {
  ImportedModel out;
  const graph::CausalGraph& current = document.graph();
  bool sharesNodes = false;
  if (mode == ImportMode::Merge)
    for (graph::NodeId id : parsed.nodeIds())
      if (current.findNode(parsed.name(id))) sharesNodes = true;

  if (!sharesNodes) {
    out.graph = parsed;
    out.scale = chooseScale(parsed);
    placeMissing(out.graph, out.scale);
    return out;
  }

  out.scale = document.coordinateScale();
  // The text's own coordinates on a very different scale (a model edited on dagitty.net and
  // pasted back): rescale rather than draw it as a speck or across a wall.
  std::size_t positioned = 0;
  for (graph::NodeId pid : parsed.nodeIds())
    if (parsed.node(pid).position) ++positioned;
  if (positioned >= 2 && positioned * 2 >= parsed.nodeCount()) {
    const double fresh = chooseScale(parsed);
    if (fresh > 3.0 * out.scale || fresh < out.scale / 3.0) out.scale = fresh;
  }
  for (const auto& [key, value] : parsed.attributes()) out.graph.setAttribute(key, value);
  std::unordered_map<graph::NodeId, graph::NodeId> idMap;
  graph::NodeId nextFresh = current.nextNodeId();
  for (graph::NodeId pid : parsed.nodeIds()) {
    graph::NodeData node = parsed.node(pid);
    if (auto existing = current.findNode(node.name)) {
      node.id = *existing;
      if (!node.position) node.position = current.node(*existing).position;
      if (document.isPinned(*existing)) out.pinned.insert(*existing);
    } else {
      node.id = nextFresh++;
    }
    idMap[pid] = node.id;
    (void)out.graph.restoreNode(node);
  }
  for (graph::EdgeData e : parsed.edges()) {
    e.from = idMap.at(e.from);
    e.to = idMap.at(e.to);
    (void)out.graph.addEdgeUnchecked(e);
  }
  placeMissing(out.graph, out.scale);
  return out;
}

}  // namespace causeway::ui
