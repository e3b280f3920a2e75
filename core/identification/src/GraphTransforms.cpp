#include "causeway/identification/GraphTransforms.hpp"

#include <algorithm>

namespace causeway::identification {

namespace {

// Marks everything reachable from the seeds along `next` (parents or children), never entering
// a node of `blocked` (seeds included).
template <typename Next>
NodeMask reach(std::size_t size, std::span<const Index> seeds, Next next, const NodeMask* blocked = nullptr) {
  NodeMask seen(size, 0);
  std::vector<Index> stack;
  auto enter = [&](Index w) {
    if (seen[w] == 0 && (blocked == nullptr || (*blocked)[w] == 0)) {
      seen[w] = 1;
      stack.push_back(w);
    }
  };
  for (Index s : seeds) enter(s);
  while (!stack.empty()) {
    const Index v = stack.back();
    stack.pop_back();
    for (Index w : next(v)) enter(w);
  }
  return seen;
}

}  // namespace

NodeMask ancestors(const MixedGraph& g, std::span<const Index> seeds) {
  return reach(g.size(), seeds, [&](Index v) { return g.parents(v); });
}

NodeMask descendants(const MixedGraph& g, std::span<const Index> seeds) {
  return reach(g.size(), seeds, [&](Index v) { return g.children(v); });
}

NodeMask properCausalNodes(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y) {
  const NodeMask inX = maskOf(x, g.size());
  // Forward from X without re-entering X; backward from Y without entering X.
  NodeSet firstSteps;
  for (Index s : x)
    for (Index c : g.children(s)) firstSteps.push_back(c);
  NodeMask forward = reach(g.size(), firstSteps, [&](Index v) { return g.children(v); }, &inX);
  const NodeMask backward = reach(g.size(), y, [&](Index v) { return g.parents(v); }, &inX);
  for (std::size_t v = 0; v < g.size(); ++v) forward[v] = static_cast<std::uint8_t>(forward[v] & backward[v]);
  return forward;
}

NodeMask forbiddenNodes(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y) {
  NodeMask forb = descendants(g, setOf(properCausalNodes(g, x, y)));
  for (Index v : x) forb[v] = 1;
  return forb;
}

MixedGraph properBackdoorGraph(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y) {
  const NodeMask cn = properCausalNodes(g, x, y);
  const NodeMask inX = maskOf(x, g.size());
  std::vector<Edge> directed;
  for (const Edge& e : g.directedEdges())
    if (!(inX[e.first] != 0 && cn[e.second] != 0)) directed.push_back(e);
  return MixedGraph(g.size(), directed, g.bidirectedEdges());
}

MixedGraph withoutOutgoingEdges(const MixedGraph& g, const NodeMask& nodes) {
  std::vector<Edge> directed;
  for (const Edge& e : g.directedEdges())
    if (nodes[e.first] == 0) directed.push_back(e);
  return MixedGraph(g.size(), directed, g.bidirectedEdges());
}

NodeSet MoralGraph::toLocal(std::span<const Index> nodes) const {
  NodeSet out;
  for (Index v : nodes)
    if (local[v] != kNoIndex) out.push_back(local[v]);
  return normalized(std::move(out));
}

NodeSet MoralGraph::toOriginal(std::span<const Index> nodes) const {
  NodeSet out;
  for (Index v : nodes)
    if (original[v] != kNoIndex) out.push_back(original[v]);
  return normalized(std::move(out));
}

MoralGraph moralize(const MixedGraph& g, const NodeMask& ancestral) {
  MoralGraph m;
  m.local.assign(g.size(), kNoIndex);
  for (Index v = 0; v < g.size(); ++v)
    if (ancestral[v] != 0) {
      m.local[v] = static_cast<Index>(m.original.size());
      m.original.push_back(v);
    }
  const std::size_t kept = m.original.size();
  // Parents of each kept node in local indices, unobserved confounders included.
  std::vector<std::vector<Index>> parents(kept);
  std::vector<Edge> edges;
  for (std::size_t lv = 0; lv < kept; ++lv) {
    const Index v = m.original[lv];
    for (Index p : g.parents(v)) parents[lv].push_back(m.local[p]);
    for (Index s : g.siblings(v)) {
      // One auxiliary parent per bidirected edge, created from its smaller kept endpoint.
      const bool otherKept = m.local[s] != kNoIndex;
      if (otherKept && s < v) continue;
      const auto u = static_cast<Index>(m.original.size());
      m.original.push_back(kNoIndex);
      parents[lv].push_back(u);
      if (otherKept) parents[m.local[s]].push_back(u);
    }
  }
  for (std::size_t lv = 0; lv < kept; ++lv) {
    const auto& ps = parents[lv];
    for (Index p : ps) edges.emplace_back(p, static_cast<Index>(lv));
    if (ps.size() == 2) {
      edges.emplace_back(ps[0], ps[1]);
    } else if (ps.size() > 2) {
      const auto hub = static_cast<Index>(m.original.size());
      m.original.push_back(kNoIndex);
      for (Index p : ps) edges.emplace_back(p, hub);
    }
  }
  m.graph = UndirectedGraph(m.original.size(), edges);
  return m;
}

}  // namespace causeway::identification
