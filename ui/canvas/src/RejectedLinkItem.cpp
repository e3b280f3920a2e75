#include "causeway/ui/canvas/RejectedLinkItem.hpp"

#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPathStroker>

#include "causeway/ui/canvas/CanvasStyle.hpp"

namespace causeway::ui {

RejectedLinkItem::RejectedLinkItem(NodeItem* a, NodeItem* b, const QString& tooltip) : a_(a), b_(b) {
  setZValue(0.5);  // above edges, below nodes
  setToolTip(tooltip);
  a_->attachFollower(this);
  b_->attachFollower(this);
  nodeMoved();
}

RejectedLinkItem::~RejectedLinkItem() {
  a_->detachFollower(this);
  b_->detachFollower(this);
}

void RejectedLinkItem::nodeMoved() {
  prepareGeometryChange();
  line_ = QLineF(a_->boundaryPoint(b_->scenePos()), b_->boundaryPoint(a_->scenePos()));
}

QRectF RejectedLinkItem::boundingRect() const {
  return QRectF(line_.p1(), line_.p2()).normalized().adjusted(-4, -4, 4, 4);
}

QPainterPath RejectedLinkItem::shape() const {
  QPainterPath path(line_.p1());
  path.lineTo(line_.p2());
  QPainterPathStroker stroker;
  stroker.setWidth(8.0);  // easy to hover for its tooltip
  return stroker.createStroke(path);
}

void RejectedLinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  const QPalette pal = scene() ? scene()->palette() : QGuiApplication::palette();
  QPen pen(CanvasStyle::rejectedIndependenceColor(pal), 2.0, Qt::DashLine, Qt::RoundCap);
  pen.setDashPattern({4.0, 3.0});
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setPen(pen);
  painter->drawLine(line_);
}

}  // namespace causeway::ui
