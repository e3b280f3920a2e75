#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

#include <optional>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/ui/canvas/CanvasStyle.hpp"
#include "causeway/ui/canvas/EdgeKey.hpp"

namespace causeway::ui {

class NodeItem;

// A directed edge (straight, one arrowhead) or a bidirected edge (dashed arc, two arrowheads),
// clipped to its nodes' outlines. A DAGitty edge position bends the edge through a control point.
class EdgeItem : public QGraphicsItem {
 public:
  enum { Type = UserType + 2 };

  EdgeItem(NodeItem* source, NodeItem* target, const graph::EdgeData& data);
  ~EdgeItem() override;

  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] const graph::EdgeData& data() const { return data_; }
  [[nodiscard]] EdgeKey key() const { return EdgeKey::of(data_); }
  [[nodiscard]] NodeItem* source() const { return source_; }
  [[nodiscard]] NodeItem* target() const { return target_; }

  void setControlPoint(std::optional<QPointF> scenePoint);
  void setEmphasis(EdgeEmphasis emphasis);
  [[nodiscard]] EdgeEmphasis emphasis() const { return emphasis_; }
  void updateGeometry();

  [[nodiscard]] QRectF boundingRect() const override;
  [[nodiscard]] QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  // Draws an edge sample (for the legend) from `a` to `b`.
  static void paintSample(QPainter& painter, QPointF a, QPointF b, EdgeEmphasis emphasis, bool bidirected,
                          const QPalette& palette);

 private:
  static QPolygonF arrowHead(QPointF tip, QPointF from, qreal width);
  static void paintPath(QPainter& painter, const QPainterPath& path, const QPolygonF& headA, const QPolygonF& headB,
                        EdgeEmphasis emphasis, bool bidirected, bool selected, const QPalette& palette);

  NodeItem* source_;
  NodeItem* target_;
  graph::EdgeData data_;
  std::optional<QPointF> control_;
  EdgeEmphasis emphasis_ = EdgeEmphasis::None;
  QPainterPath path_;
  QPolygonF headAtTarget_;
  QPolygonF headAtSource_;
};

}  // namespace causeway::ui
