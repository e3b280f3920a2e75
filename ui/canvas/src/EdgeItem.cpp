#include "causeway/ui/canvas/EdgeItem.hpp"

#include <QGraphicsScene>
#include <QGuiApplication>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include "causeway/ui/canvas/NodeItem.hpp"

namespace causeway::ui {

namespace {

constexpr qreal kArrowLength = 12.0;

// `tip` moved toward `from` by most of an arrowhead, where the line under the head should end.
QPointF underHead(QPointF tip, QPointF from, qreal width) {
  const QLineF line(tip, from);
  if (line.length() < 1e-6) return tip;
  return tip + (from - tip) / line.length() * std::min(line.length(), (kArrowLength + width) * 0.7);
}

}  // namespace

EdgeItem::EdgeItem(NodeItem* source, NodeItem* target, const graph::EdgeData& data)
    : source_(source), target_(target), data_(data) {
  setFlags(ItemIsSelectable);
  setZValue(0.0);
  source_->attach(this);
  target_->attach(this);
  setToolTip(data.kind == graph::EdgeKind::Directed
                 ? QObject::tr("%1 \u2192 %2: a direct cause. Click to select, Delete to remove.")
                       .arg(source->name(), target->name())
                 : QObject::tr("%1 \u2194 %2: an unobserved common cause. Click to select, Delete to remove.")
                       .arg(source->name(), target->name()));
  updateGeometry();
}

EdgeItem::~EdgeItem() {
  source_->detach(this);
  target_->detach(this);
}

void EdgeItem::setControlPoint(std::optional<QPointF> scenePoint) {
  control_ = scenePoint;
  updateGeometry();
}

void EdgeItem::setEmphasis(EdgeEmphasis emphasis) {
  if (emphasis == emphasis_) return;
  emphasis_ = emphasis;
  // Emphasised edges draw above plain ones.
  setZValue(emphasis == EdgeEmphasis::None ? 0.0 : (emphasis == EdgeEmphasis::Highlighted ? 0.6 : 0.3));
  updateGeometry();  // heavier lines get larger arrowheads
}

QPolygonF EdgeItem::arrowHead(QPointF tip, QPointF from, qreal width) {
  const QLineF line(tip, from);
  if (line.length() < 1e-6) return {};
  const QPointF unit = (from - tip) / line.length();
  const QPointF normal(-unit.y(), unit.x());
  const qreal length = kArrowLength + width;
  const qreal half = 4.5 + width;
  const QPointF base = tip + unit * length;
  return QPolygonF({tip, base + normal * half, base - normal * half});
}

void EdgeItem::updateGeometry() {
  prepareGeometryChange();
  const QPointF a = source_->scenePos();
  const QPointF b = target_->scenePos();
  const bool bidirected = data_.kind == graph::EdgeKind::Bidirected;
  std::optional<QPointF> bend = control_;
  if (!bend && bidirected) {
    // An arc, so a bidirected edge never hides a directed edge between the same nodes.
    const QLineF line(a, b);
    const QPointF normal = line.length() > 0 ? QPointF(-line.dy(), line.dx()) / line.length() : QPointF();
    bend = (a + b) / 2.0 + normal * std::min(60.0, 0.22 * line.length());
  }
  const QPointF start = source_->boundaryPoint(bend.value_or(b));
  const QPointF end = target_->boundaryPoint(bend.value_or(a));
  const qreal width = CanvasStyle::edgeWidth(emphasis_);
  // Lines stop under the arrowheads so the tips stay sharp.
  if (bend) {
    // A quadratic curve whose middle passes through the bend point.
    const QPointF control = 2.0 * *bend - (start + end) / 2.0;
    headAtTarget_ = arrowHead(end, control, width);
    headAtSource_ = bidirected ? arrowHead(start, control, width) : QPolygonF();
    QPainterPath path(bidirected ? underHead(start, control, width) : start);
    path.quadTo(control, underHead(end, control, width));
    path_ = path;
  } else {
    headAtTarget_ = arrowHead(end, start, width);
    headAtSource_.clear();
    QPainterPath path(start);
    path.lineTo(underHead(end, start, width));
    path_ = path;
  }
  update();
}

QRectF EdgeItem::boundingRect() const {
  return path_.boundingRect().united(headAtTarget_.boundingRect()).united(headAtSource_.boundingRect()).adjusted(-8, -8, 8, 8);
}

QPainterPath EdgeItem::shape() const {
  QPainterPathStroker stroker;
  stroker.setWidth(10.0);
  QPainterPath s = stroker.createStroke(path_);
  s.addPolygon(headAtTarget_);
  if (!headAtSource_.isEmpty()) s.addPolygon(headAtSource_);
  return s;
}

void EdgeItem::paintPath(QPainter& painter, const QPainterPath& path, const QPolygonF& headA, const QPolygonF& headB,
                         EdgeEmphasis emphasis, bool bidirected, bool selected, const QPalette& palette) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor colour = CanvasStyle::edgeColor(emphasis, palette);
  const qreal width = CanvasStyle::edgeWidth(emphasis);
  if (selected || emphasis != EdgeEmphasis::None) {
    // A soft halo: emphasis reads from line weight as well as colour.
    QColor halo = selected ? palette.color(QPalette::Highlight) : colour;
    halo.setAlphaF(selected ? 0.5 : 0.22);
    painter.setPen(QPen(halo, width + 6.0, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
  }
  QPen pen(colour, width, bidirected ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
  painter.setPen(pen);
  painter.setBrush(Qt::NoBrush);
  painter.drawPath(path);
  painter.setPen(QPen(colour, 1.0));
  painter.setBrush(colour);
  if (!headA.isEmpty()) painter.drawPolygon(headA);
  if (!headB.isEmpty()) painter.drawPolygon(headB);
  painter.restore();
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) {
  Q_UNUSED(option);
  Q_UNUSED(widget);
  const QPalette palette = scene() ? scene()->palette() : QGuiApplication::palette();
  if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) < 0.3) {
    // Zoomed far out: thin aliased strokes (and arrowheads) keep large graphs quick to draw.
    const QColor colour = isSelected() ? palette.color(QPalette::Highlight) : CanvasStyle::edgeColor(emphasis_, palette);
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(colour, emphasis_ == EdgeEmphasis::None ? 0.0 : 2.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path_);
    painter->setBrush(colour);
    painter->drawPolygon(headAtTarget_);
    if (!headAtSource_.isEmpty()) painter->drawPolygon(headAtSource_);
    return;
  }
  paintPath(*painter, path_, headAtTarget_, headAtSource_, emphasis_, data_.kind == graph::EdgeKind::Bidirected,
            isSelected(), palette);
}

void EdgeItem::paintSample(QPainter& painter, QPointF a, QPointF b, EdgeEmphasis emphasis, bool bidirected,
                           const QPalette& palette) {
  const qreal width = CanvasStyle::edgeWidth(emphasis);
  QPolygonF headA;
  QPolygonF headB;
  QPainterPath path;
  if (bidirected) {
    const QPointF control = (a + b) / 2.0 + QPointF(0, -8);
    headA = arrowHead(b, control, width);
    headB = arrowHead(a, control, width);
    path.moveTo(underHead(a, control, width));
    path.quadTo(control, underHead(b, control, width));
  } else {
    headA = arrowHead(b, a, width);
    path.moveTo(a);
    path.lineTo(underHead(b, a, width));
  }
  paintPath(painter, path, headA, headB, emphasis, bidirected, false, palette);
}

}  // namespace causeway::ui
