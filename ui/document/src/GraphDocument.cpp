#include "causeway/ui/document/GraphDocument.hpp"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "causeway/graph/DagittySyntax.hpp"

namespace causeway::ui {

GraphDocument::GraphDocument(QObject* parent) : QObject(parent) {}

GraphDocument::~GraphDocument() {
  // Commands refer to the document: destroy them while it still exists.
  undoStack_.clear();
}

QPointF GraphDocument::scenePosition(graph::NodeId id) const {
  const auto& position = graph_.node(id).position;
  if (!position) return {};
  return {position->x * scale_, position->y * scale_};
}

graph::Point GraphDocument::toModel(QPointF scenePoint) const {
  // A thousandth of a model unit is well under a pixel at any sensible scale.
  auto round = [](double v) { return std::round(v * 1000.0) / 1000.0; };
  return {round(scenePoint.x() / scale_), round(scenePoint.y() / scale_)};
}

void GraphDocument::exec(QUndoCommand* command) {
  if (undoSuspended_ > 0) {
    command->redo();
    delete command;
    return;
  }
  undoStack_.push(command);
}

QString GraphDocument::serialize() const {
  QStringList pinnedNames;
  for (graph::NodeId id : pinned_)
    if (graph_.contains(id)) pinnedNames << QString::fromStdString(graph_.name(id));
  pinnedNames.sort();
  return QString::fromStdString(graph::writeDagitty(graph_)) + QStringLiteral("scale %1\npinned %2\n")
                                                                   .arg(scale_, 0, 'g', 12)
                                                                   .arg(pinnedNames.join(QLatin1Char(',')));
}

void GraphDocument::touch(bool affectsAnalysis) {
  ++revision_;
  if (affectsAnalysis) ++analysisRevision_;
  Q_EMIT changed();
  if (affectsAnalysis) Q_EMIT analysisInputChanged();
}

void GraphDocument::insertNode(const graph::NodeData& node) {
  if (!graph_.restoreNode(node)) return;  // commands validate first; a failure here is a no-op
  Q_EMIT nodeAdded(node.id);
  touch(true);
}

void GraphDocument::eraseNode(graph::NodeId id) {
  if (!graph_.contains(id)) return;
  const std::vector<graph::EdgeData> edges = graph_.incidentEdges(id);
  // Edges first, so listeners never see an edge whose node is gone.
  for (const graph::EdgeData& e : edges) {
    graph_.removeEdge(e.from, e.to, e.kind);
    Q_EMIT edgeRemoved(e);
  }
  graph_.removeNode(id);
  pinned_.remove(id);
  Q_EMIT nodeRemoved(id);
  touch(true);
}

void GraphDocument::insertEdge(const graph::EdgeData& edge) {
  if (!graph_.addEdgeUnchecked(edge)) return;
  Q_EMIT edgeAdded(edge);
  touch(true);
}

void GraphDocument::eraseEdge(const graph::EdgeData& edge) {
  const auto stored = graph_.edge(edge.from, edge.to, edge.kind);
  if (!stored || !graph_.removeEdge(edge.from, edge.to, edge.kind)) return;
  Q_EMIT edgeRemoved(*stored);
  touch(true);
}

void GraphDocument::restoreItems(const std::vector<graph::NodeId>& nodeOrder,
                                 const std::vector<graph::EdgeData>& edgeOrder,
                                 const std::vector<graph::NodeData>& removedNodes,
                                 const std::vector<graph::EdgeData>& removedEdges) {
  // CausalGraph appends on insertion; rebuilding in the saved order makes undo exact, so the
  // model text after undo is byte-for-byte what it was.
  std::unordered_map<graph::NodeId, const graph::NodeData*> removedById;
  for (const graph::NodeData& n : removedNodes) removedById[n.id] = &n;
  graph::CausalGraph rebuilt;
  for (const auto& [key, value] : graph_.attributes()) rebuilt.setAttribute(key, value);
  for (graph::NodeId id : nodeOrder) {
    if (graph_.contains(id)) (void)rebuilt.restoreNode(graph_.node(id));
    else if (auto it = removedById.find(id); it != removedById.end()) (void)rebuilt.restoreNode(*it->second);
  }
  for (const graph::EdgeData& e : edgeOrder) (void)rebuilt.addEdgeUnchecked(e);
  graph_ = std::move(rebuilt);
  for (const graph::NodeData& n : removedNodes) Q_EMIT nodeAdded(n.id);
  for (const graph::EdgeData& e : removedEdges) Q_EMIT edgeAdded(e);
  touch(true);
}

void GraphDocument::changeName(graph::NodeId id, const std::string& name) {
  if (!graph_.contains(id) || !graph_.renameNode(id, name)) return;
  Q_EMIT nodeChanged(id);
  touch(true);
}

void GraphDocument::changeRoles(graph::NodeId id, graph::RoleSet roles) {
  if (!graph_.contains(id)) return;
  graph_.setRoles(id, roles);
  Q_EMIT nodeChanged(id);
  touch(true);
}

void GraphDocument::changePosition(graph::NodeId id, std::optional<graph::Point> position) {
  if (!graph_.contains(id)) return;
  graph_.setPosition(id, position);
  Q_EMIT nodeMoved(id);
  touch(false);
}

void GraphDocument::changePinned(graph::NodeId id, bool pinned) {
  if (!graph_.contains(id) || pinned_.contains(id) == pinned) return;
  if (pinned) pinned_.insert(id);
  else pinned_.remove(id);
  Q_EMIT nodeChanged(id);
  touch(false);
}

void GraphDocument::resetModel(const graph::CausalGraph& graph, double scale, const QSet<graph::NodeId>& pinned) {
  graph_ = graph;
  scale_ = scale > 0.0 ? scale : 100.0;
  pinned_.clear();
  for (graph::NodeId id : pinned)
    if (graph_.contains(id)) pinned_.insert(id);
  Q_EMIT modelReset();
  touch(true);
}

}  // namespace causeway::ui
