#include "causeway/graph/IndexedGraph.hpp"

#include <stdexcept>

namespace causeway::graph {

namespace {

// Compressed adjacency from per-node lists.
void compress(const std::vector<std::vector<IndexedGraph::Index>>& lists, std::vector<std::uint32_t>& start,
              std::vector<IndexedGraph::Index>& targets) {
  start.assign(lists.size() + 1, 0);
  for (std::size_t v = 0; v < lists.size(); ++v) start[v + 1] = start[v] + static_cast<std::uint32_t>(lists[v].size());
  targets.clear();
  targets.reserve(start.back());
  for (const auto& list : lists) targets.insert(targets.end(), list.begin(), list.end());
}

}  // namespace

IndexedGraph::IndexedGraph(const CausalGraph& graph) {
  const std::vector<NodeId> ids = graph.nodeIds();
  const std::size_t n = ids.size();
  ids_ = ids;
  names_.reserve(n);
  roles_.reserve(n);
  indexOfId_.reserve(n);
  indexOfName_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const NodeData& data = graph.node(ids[i]);
    names_.push_back(data.name);
    roles_.push_back(data.roles);
    indexOfId_.emplace(ids[i], static_cast<Index>(i));
    indexOfName_.emplace(data.name, static_cast<Index>(i));
  }
  std::vector<std::vector<Index>> parents(n), children(n), siblings(n);
  for (const EdgeData& e : graph.edges()) {
    Index a = indexOfId_.at(e.from);
    Index b = indexOfId_.at(e.to);
    if (e.kind == EdgeKind::Directed) {
      children[a].push_back(b);
      parents[b].push_back(a);
    } else {
      siblings[a].push_back(b);
      siblings[b].push_back(a);
    }
  }
  compress(parents, parentStart_, parentTargets_);
  compress(children, childStart_, childTargets_);
  compress(siblings, siblingStart_, siblingTargets_);

  // Kahn's algorithm; the graph guarantees acyclicity, checked here because analyses rely on it.
  std::vector<std::uint32_t> indegree(n);
  for (std::size_t v = 0; v < n; ++v) indegree[v] = static_cast<std::uint32_t>(parents[v].size());
  topo_.reserve(n);
  for (std::size_t v = 0; v < n; ++v)
    if (indegree[v] == 0) topo_.push_back(static_cast<Index>(v));
  for (std::size_t head = 0; head < topo_.size(); ++head)
    for (Index c : children[topo_[head]])
      if (--indegree[c] == 0) topo_.push_back(c);
  if (topo_.size() != n) throw std::invalid_argument("IndexedGraph: the directed part of the graph has a cycle");
}

std::optional<IndexedGraph::Index> IndexedGraph::indexOf(NodeId id) const {
  auto it = indexOfId_.find(id);
  if (it == indexOfId_.end()) return std::nullopt;
  return it->second;
}

std::optional<IndexedGraph::Index> IndexedGraph::find(std::string_view name) const {
  auto it = indexOfName_.find(std::string(name));
  if (it == indexOfName_.end()) return std::nullopt;
  return it->second;
}

std::vector<IndexedGraph::Index> IndexedGraph::withRole(Role role) const {
  std::vector<Index> out;
  for (std::size_t v = 0; v < size(); ++v)
    if (roles_[v].has(role)) out.push_back(static_cast<Index>(v));
  return out;
}

}  // namespace causeway::graph
