#pragma once

#include <span>
#include <vector>

#include "causeway/identification/MixedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

// The graph -> graph steps every analysis is built from (van der Zander, Liśkiewicz & Textor,
// AIJ 2019; Perković et al., JMLR 2018). All are O(n + m) and pure.
namespace causeway::identification {

// The seeds and every node with a directed path into them.
NodeMask ancestors(const MixedGraph& g, std::span<const Index> seeds);
// The seeds and every node reachable from them by a directed path.
NodeMask descendants(const MixedGraph& g, std::span<const Index> seeds);

// cn(X, Y): nodes other than X on a proper causal path X -> ... -> Y (one whose only node in X
// is the first), i.e. the mediators and the outcomes X reaches.
NodeMask properCausalNodes(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y);
// forb(X, Y) = de(cn(X, Y)) ∪ X: nodes an adjustment set must never contain.
NodeMask forbiddenNodes(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y);

// G^pbd: G without the first edge X -> c of every proper causal path (c ∈ cn(X, Y)).
MixedGraph properBackdoorGraph(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y);
// G with every edge out of the given nodes removed (Pearl's G_{underline Z}).
MixedGraph withoutOutgoingEdges(const MixedGraph& g, const NodeMask& nodes);

// The moral graph of an ancestral subgraph, with bidirected edges read as explicit unobserved
// parents. Local indices: the kept original nodes first, then auxiliary nodes (the unobserved
// parents, and one hub per node with three or more parents: the hub stands for the clique of
// married parents, so the moral graph stays O(n + m)). Auxiliary nodes never join a separator.
struct MoralGraph {
  UndirectedGraph graph;
  std::vector<Index> original;  // local -> original index; kNoIndex for auxiliary nodes
  std::vector<Index> local;     // original -> local index; kNoIndex outside the ancestral set

  [[nodiscard]] std::size_t size() const { return original.size(); }
  [[nodiscard]] bool isAuxiliary(Index localNode) const { return original[localNode] == kNoIndex; }
  [[nodiscard]] NodeSet toLocal(std::span<const Index> nodes) const;     // skips nodes outside
  [[nodiscard]] NodeSet toOriginal(std::span<const Index> nodes) const;  // sorted, skips auxiliary
};
// `ancestral` must be closed under parents (e.g. the result of ancestors()).
MoralGraph moralize(const MixedGraph& g, const NodeMask& ancestral);

}  // namespace causeway::identification
