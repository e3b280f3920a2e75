#include "causeway/graph/CausalGraph.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>

namespace causeway::graph {

namespace {

struct VertexProps {
  NodeData data;
};
struct EdgeProps {
  EdgeKind kind = EdgeKind::Directed;
  std::optional<Point> controlPoint;
};

// listS vertices keep descriptors valid when other vertices are removed; listS out-edges keep
// insertion order, which the writers rely on.
using BoostGraph = boost::adjacency_list<boost::listS, boost::listS, boost::bidirectionalS, VertexProps, EdgeProps>;
using Vertex = BoostGraph::vertex_descriptor;

}  // namespace

struct CausalGraph::Impl {
  BoostGraph g;
  std::unordered_map<NodeId, Vertex> vertexOf;
  std::unordered_map<std::string, NodeId> idOfName;
  NodeId nextId = 0;

  Vertex vertex(NodeId id) const {
    auto it = vertexOf.find(id);
    if (it == vertexOf.end()) throw std::out_of_range("CausalGraph: unknown node id " + std::to_string(id));
    return it->second;
  }
  NodeId idOf(Vertex v) const { return g[v].data.id; }

  // The stored edge matching (from, to, kind); bidirected edges match either orientation.
  std::optional<BoostGraph::edge_descriptor> findEdge(NodeId from, NodeId to, EdgeKind kind) const {
    auto a = vertexOf.find(from);
    auto b = vertexOf.find(to);
    if (a == vertexOf.end() || b == vertexOf.end()) return std::nullopt;
    auto search = [&](Vertex s, Vertex t) -> std::optional<BoostGraph::edge_descriptor> {
      for (auto [it, end] = boost::out_edges(s, g); it != end; ++it)
        if (boost::target(*it, g) == t && g[*it].kind == kind) return *it;
      return std::nullopt;
    };
    if (auto e = search(a->second, b->second)) return e;
    if (kind == EdgeKind::Bidirected) return search(b->second, a->second);
    return std::nullopt;
  }

  EdgeData edgeData(BoostGraph::edge_descriptor e) const {
    return EdgeData{idOf(boost::source(e, g)), idOf(boost::target(e, g)), g[e].kind, g[e].controlPoint};
  }
};

CausalGraph::CausalGraph() : impl_(std::make_unique<Impl>()) {}
CausalGraph::~CausalGraph() = default;
CausalGraph::CausalGraph(CausalGraph&&) noexcept = default;
CausalGraph& CausalGraph::operator=(CausalGraph&&) noexcept = default;

CausalGraph::CausalGraph(const CausalGraph& other) : impl_(std::make_unique<Impl>()), attributes_(other.attributes_) {
  for (NodeId id : other.nodeIds()) (void)restoreNode(other.node(id));
  for (const EdgeData& e : other.edges()) (void)addEdgeUnchecked(e);
  impl_->nextId = other.impl_->nextId;
}

CausalGraph& CausalGraph::operator=(const CausalGraph& other) {
  if (this != &other) *this = CausalGraph(other);
  return *this;
}

Result<NodeId> CausalGraph::addNode(std::string name, RoleSet roles, std::optional<Point> position) {
  NodeData data{impl_->nextId, std::move(name), roles, position};
  if (auto r = restoreNode(data); !r) return r.error();
  return data.id;
}

Result<void> CausalGraph::restoreNode(const NodeData& node) {
  if (node.name.empty()) return makeError(ErrorCode::InvalidArgument, "a node needs a name");
  if (node.id == kNoNode) return makeError(ErrorCode::InvalidArgument, "invalid node id");
  if (impl_->idOfName.contains(node.name))
    return makeError(ErrorCode::DuplicateNode, "a node named '" + node.name + "' already exists", ErrorContext::about(node.name));
  if (impl_->vertexOf.contains(node.id))
    return makeError(ErrorCode::DuplicateNode, "node id " + std::to_string(node.id) + " is already in use");
  Vertex v = boost::add_vertex(VertexProps{node}, impl_->g);
  impl_->vertexOf.emplace(node.id, v);
  impl_->idOfName.emplace(node.name, node.id);
  impl_->nextId = std::max(impl_->nextId, node.id + 1);
  return Ok{};
}

std::vector<EdgeData> CausalGraph::removeNode(NodeId id) {
  if (!contains(id)) return {};
  std::vector<EdgeData> removed = incidentEdges(id);
  Vertex v = impl_->vertex(id);
  impl_->idOfName.erase(impl_->g[v].data.name);
  boost::clear_vertex(v, impl_->g);
  boost::remove_vertex(v, impl_->g);
  impl_->vertexOf.erase(id);
  return removed;
}

Result<void> CausalGraph::renameNode(NodeId id, std::string name) {
  if (!contains(id)) return makeError(ErrorCode::UnknownNode, "unknown node id " + std::to_string(id));
  if (name.empty()) return makeError(ErrorCode::InvalidArgument, "a node needs a name");
  NodeData& data = impl_->g[impl_->vertex(id)].data;
  if (data.name == name) return Ok{};
  if (impl_->idOfName.contains(name))
    return makeError(ErrorCode::DuplicateNode, "a node named '" + name + "' already exists", ErrorContext::about(name));
  impl_->idOfName.erase(data.name);
  impl_->idOfName.emplace(name, id);
  data.name = std::move(name);
  return Ok{};
}

void CausalGraph::setRoles(NodeId id, RoleSet roles) { impl_->g[impl_->vertex(id)].data.roles = roles; }
void CausalGraph::setRole(NodeId id, Role role, bool on) { impl_->g[impl_->vertex(id)].data.roles.set(role, on); }
void CausalGraph::setPosition(NodeId id, std::optional<Point> position) {
  impl_->g[impl_->vertex(id)].data.position = position;
}

bool CausalGraph::contains(NodeId id) const { return impl_->vertexOf.contains(id); }

std::optional<NodeId> CausalGraph::findNode(std::string_view name) const {
  auto it = impl_->idOfName.find(std::string(name));
  if (it == impl_->idOfName.end()) return std::nullopt;
  return it->second;
}

const NodeData& CausalGraph::node(NodeId id) const { return impl_->g[impl_->vertex(id)].data; }

std::vector<NodeId> CausalGraph::nodeIds() const {
  std::vector<NodeId> ids;
  ids.reserve(nodeCount());
  for (auto [it, end] = boost::vertices(impl_->g); it != end; ++it) ids.push_back(impl_->idOf(*it));
  return ids;
}

std::vector<NodeId> CausalGraph::nodesWithRole(Role role) const {
  std::vector<NodeId> ids;
  for (auto [it, end] = boost::vertices(impl_->g); it != end; ++it)
    if (impl_->g[*it].data.roles.has(role)) ids.push_back(impl_->idOf(*it));
  return ids;
}

std::size_t CausalGraph::nodeCount() const { return impl_->vertexOf.size(); }
NodeId CausalGraph::nextNodeId() const { return impl_->nextId; }

Result<void> CausalGraph::addEdgeUnchecked(const EdgeData& edge) {
  const auto unknown = [&](NodeId id) {
    return makeError(ErrorCode::UnknownNode, "unknown node id " + std::to_string(id));
  };
  if (!contains(edge.from)) return unknown(edge.from);
  if (!contains(edge.to)) return unknown(edge.to);
  if (edge.from == edge.to)
    return makeError(ErrorCode::SelfLoop, "an edge from '" + name(edge.from) + "' to itself is not allowed",
                     ErrorContext::about(name(edge.from)));
  if (impl_->findEdge(edge.from, edge.to, edge.kind)) {
    const char* arrow = edge.kind == EdgeKind::Directed ? " -> " : " <-> ";
    return makeError(ErrorCode::InvalidArgument,
                     "the edge " + name(edge.from) + arrow + name(edge.to) + " already exists");
  }
  auto [e, added] = boost::add_edge(impl_->vertex(edge.from), impl_->vertex(edge.to),
                                    EdgeProps{edge.kind, edge.controlPoint}, impl_->g);
  (void)e;
  (void)added;
  return Ok{};
}

Result<void> CausalGraph::addEdge(NodeId from, NodeId to, EdgeKind kind, std::optional<Point> controlPoint) {
  if (kind == EdgeKind::Directed && contains(from) && contains(to) && from != to) {
    if (auto path = cycleIfAdded(from, to)) {
      std::vector<NodeId> cycle{from};
      cycle.insert(cycle.end(), path->begin(), path->end() - 1);
      return makeError(ErrorCode::Cycle,
                       "adding " + name(from) + " -> " + name(to) + " would create the cycle " + describeCycle(cycle),
                       ErrorContext::about(name(from)));
    }
  }
  return addEdgeUnchecked(EdgeData{from, to, kind, controlPoint});
}

bool CausalGraph::removeEdge(NodeId from, NodeId to, EdgeKind kind) {
  auto e = impl_->findEdge(from, to, kind);
  if (!e) return false;
  boost::remove_edge(*e, impl_->g);
  return true;
}

void CausalGraph::setEdgeControlPoint(NodeId from, NodeId to, EdgeKind kind, std::optional<Point> controlPoint) {
  if (auto e = impl_->findEdge(from, to, kind)) impl_->g[*e].controlPoint = controlPoint;
}

bool CausalGraph::hasEdge(NodeId from, NodeId to, EdgeKind kind) const {
  return impl_->findEdge(from, to, kind).has_value();
}

std::optional<EdgeData> CausalGraph::edge(NodeId from, NodeId to, EdgeKind kind) const {
  auto e = impl_->findEdge(from, to, kind);
  if (!e) return std::nullopt;
  return impl_->edgeData(*e);
}

std::vector<EdgeData> CausalGraph::edges() const {
  std::vector<EdgeData> out;
  out.reserve(edgeCount());
  for (auto [v, vend] = boost::vertices(impl_->g); v != vend; ++v)
    for (auto [e, eend] = boost::out_edges(*v, impl_->g); e != eend; ++e) out.push_back(impl_->edgeData(*e));
  return out;
}

std::vector<EdgeData> CausalGraph::incidentEdges(NodeId id) const {
  std::vector<EdgeData> out;
  if (!contains(id)) return out;
  Vertex v = impl_->vertex(id);
  for (auto [e, end] = boost::out_edges(v, impl_->g); e != end; ++e) out.push_back(impl_->edgeData(*e));
  for (auto [e, end] = boost::in_edges(v, impl_->g); e != end; ++e) out.push_back(impl_->edgeData(*e));
  return out;
}

std::size_t CausalGraph::edgeCount() const { return boost::num_edges(impl_->g); }

std::vector<NodeId> CausalGraph::parents(NodeId id) const {
  std::vector<NodeId> out;
  for (auto [e, end] = boost::in_edges(impl_->vertex(id), impl_->g); e != end; ++e)
    if (impl_->g[*e].kind == EdgeKind::Directed) out.push_back(impl_->idOf(boost::source(*e, impl_->g)));
  return out;
}

std::vector<NodeId> CausalGraph::children(NodeId id) const {
  std::vector<NodeId> out;
  for (auto [e, end] = boost::out_edges(impl_->vertex(id), impl_->g); e != end; ++e)
    if (impl_->g[*e].kind == EdgeKind::Directed) out.push_back(impl_->idOf(boost::target(*e, impl_->g)));
  return out;
}

std::vector<NodeId> CausalGraph::siblings(NodeId id) const {
  std::vector<NodeId> out;
  Vertex v = impl_->vertex(id);
  for (auto [e, end] = boost::out_edges(v, impl_->g); e != end; ++e)
    if (impl_->g[*e].kind == EdgeKind::Bidirected) out.push_back(impl_->idOf(boost::target(*e, impl_->g)));
  for (auto [e, end] = boost::in_edges(v, impl_->g); e != end; ++e)
    if (impl_->g[*e].kind == EdgeKind::Bidirected) out.push_back(impl_->idOf(boost::source(*e, impl_->g)));
  return out;
}

std::optional<std::vector<NodeId>> CausalGraph::cycleIfAdded(NodeId from, NodeId to) const {
  if (!contains(from) || !contains(to)) return std::nullopt;
  if (from == to) return std::vector<NodeId>{to};
  // Breadth-first search from `to` along directed edges; reaching `from` closes a cycle.
  std::unordered_map<NodeId, NodeId> cameFrom{{to, kNoNode}};
  std::deque<NodeId> queue{to};
  while (!queue.empty()) {
    NodeId current = queue.front();
    queue.pop_front();
    if (current == from) {
      std::vector<NodeId> path;
      for (NodeId n = from; n != kNoNode; n = cameFrom[n]) path.push_back(n);
      std::reverse(path.begin(), path.end());
      return path;
    }
    for (NodeId child : children(current))
      if (cameFrom.emplace(child, current).second) queue.push_back(child);
  }
  return std::nullopt;
}

std::optional<std::vector<NodeId>> CausalGraph::findCycle() const {
  // Iterative depth-first search with colours; a grey child closes a cycle.
  enum class Colour : std::uint8_t { White, Grey, Black };
  std::unordered_map<NodeId, Colour> colour;
  std::unordered_map<NodeId, std::vector<NodeId>> childrenOf;
  for (NodeId id : nodeIds()) {
    colour[id] = Colour::White;
    childrenOf[id] = children(id);
  }
  for (NodeId root : nodeIds()) {
    if (colour[root] != Colour::White) continue;
    std::vector<std::pair<NodeId, std::size_t>> stack{{root, 0}};
    colour[root] = Colour::Grey;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      const auto& kids = childrenOf[node];
      if (next == kids.size()) {
        colour[node] = Colour::Black;
        stack.pop_back();
        continue;
      }
      NodeId child = kids[next++];
      if (colour[child] == Colour::Grey) {
        std::vector<NodeId> cycle;
        auto start = std::find_if(stack.begin(), stack.end(), [&](const auto& f) { return f.first == child; });
        for (auto it = start; it != stack.end(); ++it) cycle.push_back(it->first);
        return cycle;
      }
      if (colour[child] == Colour::White) {
        colour[child] = Colour::Grey;
        stack.emplace_back(child, 0);
      }
    }
  }
  return std::nullopt;
}

std::string CausalGraph::describeCycle(const std::vector<NodeId>& cycle) const {
  // Long cycles are shortened so a message stays readable: first nodes, ..., last node.
  constexpr std::size_t kShown = 12;
  std::string out;
  for (std::size_t i = 0; i < cycle.size(); ++i) {
    if (cycle.size() > kShown && i == kShown - 2) {
      out += "... -> ";
      i = cycle.size() - 2;
      continue;
    }
    out += name(cycle[i]) + " -> ";
  }
  if (!cycle.empty()) out += name(cycle.front());
  if (cycle.size() > kShown) out += " (a cycle of " + std::to_string(cycle.size()) + " nodes)";
  return out;
}

bool CausalGraph::operator==(const CausalGraph& other) const {
  if (attributes_ != other.attributes_ || nodeCount() != other.nodeCount() || edgeCount() != other.edgeCount())
    return false;
  for (NodeId id : nodeIds())
    if (!other.contains(id) || !(node(id) == other.node(id))) return false;
  for (const EdgeData& e : edges()) {
    auto theirs = other.edge(e.from, e.to, e.kind);
    if (!theirs || theirs->controlPoint != e.controlPoint) return false;
  }
  return true;
}

}  // namespace causeway::graph
