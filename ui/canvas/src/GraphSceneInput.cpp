// GraphScene's mouse gestures: select, move, connect, and double-click to name.
#include <QApplication>
#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>

#include "causeway/ui/canvas/EdgeItem.hpp"
#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/canvas/NodeItem.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/document/MoveNodesCommand.hpp"

namespace causeway::ui {

NodeItem* GraphScene::nodeAt(QPointF scenePos) const {
  for (QGraphicsItem* item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder))
    if (item->type() == NodeItem::Type) return static_cast<NodeItem*>(item);
  return nullptr;
}

EdgeItem* GraphScene::edgeAt(QPointF scenePos) const {
  for (QGraphicsItem* item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder))
    if (item->type() == EdgeItem::Type) return static_cast<EdgeItem*>(item);
  return nullptr;
}

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
  if (event->button() != Qt::LeftButton) {
    QGraphicsScene::mousePressEvent(event);
    return;
  }
  const QPointF pos = event->scenePos();
  const Qt::KeyboardModifiers mods = event->modifiers();
  NodeItem* node = nodeAt(pos);
  if (node != nullptr) {
    const bool shift = mods.testFlag(Qt::ShiftModifier);
    const bool ctrl = mods.testFlag(Qt::ControlModifier);
    if (tool_ != Tool::Select || shift) {
      // Connect: Connect tools, or Shift (+Ctrl for bidirected) in the Select tool.
      graph::EdgeKind kind = graph::EdgeKind::Directed;
      if (tool_ == Tool::ConnectBidirected || (tool_ == Tool::Select && ctrl) || (tool_ == Tool::ConnectDirected && shift))
        kind = graph::EdgeKind::Bidirected;
      beginConnection(node, kind, pos);
      event->accept();
      return;
    }
    if (ctrl) {
      node->setSelected(!node->isSelected());
      event->accept();
      return;
    }
    if (!node->isSelected()) {
      clearSelection();
      node->setSelected(true);
    }
    Drag drag;
    drag.gesture = MoveNodesCommand::newGesture();
    drag.pressPos = pos;
    drag.pressed = node->id();
    for (graph::NodeId id : selectedNodes()) drag.start.emplace_back(id, nodeItem(id)->pos());
    drag_ = std::move(drag);
    event->accept();
    return;
  }
  if (EdgeItem* edge = edgeAt(pos)) {
    if (mods.testFlag(Qt::ControlModifier)) {
      edge->setSelected(!edge->isSelected());
    } else {
      clearSelection();
      edge->setSelected(true);
    }
    event->accept();
    return;
  }
  // Empty space: base handling clears the selection and lets the view start a rubber band.
  QGraphicsScene::mousePressEvent(event);
}

void GraphScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
  const QPointF pos = event->scenePos();
  if (connection_) {
    connection_->preview->setLine(QLineF(connection_->source->pos(), pos));
    NodeItem* over = nodeAt(pos);
    if (over == connection_->source) over = nullptr;
    if (over != connection_->hovered) {
      if (connection_->hovered) connection_->hovered->setEmphasized(false);
      connection_->hovered = over;
      if (over) over->setEmphasized(true);
    }
    event->accept();
    return;
  }
  if (drag_ && (event->buttons() & Qt::LeftButton)) {
    const QPointF delta = pos - drag_->pressPos;
    if (!drag_->moved && delta.manhattanLength() < QApplication::startDragDistance()) return;
    drag_->moved = true;
    std::vector<std::pair<graph::NodeId, QPointF>> moves;
    moves.reserve(drag_->start.size());
    for (const auto& [id, start] : drag_->start) moves.emplace_back(id, start + delta);
    // One command per mouse move, merged by gesture: the model follows the drag live.
    edits::moveNodes(document_, moves, drag_->gesture);
    event->accept();
    return;
  }
  QGraphicsScene::mouseMoveEvent(event);
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
  if (connection_ && event->button() == Qt::LeftButton) {
    finishConnection(event->scenePos());
    event->accept();
    return;
  }
  if (drag_ && event->button() == Qt::LeftButton) {
    if (!drag_->moved && !(event->modifiers() & Qt::ControlModifier)) {
      // A click (no drag) on one of several selected nodes selects just that node.
      clearSelection();
      if (NodeItem* item = nodeItem(drag_->pressed)) item->setSelected(true);
    }
    drag_.reset();
    event->accept();
    return;
  }
  QGraphicsScene::mouseReleaseEvent(event);
}

void GraphScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
  if (event->button() != Qt::LeftButton) {
    QGraphicsScene::mouseDoubleClickEvent(event);
    return;
  }
  cancelConnection();
  drag_.reset();
  if (NodeItem* node = nodeAt(event->scenePos())) {
    clearSelection();
    node->setSelected(true);
    Q_EMIT nameEditRequested(node->id(), node->pos());
  } else if (edgeAt(event->scenePos()) == nullptr) {
    Q_EMIT nameEditRequested(std::nullopt, event->scenePos());
  }
  event->accept();
}

void GraphScene::beginConnection(NodeItem* source, graph::EdgeKind kind, QPointF scenePos) {
  cancelConnection();
  Connection c;
  c.source = source;
  c.kind = kind;
  c.preview = new QGraphicsLineItem(QLineF(source->pos(), scenePos));
  QPen pen(palette().color(QPalette::Highlight), 2.0, kind == graph::EdgeKind::Directed ? Qt::SolidLine : Qt::DashLine);
  c.preview->setPen(pen);
  c.preview->setZValue(2.0);
  addItem(c.preview);
  connection_ = c;
  Q_EMIT statusMessage(kind == graph::EdgeKind::Directed ? tr("Drop on the node that %1 causes").arg(source->name())
                                                         : tr("Drop on the node that shares a hidden cause with %1")
                                                               .arg(source->name()),
                       0);
}

void GraphScene::finishConnection(QPointF scenePos) {
  if (!connection_) return;
  const Connection c = *connection_;
  NodeItem* target = nodeAt(scenePos);
  const graph::NodeId from = c.source->id();
  cancelConnection();
  if (target == nullptr || target->id() == from) {
    Q_EMIT statusMessage(tr("No edge added: drop the line on another node"), 3000);
    return;
  }
  auto result = edits::addEdge(document_, from, target->id(), c.kind);
  if (!result) {
    const QString why = QString::fromStdString(result.error().message);
    Q_EMIT statusMessage(tr("Edge refused: %1").arg(why), 8000);
    return;
  }
  Q_EMIT statusMessage(QString(), 0);
}

void GraphScene::cancelConnection() {
  if (!connection_) return;
  if (connection_->hovered) connection_->hovered->setEmphasized(false);
  delete connection_->preview;
  connection_.reset();
}

}  // namespace causeway::ui
