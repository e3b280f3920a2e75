#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"

namespace causeway::graph {

// An immutable, dense snapshot of a CausalGraph for analyses: nodes are indices 0..n-1 (in the
// graph's node order) with compressed adjacency arrays. Cheap to copy to a worker thread, O(n+m)
// to build, and independent of later edits to the graph.
class IndexedGraph {
 public:
  using Index = std::uint32_t;

  IndexedGraph() = default;
  explicit IndexedGraph(const CausalGraph& graph);

  [[nodiscard]] std::size_t size() const { return ids_.size(); }
  [[nodiscard]] std::size_t directedEdgeCount() const { return childTargets_.size(); }
  [[nodiscard]] std::size_t bidirectedEdgeCount() const { return siblingTargets_.size() / 2; }

  [[nodiscard]] std::span<const Index> parents(Index v) const { return slice(parentStart_, parentTargets_, v); }
  [[nodiscard]] std::span<const Index> children(Index v) const { return slice(childStart_, childTargets_, v); }
  [[nodiscard]] std::span<const Index> siblings(Index v) const { return slice(siblingStart_, siblingTargets_, v); }

  [[nodiscard]] NodeId id(Index v) const { return ids_[v]; }
  [[nodiscard]] const std::string& name(Index v) const { return names_[v]; }
  [[nodiscard]] RoleSet roles(Index v) const { return roles_[v]; }
  [[nodiscard]] bool has(Index v, Role role) const { return roles_[v].has(role); }
  [[nodiscard]] std::optional<Index> indexOf(NodeId id) const;
  [[nodiscard]] std::optional<Index> find(std::string_view name) const;
  [[nodiscard]] std::vector<Index> withRole(Role role) const;

  // Indices in a topological order of the directed part (parents before children).
  [[nodiscard]] const std::vector<Index>& topologicalOrder() const { return topo_; }

 private:
  static std::span<const Index> slice(const std::vector<std::uint32_t>& start,
                                      const std::vector<Index>& targets, Index v) {
    return {targets.data() + start[v], targets.data() + start[v + 1]};
  }

  std::vector<NodeId> ids_;
  std::vector<std::string> names_;
  std::vector<RoleSet> roles_;
  std::unordered_map<NodeId, Index> indexOfId_;
  std::unordered_map<std::string, Index> indexOfName_;
  std::vector<std::uint32_t> parentStart_, childStart_, siblingStart_;
  std::vector<Index> parentTargets_, childTargets_, siblingTargets_;
  std::vector<Index> topo_;
};

}  // namespace causeway::graph
