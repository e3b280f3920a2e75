#pragma once

#include <QGraphicsItem>
#include <QLineF>

#include "causeway/ui/canvas/NodeItem.hpp"

namespace causeway::ui {

// A dashed line between two variables whose implied independence the data reject: not an edge of
// the model, a flag that the model and the data disagree about this pair.
class RejectedLinkItem : public QGraphicsItem, public NodeFollower {
 public:
  enum { Type = UserType + 3 };

  RejectedLinkItem(NodeItem* a, NodeItem* b, const QString& tooltip);
  ~RejectedLinkItem() override;

  [[nodiscard]] int type() const override { return Type; }
  [[nodiscard]] NodeItem* first() const { return a_; }
  [[nodiscard]] NodeItem* second() const { return b_; }

  void nodeMoved() override;
  [[nodiscard]] QRectF boundingRect() const override;
  [[nodiscard]] QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  NodeItem* a_;
  NodeItem* b_;
  QLineF line_;
};

}  // namespace causeway::ui
