#include "FrontDoorSearch.hpp"

#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/GraphTransforms.hpp"

namespace causeway::identification::detail {

using graph::Role;

namespace {

// Walk states as in DSeparation.cpp: a node entered from a child ("up") or with an arrowhead
// ("down"). The walks here use the walk form of d-connection (a collider must itself be
// conditioned on; a walk down to a conditioned descendant and back stands for the rest), which
// needs no ancestor sets, so it stays exact while edges are restored during the search.
constexpr std::size_t kUp = 0;
constexpr std::size_t kDown = 1;

// Breadth-first walk from `start` given `conditioned`; `reach(w, dir)` decides whether the walk
// may enter w (and records what it needs), `enqueue` is handed to it to schedule states.
template <typename Reach>
void walkFrom(const MixedGraph& g, Index start, const NodeMask& conditioned, Reach&& reach) {
  std::vector<std::uint8_t> visited(2 * g.size(), 0);
  std::vector<std::size_t> queue;
  auto enqueue = [&](Index w, std::size_t dir) {
    const std::size_t s = static_cast<std::size_t>(w) * 2 + dir;
    if (visited[s] == 0) visited[s] = 1, queue.push_back(s);
  };
  enqueue(start, kUp);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const auto v = static_cast<Index>(queue[head] / 2);
    const bool up = queue[head] % 2 == kUp;
    const bool open = conditioned[v] == 0;
    if (open) {
      for (Index c : g.children(v)) reach(c, kDown, enqueue);
    }
    if (up == open) {  // a non-collider passing on, or a conditioned collider bouncing back
      for (Index p : g.parents(v)) reach(p, kUp, enqueue);
      for (Index b : g.siblings(v)) reach(b, kDown, enqueue);
    }
  }
}

// The nodes of `wall` first met on directed paths from `start` (along `next`: children or
// parents) whose other nodes are in `through` and outside the wall.
template <typename Next>
NodeMask firstMet(std::size_t size, Index start, Next next, const NodeMask& wall, const NodeMask* through = nullptr) {
  NodeMask seen(size, 0), met(size, 0);
  std::vector<Index> stack{start};
  seen[start] = 1;
  while (!stack.empty()) {
    const Index v = stack.back();
    stack.pop_back();
    for (Index w : next(v)) {
      if (seen[w] != 0 || (through != nullptr && (*through)[w] == 0)) continue;
      seen[w] = 1;
      if (wall[w] != 0) met[w] = 1;
      else stack.push_back(w);
    }
  }
  return met;
}

}  // namespace

FrontDoorSearch::FrontDoorSearch(const graph::IndexedGraph& g, Index x, Index y)
    : g_(g), x_(x), y_(y), graph_(g), conditioned_(maskOf(g.withRole(Role::Selected), g.size())) {
  conditioned_[x] = conditioned_[y] = 0;
  // (ii) per node: no open path from X into the node once X's outgoing edges are gone.
  NodeMask onlyX(g.size(), 0);
  onlyX[x] = 1;
  const NodeMask reached = dConnected(withoutOutgoingEdges(graph_, onlyX), NodeSet{x}, conditioned_);
  base_.assign(g.size(), 0);
  for (Index v = 0; v < g.size(); ++v)
    base_[v] = static_cast<std::uint8_t>(v != x && v != y && !g.has(v, Role::Latent) && !g.has(v, Role::Selected) &&
                                         reached[v] == 0);
  conditioned_[x] = 1;
  yAncestors_ = ancestors(graph_, NodeSet{y});
  cost_ = g.size();
  for (Index v = 0; v < g.size(); ++v) cost_ += graph_.parents(v).size() + graph_.siblings(v).size();
}

// One walk from Y in G with Z's outgoing edges removed, Z starting as every allowed candidate.
// A candidate entered with an arrowhead violates (iii) and leaves Z; its outgoing edges then
// return, so walks that stopped below it resume. Edges only come back, so the walk ends at the
// greatest fixpoint (the set the prune-and-repeat definition gives), in O(n + m).
NodeMask FrontDoorSearch::largest(NodeMask z) const {
  for (Index v = 0; v < g_.size(); ++v) z[v] = static_cast<std::uint8_t>(z[v] & base_[v]);
  NodeMask waitingBelow(g_.size(), 0);  // a walk reached a child of this candidate
  walkFrom(graph_, y_, conditioned_, [&](Index w, std::size_t dir, auto& enqueue) {
    if (z[w] != 0) {
      if (dir == kUp) {  // the edge w -> child is cut while w is in Z
        waitingBelow[w] = 1;
        return;
      }
      z[w] = 0;
      if (waitingBelow[w] != 0) enqueue(w, kUp);
    }
    enqueue(w, dir);
  });
  return z;
}

bool FrontDoorSearch::intercepts(const NodeMask& z) const {
  NodeMask wall = z;  // Y is never in Z: met iff a causal path avoids Z
  wall[y_] = 1;
  return firstMet(g_.size(), x_, [&](Index v) { return graph_.children(v); }, wall)[y_] == 0;
}

bool FrontDoorSearch::feasible(const NodeMask& required, const NodeMask& allowed) const {
  const NodeMask z = largest(allowed);
  for (Index v = 0; v < g_.size(); ++v)
    if (required[v] != 0 && z[v] == 0) return false;
  return intercepts(z);
}

NodeMask FrontDoorSearch::forcedByCausalPaths(const NodeMask& allowed) const {
  const NodeMask z = largest(allowed);
  NodeMask forced = firstMet(g_.size(), x_, [&](Index v) { return graph_.children(v); }, z);
  const NodeMask fromY = firstMet(g_.size(), y_, [&](Index v) { return graph_.parents(v); }, z);
  for (Index v = 0; v < g_.size(); ++v) forced[v] = static_cast<std::uint8_t>(forced[v] & fromY[v]);
  return forced;
}

bool FrontDoorSearch::valid(std::span<const Index> z) const {
  const NodeMask mask = maskOf(z, g_.size());
  for (Index v : z)
    if (base_[v] == 0) return false;
  return intercepts(mask) && !intersects(z, dConnected(withoutOutgoingEdges(graph_, mask), NodeSet{y_}, conditioned_));
}

// Z = Z_X ∪ B over the largest set Zmax: Z_X, the first Zmax node on each causal path from X
// (so (i) holds), and B, the Zmax nodes a walk from Y in G with Zmax's outgoing edges removed
// would climb into from a child. Keeping B's outgoing edges cut leaves that walk exactly as it
// was, and it reaches no node of Zmax, so (iii) holds; (ii) holds for any subset of Zmax.
std::optional<NodeSet> FrontDoorSearch::findOne() const {
  const NodeMask zmax = largest(NodeMask(g_.size(), 1));
  if (!intercepts(zmax)) return std::nullopt;
  NodeMask chosen = firstMet(g_.size(), x_, [&](Index v) { return graph_.children(v); }, zmax, &yAncestors_);
  walkFrom(graph_, y_, conditioned_, [&](Index w, std::size_t dir, auto& enqueue) {
    if (zmax[w] == 0) enqueue(w, dir);
    else if (dir == kUp) chosen[w] = 1;  // never entered with an arrowhead: Zmax satisfies (iii)
  });
  return setOf(chosen);
}

// Mediators (on a causal path X -> ... -> Y) first, each group nearest Y first. The first sets
// found then lie near Y and are decided early, so branches that contain one die at once
// instead of deep down (measured: 20x more sets within the budget on random DAGs).
NodeSet FrontDoorSearch::candidates() const {
  const NodeMask z = largest(NodeMask(g_.size(), 1));
  if (!intercepts(z)) return {};
  const NodeMask xDescendants = descendants(graph_, NodeSet{x_});
  NodeSet mediators, helpers;
  const auto& topo = g_.topologicalOrder();
  for (auto it = topo.rbegin(); it != topo.rend(); ++it)
    if (z[*it] != 0 && yAncestors_[*it] != 0) (xDescendants[*it] != 0 ? mediators : helpers).push_back(*it);
  mediators.insert(mediators.end(), helpers.begin(), helpers.end());
  return mediators;
}

}  // namespace causeway::identification::detail
