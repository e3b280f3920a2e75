#pragma once

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <optional>
#include <unordered_map>
#include <vector>

#include "causeway/ui/canvas/CanvasStyle.hpp"
#include "causeway/ui/canvas/EdgeKey.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/layout/LayoutOptions.hpp"

class QGraphicsLineItem;

namespace causeway::ui {

class EdgeItem;
class NodeItem;
class RejectedLinkItem;

// The canvas scene, built from a GraphDocument and kept in step with it through the document's
// signals (a map NodeId -> NodeItem). Mouse gestures on items become edits (GraphEdits); the
// items themselves never change the model.
//
// Gestures (Select tool): drag a node to move the selection (one undo step); Shift+drag from a
// node to another to add a directed edge, Ctrl+Shift+drag for a bidirected edge; drag on empty
// space for a rubber band; double-click empty space to add a node, a node to rename it.
// The Connect tools make a plain drag draw edges.
class GraphScene : public QGraphicsScene {
  Q_OBJECT

 public:
  enum class Tool { Select, ConnectDirected, ConnectBidirected };

  explicit GraphScene(GraphDocument& document, QObject* parent = nullptr);
  ~GraphScene() override;

  [[nodiscard]] GraphDocument& document() { return document_; }
  [[nodiscard]] NodeItem* nodeItem(graph::NodeId id) const;
  [[nodiscard]] EdgeItem* edgeItem(const EdgeKey& key) const;
  [[nodiscard]] std::size_t nodeItemCount() const { return nodes_.size(); }

  [[nodiscard]] std::vector<graph::NodeId> selectedNodes() const;
  [[nodiscard]] std::vector<graph::EdgeData> selectedEdges() const;
  void selectNodes(const std::vector<graph::NodeId>& ids);
  void selectEverything();

  void setTool(Tool tool);
  [[nodiscard]] Tool tool() const { return tool_; }

  // Edge colours from identification (edges on causal and on open biasing paths).
  void setEdgeEmphasis(const QHash<EdgeKey, EdgeEmphasis>& emphasis);
  // The same from edge lists. An edge of a causal path is drawn causal even when a biasing path
  // also uses it: the biasing path still shows through its other edges.
  void setPathEdges(const std::vector<graph::EdgeData>& causal, const std::vector<graph::EdgeData>& biasing);
  // One path drawn on top of everything (clicked in the identification panel); empty clears it.
  void setHighlightedPath(const std::vector<EdgeKey>& edges);
  void setHighlightedPathEdges(const std::vector<graph::EdgeData>& edges);
  [[nodiscard]] std::vector<EdgeKey> highlightedPath() const { return {highlighted_.begin(), highlighted_.end()}; }

  // Data overlay, by node name. Once data are loaded, every observed variable without a column
  // gets a badge and a tooltip saying so; clearDataMapping() removes the overlay.
  void setDataMapping(const QHash<QString, QString>& nodeToColumn, const QStringList& unmappedNodes);
  void clearDataMapping();
  // Pairs whose implied independence the data reject: drawn as dashed links between the two.
  void setRejectedIndependencies(const QList<QPair<QString, QString>>& pairs);
  [[nodiscard]] std::size_t rejectedLinkCount() const { return rejectedLinks_.size(); }

  // The drawing's extent (items only), for fitting and export.
  [[nodiscard]] QRectF contentsRect() const;
  // Layout input: node sizes as drawn, pinned nodes and current centres.
  [[nodiscard]] layout::LayoutOptions layoutOptions() const;

  // Intents from actions and keys, applied to the selection.
  void deleteSelection();
  void toggleRoleOnSelection(graph::Role role);
  void nudgeSelection(QPointF delta);
  void renameSelection();

 Q_SIGNALS:
  void statusMessage(const QString& message, int timeoutMs);
  // The view opens an in-place editor: a new node at `scenePos`, or a rename of `id`.
  void nameEditRequested(std::optional<causeway::graph::NodeId> id, QPointF scenePos);
  void toolChanged(causeway::ui::GraphScene::Tool tool);

 protected:
  void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;

 private:
  // Document -> items.
  void rebuild();
  void addNodeItem(graph::NodeId id);
  void removeNodeItem(graph::NodeId id);
  void refreshNode(graph::NodeId id);
  void moveNodeItem(graph::NodeId id);
  void addEdgeItem(const graph::EdgeData& edge);
  void removeEdgeItem(const graph::EdgeData& edge);
  void applyEmphasis(EdgeItem* item) const;
  void applyDataStatus(NodeItem* item, const QString& name) const;
  void rebuildRejectedLinks();
  // Once per burst of node additions and renames (a model reset adds every node).
  void scheduleRejectedLinks();
  void deleteRejectedLinks();
  void scheduleSceneRectUpdate();

  // Gestures.
  [[nodiscard]] NodeItem* nodeAt(QPointF scenePos) const;
  [[nodiscard]] EdgeItem* edgeAt(QPointF scenePos) const;
  void beginConnection(NodeItem* source, graph::EdgeKind kind, QPointF scenePos);
  void finishConnection(QPointF scenePos);
  void cancelConnection();

  GraphDocument& document_;
  std::unordered_map<graph::NodeId, NodeItem*> nodes_;
  QHash<EdgeKey, EdgeItem*> edges_;
  QHash<EdgeKey, EdgeEmphasis> emphasis_;
  QSet<EdgeKey> highlighted_;
  bool dataLoaded_ = false;
  QHash<QString, QString> columns_;  // node name -> column
  QSet<QString> unmapped_;
  QList<QPair<QString, QString>> rejectedPairs_;
  std::vector<RejectedLinkItem*> rejectedLinks_;
  bool rejectedLinksPending_ = false;
  Tool tool_ = Tool::Select;
  bool sceneRectPending_ = false;

  struct Drag {
    int gesture = 0;
    QPointF pressPos;
    bool moved = false;
    graph::NodeId pressed = graph::kNoNode;
    std::vector<std::pair<graph::NodeId, QPointF>> start;
  };
  std::optional<Drag> drag_;

  struct Connection {
    NodeItem* source = nullptr;
    graph::EdgeKind kind = graph::EdgeKind::Directed;
    QGraphicsLineItem* preview = nullptr;
    NodeItem* hovered = nullptr;
  };
  std::optional<Connection> connection_;

  int nudgeGesture_ = 0;
  QElapsedTimer nudgeClock_;
};

}  // namespace causeway::ui
