#pragma once

#include <span>
#include <utility>
#include <vector>

#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

namespace causeway::identification {

using Edge = std::pair<Index, Index>;

// The plain graph the analyses transform: nodes 0..n-1 with directed edges (first -> second)
// and bidirected edges (a <-> b, read as a <- U -> b with U unobserved). Roles and names stay
// with the IndexedGraph it came from; transforms (back-door graph, edge removal) return new
// MixedGraphs on the same node indices.
class MixedGraph {
 public:
  MixedGraph() = default;
  MixedGraph(std::size_t size, std::span<const Edge> directed, std::span<const Edge> bidirected);
  explicit MixedGraph(const graph::IndexedGraph& g);

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::span<const Index> parents(Index v) const { return slice(parentStart_, parents_, v); }
  [[nodiscard]] std::span<const Index> children(Index v) const { return slice(childStart_, children_, v); }
  [[nodiscard]] std::span<const Index> siblings(Index v) const { return slice(siblingStart_, siblings_, v); }

  [[nodiscard]] std::vector<Edge> directedEdges() const;
  [[nodiscard]] std::vector<Edge> bidirectedEdges() const;  // each once, first < second

 private:
  static std::span<const Index> slice(const std::vector<std::size_t>& start, const std::vector<Index>& targets,
                                      Index v) {
    return {targets.data() + start[v], targets.data() + start[v + 1]};
  }

  std::size_t size_ = 0;
  std::vector<std::size_t> parentStart_, childStart_, siblingStart_;
  std::vector<Index> parents_, children_, siblings_;
};

// A simple undirected graph in compressed form (the moral graph the separator search runs on).
class UndirectedGraph {
 public:
  UndirectedGraph() = default;
  UndirectedGraph(std::size_t size, std::span<const Edge> edges);

  [[nodiscard]] std::size_t size() const { return start_.empty() ? 0 : start_.size() - 1; }
  [[nodiscard]] std::span<const Index> neighbors(Index v) const {
    return {targets_.data() + start_[v], targets_.data() + start_[v + 1]};
  }

 private:
  std::vector<std::size_t> start_;
  std::vector<Index> targets_;
};

}  // namespace causeway::identification
