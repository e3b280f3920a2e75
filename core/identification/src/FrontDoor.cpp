#include "causeway/identification/FrontDoor.hpp"

#include <functional>

#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/GraphTransforms.hpp"

namespace causeway::identification {

using graph::Role;

namespace {

class FrontDoorSearch {
 public:
  FrontDoorSearch(const graph::IndexedGraph& g, Index x, Index y)
      : g_(g), x_(x), y_(y), graph_(g), selected_(maskOf(g.withRole(Role::Selected), g.size())) {
    selected_[x] = selected_[y] = 0;
    // (ii) per node: no open path from X into the node once X's outgoing edges are gone.
    NodeMask onlyX(g.size(), 0);
    onlyX[x] = 1;
    const NodeMask reached = dConnected(withoutOutgoingEdges(graph_, onlyX), NodeSet{x}, selected_);
    base_.assign(g.size(), 0);
    for (Index v = 0; v < g.size(); ++v)
      base_[v] = static_cast<std::uint8_t>(v != x && v != y && !g.has(v, Role::Latent) && !g.has(v, Role::Selected) &&
                                           reached[v] == 0);
    yAncestors_ = ancestors(graph_, NodeSet{y});
  }

  // The largest subset of `allowed` satisfying (ii) and (iii).
  NodeMask largest(NodeMask allowed) const {
    for (Index v = 0; v < g_.size(); ++v) allowed[v] = static_cast<std::uint8_t>(allowed[v] & base_[v]);
    NodeMask cond = selected_;
    cond[x_] = 1;
    for (;;) {
      const NodeMask reached = dConnected(withoutOutgoingEdges(graph_, allowed), NodeSet{y_}, cond);
      bool changed = false;
      for (Index v = 0; v < g_.size(); ++v)
        if (allowed[v] != 0 && reached[v] != 0) allowed[v] = 0, changed = true;
      if (!changed) return allowed;
    }
  }

  // (i): no directed path from X to Y avoiding Z.
  bool intercepts(const NodeMask& z) const {
    NodeMask seen(g_.size(), 0);
    std::vector<Index> stack{x_};
    seen[x_] = 1;
    while (!stack.empty()) {
      const Index v = stack.back();
      stack.pop_back();
      if (v == y_) return false;
      for (Index c : graph_.children(v))
        if (seen[c] == 0 && z[c] == 0) seen[c] = 1, stack.push_back(c);
    }
    return true;
  }

  // Is there a front-door set Z with required ⊆ Z ⊆ allowed?
  bool feasible(const NodeMask& required, const NodeMask& allowed) const {
    const NodeMask z = largest(allowed);
    for (Index v = 0; v < g_.size(); ++v)
      if (required[v] != 0 && z[v] == 0) return false;
    return intercepts(z);
  }

  bool valid(std::span<const Index> z) const {
    const NodeMask mask = maskOf(z, g_.size());
    for (Index v : z)
      if (base_[v] == 0) return false;
    NodeMask cond = selected_;
    cond[x_] = 1;
    return intercepts(mask) && !intersects(z, dConnected(withoutOutgoingEdges(graph_, mask), NodeSet{y_}, cond));
  }

  // Front-door candidates: nodes of the largest set that are ancestors of Y (a front-door set
  // keeps its validity when nodes outside An(Y) are dropped).
  NodeSet candidates() const {
    const NodeMask z = largest(NodeMask(g_.size(), 1));
    if (!intercepts(z)) return {};
    NodeSet out;
    for (Index v = 0; v < g_.size(); ++v)
      if (z[v] != 0 && yAncestors_[v] != 0) out.push_back(v);
    return out;
  }
  [[nodiscard]] bool exists() const { return intercepts(largest(NodeMask(g_.size(), 1))); }
  [[nodiscard]] std::size_t size() const { return g_.size(); }

 private:
  const graph::IndexedGraph& g_;
  Index x_, y_;
  MixedGraph graph_;
  NodeMask selected_, base_, yAncestors_;
};

}  // namespace

bool isFrontDoorSet(const graph::IndexedGraph& g, Index exposure, Index outcome, std::span<const Index> z) {
  if (exposure == outcome) return false;
  return FrontDoorSearch(g, exposure, outcome).valid(z);
}

std::optional<NodeSet> findFrontDoorSet(const graph::IndexedGraph& g, Index exposure, Index outcome) {
  if (exposure == outcome) return std::nullopt;
  const FrontDoorSearch search(g, exposure, outcome);
  if (!search.exists()) return std::nullopt;
  NodeSet z = search.candidates();
  for (std::size_t i = 0; i < z.size();) {
    NodeSet smaller = z;
    smaller.erase(smaller.begin() + static_cast<std::ptrdiff_t>(i));
    if (search.valid(smaller)) z = std::move(smaller);
    else ++i;
  }
  return z;
}

EnumerationOutcome listMinimalFrontDoorSets(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                            const SetCallback& onSet, std::size_t maxSets, const Progress& progress) {
  EnumerationOutcome result;
  if (exposure == outcome) return result;
  const FrontDoorSearch search(g, exposure, outcome);
  if (!search.exists()) return result;
  const NodeSet order = search.candidates();
  // The search recurses once per candidate; beyond this, report the one set findFrontDoorSet gives.
  constexpr std::size_t kMaxCandidates = 4000;
  if (order.size() > kMaxCandidates) {
    const auto one = findFrontDoorSet(g, exposure, outcome);
    if (one && maxSets > 0) {
      result.count = 1;
      (void)onSet(*one);
    }
    result.truncated = true;
    return result;
  }
  std::vector<NodeSet> found;
  NodeMask required(g.size(), 0), allowed = maskOf(order, g.size());
  NodeSet chosen;
  bool stop = false;
  // Depth-first over the candidates, "leave out" before "take": every subset of a set is met
  // before the set, so a leaf that contains no earlier set is minimal.
  auto containsFound = [&]() {
    for (const NodeSet& f : found)
      if (isSubset(f, chosen)) return true;
    return false;
  };
  std::function<void(std::size_t)> visit = [&](std::size_t depth) {
    if (stop) return;
    if (progress.cancelled()) {
      result.cancelled = stop = true;
      return;
    }
    if (containsFound()) return;
    if (depth == order.size()) {
      if (result.count >= maxSets) {
        result.truncated = stop = true;
        return;
      }
      found.push_back(chosen);
      ++result.count;
      if (!onSet(chosen)) result.truncated = stop = true;
      return;
    }
    const Index v = order[depth];
    allowed[v] = 0;
    if (search.feasible(required, allowed)) visit(depth + 1);
    allowed[v] = 1;
    if (stop) return;
    required[v] = 1;
    chosen.push_back(v);
    if (search.feasible(required, allowed)) visit(depth + 1);
    chosen.pop_back();
    required[v] = 0;
  };
  visit(0);
  return result;
}

}  // namespace causeway::identification
