#include "causeway/ui/canvas/GraphScene.hpp"

#include <QGraphicsLineItem>
#include <QTimer>

#include <algorithm>

#include "causeway/ui/canvas/EdgeItem.hpp"
#include "causeway/ui/canvas/NodeItem.hpp"
#include "causeway/ui/canvas/RejectedLinkItem.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/document/MoveNodesCommand.hpp"

namespace causeway::ui {

GraphScene::GraphScene(GraphDocument& document, QObject* parent) : QGraphicsScene(parent), document_(document) {
  // Items move often and in bulk; a BSP index would be rebuilt constantly on large graphs.
  setItemIndexMethod(QGraphicsScene::NoIndex);
  connect(&document_, &GraphDocument::nodeAdded, this, &GraphScene::addNodeItem);
  connect(&document_, &GraphDocument::nodeRemoved, this, &GraphScene::removeNodeItem);
  connect(&document_, &GraphDocument::nodeChanged, this, &GraphScene::refreshNode);
  connect(&document_, &GraphDocument::nodeMoved, this, &GraphScene::moveNodeItem);
  connect(&document_, &GraphDocument::edgeAdded, this, &GraphScene::addEdgeItem);
  connect(&document_, &GraphDocument::edgeRemoved, this, &GraphScene::removeEdgeItem);
  connect(&document_, &GraphDocument::modelReset, this, &GraphScene::rebuild);
  rebuild();
}

GraphScene::~GraphScene() {
  // Edges detach from their nodes on destruction: delete them first.
  cancelConnection();
  deleteRejectedLinks();
  for (EdgeItem* e : std::as_const(edges_)) delete e;
  edges_.clear();
}

NodeItem* GraphScene::nodeItem(graph::NodeId id) const {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : it->second;
}

EdgeItem* GraphScene::edgeItem(const EdgeKey& key) const { return edges_.value(key, nullptr); }

void GraphScene::rebuild() {
  const std::vector<graph::NodeId> wasSelected = selectedNodes();
  cancelConnection();
  drag_.reset();
  deleteRejectedLinks();
  for (EdgeItem* e : std::as_const(edges_)) delete e;
  edges_.clear();
  for (auto& [id, item] : nodes_) delete item;
  nodes_.clear();
  const auto& g = document_.graph();
  for (graph::NodeId id : g.nodeIds()) addNodeItem(id);
  for (const graph::EdgeData& e : g.edges()) addEdgeItem(e);
  selectNodes(wasSelected);
  scheduleRejectedLinks();
  scheduleSceneRectUpdate();
}

void GraphScene::addNodeItem(graph::NodeId id) {
  if (nodes_.contains(id) || !document_.graph().contains(id)) return;
  auto* item = new NodeItem(id);
  addItem(item);
  nodes_[id] = item;
  refreshNode(id);
  item->setPos(document_.scenePosition(id));
  scheduleSceneRectUpdate();
}

void GraphScene::removeNodeItem(graph::NodeId id) {
  auto it = nodes_.find(id);
  if (it == nodes_.end()) return;
  NodeItem* item = it->second;
  std::erase_if(rejectedLinks_, [item](RejectedLinkItem* link) {
    if (link->first() != item && link->second() != item) return false;
    delete link;  // before the node it follows
    return true;
  });
  // The document removes edges first; anything left is removed with the node.
  const std::vector<EdgeItem*> attached = item->edges();
  for (EdgeItem* e : attached) {
    edges_.remove(e->key());
    delete e;
  }
  if (connection_ && (connection_->source == item || connection_->hovered == item)) cancelConnection();
  nodes_.erase(it);
  delete item;
  scheduleSceneRectUpdate();
}

void GraphScene::refreshNode(graph::NodeId id) {
  NodeItem* item = nodeItem(id);
  if (item == nullptr) return;
  const auto& node = document_.graph().node(id);
  const QString name = QString::fromStdString(node.name);
  const bool renamed = name != item->name();
  item->setName(name);
  item->setRoles(node.roles);
  item->setPinned(document_.isPinned(id));
  applyDataStatus(item, name);
  // Links are by name: a rename (or a new node with a flagged name) changes which nodes they join.
  if (renamed && !rejectedPairs_.isEmpty()) scheduleRejectedLinks();
}

void GraphScene::moveNodeItem(graph::NodeId id) {
  if (NodeItem* item = nodeItem(id)) item->setPos(document_.scenePosition(id));
  scheduleSceneRectUpdate();
}

void GraphScene::addEdgeItem(const graph::EdgeData& edge) {
  const EdgeKey key = EdgeKey::of(edge);
  NodeItem* a = nodeItem(edge.from);
  NodeItem* b = nodeItem(edge.to);
  if (edges_.contains(key) || a == nullptr || b == nullptr) return;
  auto* item = new EdgeItem(a, b, edge);
  if (edge.controlPoint) {
    const double s = document_.coordinateScale();
    item->setControlPoint(QPointF(edge.controlPoint->x * s, edge.controlPoint->y * s));
  }
  addItem(item);
  edges_.insert(key, item);
  applyEmphasis(item);
}

void GraphScene::removeEdgeItem(const graph::EdgeData& edge) {
  if (EdgeItem* item = edges_.take(EdgeKey::of(edge))) delete item;
}

void GraphScene::applyEmphasis(EdgeItem* item) const {
  const EdgeKey key = item->key();
  if (highlighted_.contains(key)) item->setEmphasis(EdgeEmphasis::Highlighted);
  else item->setEmphasis(emphasis_.value(key, EdgeEmphasis::None));
}

void GraphScene::setEdgeEmphasis(const QHash<EdgeKey, EdgeEmphasis>& emphasis) {
  emphasis_ = emphasis;
  for (EdgeItem* item : std::as_const(edges_)) applyEmphasis(item);
}

void GraphScene::setPathEdges(const std::vector<graph::EdgeData>& causal, const std::vector<graph::EdgeData>& biasing) {
  QHash<EdgeKey, EdgeEmphasis> emphasis;
  for (const graph::EdgeData& e : biasing) emphasis.insert(EdgeKey::of(e), EdgeEmphasis::Biasing);
  for (const graph::EdgeData& e : causal) emphasis.insert(EdgeKey::of(e), EdgeEmphasis::Causal);
  setEdgeEmphasis(emphasis);
}

void GraphScene::setHighlightedPathEdges(const std::vector<graph::EdgeData>& edges) {
  std::vector<EdgeKey> keys;
  keys.reserve(edges.size());
  for (const graph::EdgeData& e : edges) keys.push_back(EdgeKey::of(e));
  setHighlightedPath(keys);
}

void GraphScene::setHighlightedPath(const std::vector<EdgeKey>& edges) {
  highlighted_ = QSet<EdgeKey>(edges.begin(), edges.end());
  QSet<graph::NodeId> onPath;
  for (const EdgeKey& k : edges) {
    onPath.insert(k.from);
    onPath.insert(k.to);
  }
  for (auto& [id, item] : nodes_) item->setEmphasized(onPath.contains(id));
  for (EdgeItem* item : std::as_const(edges_)) applyEmphasis(item);
}

std::vector<graph::NodeId> GraphScene::selectedNodes() const {
  std::vector<graph::NodeId> ids;
  // Document order, so multi-node commands are deterministic.
  for (graph::NodeId id : document_.graph().nodeIds())
    if (NodeItem* item = nodeItem(id); item != nullptr && item->isSelected()) ids.push_back(id);
  return ids;
}

std::vector<graph::EdgeData> GraphScene::selectedEdges() const {
  std::vector<graph::EdgeData> out;
  for (EdgeItem* item : std::as_const(edges_))
    if (item->isSelected()) out.push_back(item->data());
  return out;
}

void GraphScene::selectNodes(const std::vector<graph::NodeId>& ids) {
  clearSelection();
  for (graph::NodeId id : ids)
    if (NodeItem* item = nodeItem(id)) item->setSelected(true);
}

void GraphScene::selectEverything() {
  for (auto& [id, item] : nodes_) item->setSelected(true);
  for (EdgeItem* item : std::as_const(edges_)) item->setSelected(true);
}

void GraphScene::setTool(Tool tool) {
  if (tool == tool_) return;
  cancelConnection();
  tool_ = tool;
  Q_EMIT toolChanged(tool);
}

QRectF GraphScene::contentsRect() const {
  QRectF rect;
  for (const auto& [id, item] : nodes_) rect = rect.united(item->sceneBoundingRect());
  for (EdgeItem* item : std::as_const(edges_)) rect = rect.united(item->sceneBoundingRect());
  return rect;
}

layout::LayoutOptions GraphScene::layoutOptions() const {
  layout::LayoutOptions options;
  std::unordered_map<graph::NodeId, layout::NodeBox> boxes;
  for (const auto& [id, item] : nodes_) {
    boxes[id] = layout::NodeBox{item->size().width(), item->size().height()};
    const QPointF p = item->pos();
    options.current[id] = graph::Point{p.x(), p.y()};
    if (document_.isPinned(id)) options.pinned.insert(id);
  }
  // By value: layouts may run on a worker thread.
  options.nodeBox = [boxes = std::move(boxes)](graph::NodeId id) {
    auto it = boxes.find(id);
    return it == boxes.end() ? layout::NodeBox{} : it->second;
  };
  return options;
}

void GraphScene::scheduleSceneRectUpdate() {
  if (sceneRectPending_) return;
  sceneRectPending_ = true;
  // Once per burst of changes: room to pan around the drawing.
  QTimer::singleShot(0, this, [this] {
    sceneRectPending_ = false;
    const QRectF content = contentsRect();
    setSceneRect(content.isNull() ? QRectF(-800, -600, 1600, 1200) : content.adjusted(-1200, -900, 1200, 900));
  });
}

void GraphScene::deleteSelection() {
  const auto nodes = selectedNodes();
  const auto edges = selectedEdges();
  if (nodes.empty() && edges.empty()) {
    Q_EMIT statusMessage(tr("Nothing selected to delete"), 3000);
    return;
  }
  edits::removeItems(document_, nodes, edges);
}

void GraphScene::toggleRoleOnSelection(graph::Role role) {
  const auto nodes = selectedNodes();
  if (nodes.empty()) {
    Q_EMIT statusMessage(tr("Select a node first, then press the role key"), 3000);
    return;
  }
  edits::toggleRole(document_, nodes, role);
}

void GraphScene::nudgeSelection(QPointF delta) {
  const auto nodes = selectedNodes();
  if (nodes.empty()) return;
  // Key repeats within a second of each other are one undo step.
  if (nudgeGesture_ == 0 || !nudgeClock_.isValid() || nudgeClock_.elapsed() > 1000)
    nudgeGesture_ = MoveNodesCommand::newGesture();
  nudgeClock_.restart();
  std::vector<std::pair<graph::NodeId, QPointF>> moves;
  for (graph::NodeId id : nodes) moves.emplace_back(id, nodeItem(id)->pos() + delta);
  edits::moveNodes(document_, moves, nudgeGesture_);
}

void GraphScene::renameSelection() {
  const auto nodes = selectedNodes();
  if (nodes.size() != 1) {
    Q_EMIT statusMessage(tr("Select one node to rename"), 3000);
    return;
  }
  Q_EMIT nameEditRequested(nodes.front(), nodeItem(nodes.front())->pos());
}

}  // namespace causeway::ui
