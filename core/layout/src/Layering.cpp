#include "Layering.hpp"

#include <algorithm>
#include <deque>

#include "causeway/graph/IndexedGraph.hpp"

namespace causeway::layout::detail {

namespace {

std::vector<int> assignLayers(const graph::IndexedGraph& g) {
  const auto& topo = g.topologicalOrder();
  std::vector<int> layer(g.size(), 0);
  for (auto v : topo)
    for (auto p : g.parents(v)) layer[v] = std::max(layer[v], layer[p] + 1);
  // Pull nodes right toward their children (never past them): a confounder of X and Y then sits
  // just before X instead of at the far left of a long chain.
  for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
    const auto v = *it;
    const auto kids = g.children(v);
    if (kids.empty()) continue;
    int lowest = layer[kids.front()];
    for (auto c : kids) lowest = std::min(lowest, layer[c]);
    layer[v] = std::max(layer[v], lowest - 1);
  }
  return layer;
}

// Breadth-first from the left-most layer so connected nodes start close together.
void initialOrder(LayeredGraph& lg) {
  int maxLayer = 0;
  for (int l : lg.layer) maxLayer = std::max(maxLayer, l);
  lg.layers.assign(static_cast<std::size_t>(maxLayer) + 1, {});
  std::vector<bool> seen(lg.size(), false);
  std::deque<int> queue;
  auto visitFrom = [&](int root) {
    seen[static_cast<std::size_t>(root)] = true;
    queue.push_back(root);
    while (!queue.empty()) {
      const int v = queue.front();
      queue.pop_front();
      lg.layers[static_cast<std::size_t>(lg.layer[static_cast<std::size_t>(v)])].push_back(v);
      auto visit = [&](int w) {
        if (!seen[static_cast<std::size_t>(w)]) {
          seen[static_cast<std::size_t>(w)] = true;
          queue.push_back(w);
        }
      };
      for (int w : lg.down[static_cast<std::size_t>(v)]) visit(w);
      for (int w : lg.up[static_cast<std::size_t>(v)]) visit(w);
      for (int w : lg.siblings[static_cast<std::size_t>(v)]) visit(w);
    }
  };
  // Roots in layer order, then node order, so the exposure's component tends to come first.
  std::vector<int> roots(lg.size());
  for (std::size_t v = 0; v < lg.size(); ++v) roots[v] = static_cast<int>(v);
  std::stable_sort(roots.begin(), roots.end(), [&](int a, int b) {
    return lg.layer[static_cast<std::size_t>(a)] < lg.layer[static_cast<std::size_t>(b)];
  });
  for (int v : roots)
    if (!seen[static_cast<std::size_t>(v)]) visitFrom(v);
}

}  // namespace

LayeredGraph buildLayeredGraph(const graph::CausalGraph& graph, const LayoutOptions& options) {
  const graph::IndexedGraph g(graph);
  LayeredGraph lg;
  lg.realCount = g.size();
  lg.layer = assignLayers(g);
  lg.up.assign(g.size(), {});
  lg.down.assign(g.size(), {});
  lg.siblings.assign(g.size(), {});
  for (std::size_t v = 0; v < g.size(); ++v) {
    const auto index = static_cast<graph::IndexedGraph::Index>(v);
    const graph::NodeId id = g.id(index);
    lg.ids.push_back(id);
    const NodeBox box = boxOf(graph, options, id);
    lg.width.push_back(box.width);
    lg.height.push_back(box.height);
    lg.onAxis.push_back(g.has(index, graph::Role::Exposure) || g.has(index, graph::Role::Outcome));
    for (auto s : g.siblings(index)) lg.siblings[v].push_back(static_cast<int>(s));
  }
  for (std::size_t v = 0; v < g.size(); ++v) {
    for (auto c : g.children(static_cast<graph::IndexedGraph::Index>(v))) {
      int from = static_cast<int>(v);
      const int target = static_cast<int>(c);
      // Split a long edge into a chain of dummies, one per skipped layer.
      for (int l = lg.layer[v] + 1; l < lg.layer[c]; ++l) {
        const int dummy = static_cast<int>(lg.layer.size());
        lg.layer.push_back(l);
        lg.up.push_back({from});
        lg.down.push_back({});
        lg.siblings.push_back({});
        lg.width.push_back(0.0);
        lg.height.push_back(2.0);
        lg.onAxis.push_back(false);
        lg.down[static_cast<std::size_t>(from)].push_back(dummy);
        from = dummy;
      }
      lg.down[static_cast<std::size_t>(from)].push_back(target);
      lg.up[c].push_back(from);
    }
  }
  initialOrder(lg);
  return lg;
}

}  // namespace causeway::layout::detail
