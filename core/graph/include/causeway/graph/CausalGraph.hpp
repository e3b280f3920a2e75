#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/graph/Types.hpp"

namespace causeway::graph {

// A node attribute Causeway does not interpret (DAGitty's label="...", or any other key), kept so
// that the model text is written back as it was read.
struct NodeAttribute {
  std::string key;
  std::optional<std::string> value;  // nullopt for a bare key such as [foo]
  bool operator==(const NodeAttribute&) const = default;
};

struct NodeData {
  NodeId id = kNoNode;
  std::string name;
  RoleSet roles;
  std::optional<Point> position;
  std::vector<NodeAttribute> otherAttributes = {};  // reading order
  bool operator==(const NodeData&) const = default;
};

struct EdgeData {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  EdgeKind kind = EdgeKind::Directed;
  std::optional<Point> controlPoint;  // DAGitty's edge pos="x,y" (curved edge), kept for round trips
  bool operator==(const EdgeData&) const = default;
};

// The causal diagram: named nodes with roles and optional positions, directed and bidirected
// edges, always acyclic in its directed part. Stored on a Boost.Graph adjacency list; nodes are
// addressed by stable NodeIds (never by Boost descriptors). Node and edge order is insertion order,
// so writers are deterministic.
class CausalGraph {
 public:
  CausalGraph();
  ~CausalGraph();
  CausalGraph(const CausalGraph& other);
  CausalGraph& operator=(const CausalGraph& other);
  CausalGraph(CausalGraph&&) noexcept;
  CausalGraph& operator=(CausalGraph&&) noexcept;

  // Nodes ------------------------------------------------------------------------------------
  // Fails on an empty name or a name already in use.
  Result<NodeId> addNode(std::string name, RoleSet roles = {}, std::optional<Point> position = {});
  // Re-creates a node with a given id (undo of a removal); fails if the id or name is taken.
  Result<void> restoreNode(const NodeData& node);
  // Removes the node and every edge touching it; returns the removed edges (for undo).
  std::vector<EdgeData> removeNode(NodeId id);
  Result<void> renameNode(NodeId id, std::string name);
  void setRoles(NodeId id, RoleSet roles);
  void setRole(NodeId id, Role role, bool on);
  void setPosition(NodeId id, std::optional<Point> position);

  [[nodiscard]] bool contains(NodeId id) const;
  [[nodiscard]] std::optional<NodeId> findNode(std::string_view name) const;
  [[nodiscard]] const NodeData& node(NodeId id) const;  // precondition: contains(id)
  [[nodiscard]] const std::string& name(NodeId id) const { return node(id).name; }
  [[nodiscard]] RoleSet roles(NodeId id) const { return node(id).roles; }
  [[nodiscard]] std::vector<NodeId> nodeIds() const;  // insertion order
  [[nodiscard]] std::vector<NodeId> nodesWithRole(Role role) const;
  [[nodiscard]] std::size_t nodeCount() const;
  [[nodiscard]] NodeId nextNodeId() const;

  // Edges ------------------------------------------------------------------------------------
  // Fails on unknown nodes, a self-loop, a duplicate edge, or (directed) a cycle, naming it.
  Result<void> addEdge(NodeId from, NodeId to, EdgeKind kind = EdgeKind::Directed,
                       std::optional<Point> controlPoint = {});
  Result<void> addEdge(const EdgeData& edge) { return addEdge(edge.from, edge.to, edge.kind, edge.controlPoint); }
  // Bulk loading: no cycle check per edge; call findCycle() once afterwards.
  Result<void> addEdgeUnchecked(const EdgeData& edge);
  bool removeEdge(NodeId from, NodeId to, EdgeKind kind);  // bidirected matches either orientation
  void setEdgeControlPoint(NodeId from, NodeId to, EdgeKind kind, std::optional<Point> controlPoint);

  [[nodiscard]] bool hasEdge(NodeId from, NodeId to, EdgeKind kind) const;
  [[nodiscard]] std::optional<EdgeData> edge(NodeId from, NodeId to, EdgeKind kind) const;
  [[nodiscard]] std::vector<EdgeData> edges() const;  // grouped by source node, insertion order
  [[nodiscard]] std::vector<EdgeData> incidentEdges(NodeId id) const;
  [[nodiscard]] std::size_t edgeCount() const;
  [[nodiscard]] std::vector<NodeId> parents(NodeId id) const;
  [[nodiscard]] std::vector<NodeId> children(NodeId id) const;
  [[nodiscard]] std::vector<NodeId> siblings(NodeId id) const;  // bidirected neighbours

  // Directed path to -> ... -> from that adding from -> to would close, or nullopt.
  [[nodiscard]] std::optional<std::vector<NodeId>> cycleIfAdded(NodeId from, NodeId to) const;
  // Some directed cycle (first node repeated at the end is omitted), or nullopt if acyclic.
  [[nodiscard]] std::optional<std::vector<NodeId>> findCycle() const;
  // "A -> B -> C -> A"
  [[nodiscard]] std::string describeCycle(const std::vector<NodeId>& cycle) const;

  // Graph-level attributes from model text (e.g. DAGitty's bb="..."), kept for round trips.
  [[nodiscard]] const std::map<std::string, std::string>& attributes() const { return attributes_; }
  void setAttribute(const std::string& key, std::string value) { attributes_[key] = std::move(value); }

  bool operator==(const CausalGraph& other) const;  // same nodes, ids, roles, positions, edges

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::map<std::string, std::string> attributes_;
};

}  // namespace causeway::graph
