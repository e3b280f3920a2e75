#pragma once

#include <optional>
#include <span>

#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/MixedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

// The O(n + m) steps of front-door search for one exposure X and outcome Y (after Wienöbst,
// van der Zander & Liśkiewicz, AAAI 2024). Conditions as in FrontDoor.hpp: (i) Z intercepts
// every directed path X -> ... -> Y, (ii) no open back-door path from X to Z, (iii) X blocks
// every back-door path from Z to Y. Internal to the identification module.
namespace causeway::identification::detail {

class FrontDoorSearch {
 public:
  FrontDoorSearch(const graph::IndexedGraph& g, Index x, Index y);

  // The largest subset of `allowed` satisfying (ii) and (iii); every such subset lies inside it.
  [[nodiscard]] NodeMask largest(NodeMask allowed) const;
  // (i): no directed path from X to Y avoids Z.
  [[nodiscard]] bool intercepts(const NodeMask& z) const;
  // Is there a front-door set Z with required ⊆ Z ⊆ allowed?
  [[nodiscard]] bool feasible(const NodeMask& required, const NodeMask& allowed) const;
  // Nodes every front-door set Z ⊆ allowed holds for (i): those of largest(allowed) that are
  // the only one of it on some causal path X -> ... -> Y.
  [[nodiscard]] NodeMask forcedByCausalPaths(const NodeMask& allowed) const;
  // The criterion for one given set.
  [[nodiscard]] bool valid(std::span<const Index> z) const;
  // One front-door set in O(n + m) (not necessarily minimal), or nullopt when none exists.
  [[nodiscard]] std::optional<NodeSet> findOne() const;
  // Nodes of the largest set that are ancestors of Y, mediators first, or none when no
  // front-door set exists.
  [[nodiscard]] NodeSet candidates() const;
  // Rough cost of one feasible() call, for work budgets: nodes plus edges.
  [[nodiscard]] std::size_t checkCost() const { return cost_; }

 private:
  const graph::IndexedGraph& g_;
  Index x_, y_;
  MixedGraph graph_;
  NodeMask conditioned_;  // X and the selected nodes: what every (iii) walk is given
  NodeMask base_;         // observed nodes other than X, Y and selected that satisfy (ii)
  NodeMask yAncestors_;
  std::size_t cost_ = 0;
};

}  // namespace causeway::identification::detail
