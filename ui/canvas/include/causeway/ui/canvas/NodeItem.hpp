#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <QString>

#include <vector>

#include "causeway/graph/Types.hpp"
#include "causeway/ui/canvas/CanvasStyle.hpp"

namespace causeway::ui {

class EdgeItem;

// Something drawn relative to a node (besides its edges) that must follow it when it moves.
class NodeFollower {
 public:
  virtual ~NodeFollower() = default;
  virtual void nodeMoved() = 0;
};

// One variable on the canvas. It only draws: the scene interprets clicks and drags on it as
// intents, commands change the document, and the document's signals update this item.
class NodeItem : public QGraphicsItem {
 public:
  enum { Type = UserType + 1 };

  explicit NodeItem(graph::NodeId id);

  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] graph::NodeId id() const { return id_; }

  void setName(const QString& name);
  [[nodiscard]] const QString& name() const { return name_; }
  void setRoles(graph::RoleSet roles);
  [[nodiscard]] graph::RoleSet roles() const { return roles_; }
  void setPinned(bool pinned);
  [[nodiscard]] bool pinned() const { return pinned_; }
  // Drawn with a halo while a path through it is highlighted, or as a connection target.
  void setEmphasized(bool emphasized);
  // Whether the loaded data has a column for this variable (`column`: its name when mapped).
  void setDataStatus(NodeDataStatus status, const QString& column = {});
  [[nodiscard]] NodeDataStatus dataStatus() const { return dataStatus_; }

  [[nodiscard]] QSizeF size() const { return size_; }
  // Where the segment from this node's centre toward `sceneTarget` leaves the node's outline.
  [[nodiscard]] QPointF boundaryPoint(QPointF sceneTarget) const;

  void attach(EdgeItem* edge) { edges_.push_back(edge); }
  void detach(EdgeItem* edge);
  [[nodiscard]] const std::vector<EdgeItem*>& edges() const { return edges_; }
  void attachFollower(NodeFollower* follower) { followers_.push_back(follower); }
  void detachFollower(NodeFollower* follower);

  [[nodiscard]] QRectF boundingRect() const override;
  [[nodiscard]] QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  // Draws a node body (outline, fill, marker and label) in `rect`; shared with the legend.
  static void paintBody(QPainter& painter, const QRectF& rect, const NodeAppearance& look, const QString& label,
                        const QFont& font);
  // Size of a node named `label` with `look`.
  [[nodiscard]] static QSizeF measure(const QString& label, const NodeAppearance& look, const QFont& font);
  [[nodiscard]] static QPainterPath outline(const QRectF& rect, bool squareCorners);

 protected:
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

 private:
  void updateGeometry();
  [[nodiscard]] QPalette palette() const;
  [[nodiscard]] QRectF bodyRect() const;

  graph::NodeId id_;
  QString name_;
  graph::RoleSet roles_;
  bool pinned_ = false;
  bool emphasized_ = false;
  NodeDataStatus dataStatus_ = NodeDataStatus::Unknown;
  QString column_;
  QSizeF size_{CanvasStyle::kMinNodeWidth, CanvasStyle::kNodeHeight};
  std::vector<EdgeItem*> edges_;
  std::vector<NodeFollower*> followers_;
};

}  // namespace causeway::ui
