#include "causeway/identification/MixedGraph.hpp"

namespace causeway::identification {

namespace {

// Counting sort of (source, target) pairs into compressed rows.
void compress(std::size_t size, std::span<const Edge> edges, bool reversed, std::vector<std::size_t>& start,
              std::vector<Index>& targets) {
  start.assign(size + 1, 0);
  for (const Edge& e : edges) ++start[(reversed ? e.second : e.first) + 1];
  for (std::size_t v = 0; v < size; ++v) start[v + 1] += start[v];
  targets.assign(edges.size(), 0);
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (const Edge& e : edges) {
    const Index from = reversed ? e.second : e.first;
    targets[next[from]++] = reversed ? e.first : e.second;
  }
}

// Each edge in both directions (bidirected and undirected edges are stored from both ends).
std::vector<Edge> bothWays(std::span<const Edge> edges) {
  std::vector<Edge> both;
  both.reserve(edges.size() * 2);
  for (const Edge& e : edges) {
    both.push_back(e);
    both.emplace_back(e.second, e.first);
  }
  return both;
}

}  // namespace

MixedGraph::MixedGraph(std::size_t size, std::span<const Edge> directed, std::span<const Edge> bidirected)
    : size_(size) {
  compress(size, directed, false, childStart_, children_);
  compress(size, directed, true, parentStart_, parents_);
  compress(size, bothWays(bidirected), false, siblingStart_, siblings_);
}

MixedGraph::MixedGraph(const graph::IndexedGraph& g) {
  std::vector<Edge> directed, bidirected;
  directed.reserve(g.directedEdgeCount());
  bidirected.reserve(g.bidirectedEdgeCount());
  for (Index v = 0; v < g.size(); ++v) {
    for (Index c : g.children(v)) directed.emplace_back(v, c);
    for (Index s : g.siblings(v))
      if (v < s) bidirected.emplace_back(v, s);
  }
  *this = MixedGraph(g.size(), directed, bidirected);
}

std::vector<Edge> MixedGraph::directedEdges() const {
  std::vector<Edge> out;
  out.reserve(children_.size());
  for (Index v = 0; v < size_; ++v)
    for (Index c : children(v)) out.emplace_back(v, c);
  return out;
}

std::vector<Edge> MixedGraph::bidirectedEdges() const {
  std::vector<Edge> out;
  for (Index v = 0; v < size_; ++v)
    for (Index s : siblings(v))
      if (v < s) out.emplace_back(v, s);
  return out;
}

UndirectedGraph::UndirectedGraph(std::size_t size, std::span<const Edge> edges) {
  compress(size, bothWays(edges), false, start_, targets_);
}

}  // namespace causeway::identification
