#include "causeway/ui/document/RemoveItemsCommand.hpp"

#include <algorithm>
#include <utility>

namespace causeway::ui {

RemoveItemsCommand::RemoveItemsCommand(GraphDocument& document, std::vector<graph::NodeId> nodes,
                                       std::vector<graph::EdgeData> edges, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), nodes_(std::move(nodes)), edges_(std::move(edges)) {
  const auto& g = document_.graph();
  if (nodes_.size() == 1 && edges_.empty())
    setText(QObject::tr("Delete %1").arg(QString::fromStdString(g.name(nodes_.front()))));
  else if (nodes_.empty() && edges_.size() == 1)
    setText(QObject::tr("Delete edge"));
  else
    setText(QObject::tr("Delete %n item(s)", nullptr, static_cast<int>(nodes_.size() + edges_.size())));
}

void RemoveItemsCommand::redo() {
  const auto& g = document_.graph();
  nodeOrder_ = g.nodeIds();
  edgeOrder_ = g.edges();
  removedNodes_.clear();
  removedEdges_.clear();
  removedPins_.clear();
  auto isRemovedNode = [&](graph::NodeId id) { return std::find(nodes_.begin(), nodes_.end(), id) != nodes_.end(); };
  for (const graph::EdgeData& e : edgeOrder_) {
    const bool explicitEdge = std::any_of(edges_.begin(), edges_.end(), [&](const graph::EdgeData& x) {
      if (x.kind != e.kind) return false;
      if (x.from == e.from && x.to == e.to) return true;
      return e.kind == graph::EdgeKind::Bidirected && x.from == e.to && x.to == e.from;
    });
    if (explicitEdge || isRemovedNode(e.from) || isRemovedNode(e.to)) removedEdges_.push_back(e);
  }
  for (graph::NodeId id : nodes_) {
    if (!g.contains(id)) continue;
    removedNodes_.push_back(g.node(id));
    if (document_.isPinned(id)) removedPins_.push_back(id);
  }
  for (const graph::EdgeData& e : removedEdges_) document_.eraseEdge(e);
  for (const graph::NodeData& n : removedNodes_) document_.eraseNode(n.id);
}

void RemoveItemsCommand::undo() {
  document_.restoreItems(nodeOrder_, edgeOrder_, removedNodes_, removedEdges_);
  for (graph::NodeId id : removedPins_) document_.changePinned(id, true);
}

}  // namespace causeway::ui
