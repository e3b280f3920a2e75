#include "causeway/ui/canvas/NodeItem.hpp"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

#include "causeway/ui/canvas/EdgeItem.hpp"

namespace causeway::ui {

namespace {

constexpr qreal kPadding = 14.0;
constexpr qreal kMarkerWidth = 16.0;
constexpr qreal kHalo = 6.0;  // room around the body for the selection halo and double border

QString roleSummary(graph::RoleSet roles) {
  QStringList parts;
  for (graph::Role role : graph::kAllRoles)
    if (roles.has(role)) parts << QString::fromUtf8(graph::roleKeyword(role).data());
  return parts.isEmpty() ? QObject::tr("variable") : parts.join(QStringLiteral(", "));
}

}  // namespace

NodeItem::NodeItem(graph::NodeId id) : id_(id) {
  setFlags(ItemIsSelectable | ItemSendsGeometryChanges);
  setAcceptHoverEvents(true);
  setZValue(1.0);
}

void NodeItem::setName(const QString& name) {
  if (name == name_) return;
  name_ = name;
  updateGeometry();
}

void NodeItem::setRoles(graph::RoleSet roles) {
  if (roles == roles_) return;
  roles_ = roles;
  updateGeometry();
}

void NodeItem::setPinned(bool pinned) {
  if (pinned == pinned_) return;
  pinned_ = pinned;
  updateGeometry();
}

void NodeItem::setEmphasized(bool emphasized) {
  if (emphasized == emphasized_) return;
  emphasized_ = emphasized;
  update();
}

void NodeItem::setDataStatus(NodeDataStatus status, const QString& column) {
  if (status == dataStatus_ && column == column_) return;
  dataStatus_ = status;
  column_ = column;
  updateGeometry();
}

void NodeItem::detach(EdgeItem* edge) { std::erase(edges_, edge); }

void NodeItem::detachFollower(NodeFollower* follower) { std::erase(followers_, follower); }

QPalette NodeItem::palette() const { return scene() ? scene()->palette() : QGuiApplication::palette(); }

QSizeF NodeItem::measure(const QString& label, const NodeAppearance& look, const QFont& font) {
  QFont f = font;
  f.setItalic(look.italic);
  const QFontMetricsF metrics(f);
  qreal width = metrics.horizontalAdvance(label) + 2 * kPadding;
  if (!look.marker.isEmpty()) width += kMarkerWidth;
  const qreal height = std::max(CanvasStyle::kNodeHeight, metrics.height() + 14.0);
  return {std::max(width, CanvasStyle::kMinNodeWidth), height};
}

void NodeItem::updateGeometry() {
  prepareGeometryChange();
  size_ = measure(name_, CanvasStyle::node(roles_, palette()), CanvasStyle::nodeFont());
  QString data;
  switch (dataStatus_) {
    case NodeDataStatus::Unknown: break;
    case NodeDataStatus::Mapped: data = QObject::tr("<br>Data column: <i>%1</i>").arg(column_.toHtmlEscaped()); break;
    case NodeDataStatus::Missing:
      data = QObject::tr("<br><b>No column in the data</b>: estimates cannot adjust for this variable "
                         "(Analysis > Map Nodes to Columns)");
      break;
    case NodeDataStatus::LatentUnmapped: data = QObject::tr("<br>Latent: not expected in the data"); break;
  }
  setToolTip(QObject::tr("<b>%1</b> (%2)%3%4<br>E exposure, O outcome, A adjusted, U latent, S selected; "
                         "double-click or F2 to rename; Shift+drag to another node to connect")
                 .arg(name_.toHtmlEscaped(), roleSummary(roles_), pinned_ ? QObject::tr(", pinned") : QString(), data));
  for (EdgeItem* e : edges_) e->updateGeometry();
  for (NodeFollower* f : followers_) f->nodeMoved();
  update();
}

QRectF NodeItem::bodyRect() const { return {-size_.width() / 2, -size_.height() / 2, size_.width(), size_.height()}; }

QRectF NodeItem::boundingRect() const { return bodyRect().adjusted(-kHalo, -kHalo, kHalo, kHalo); }

QPainterPath NodeItem::outline(const QRectF& rect, bool squareCorners) {
  QPainterPath path;
  const qreal radius = squareCorners ? 3.0 : rect.height() / 2.0;
  path.addRoundedRect(rect, radius, radius);
  return path;
}

QPainterPath NodeItem::shape() const {
  return outline(bodyRect(), CanvasStyle::node(roles_, palette()).squareCorners);
}

QPointF NodeItem::boundaryPoint(QPointF sceneTarget) const {
  // Bisection along centre -> target on the outline (a stadium or a rectangle).
  const QPainterPath path = shape();
  QPointF inside(0, 0);
  QPointF outside = mapFromScene(sceneTarget);
  if (path.contains(outside)) return scenePos();
  for (int i = 0; i < 18; ++i) {
    const QPointF mid = (inside + outside) / 2.0;
    if (path.contains(mid)) inside = mid;
    else outside = mid;
  }
  return mapToScene(outside);
}

void NodeItem::paintBody(QPainter& painter, const QRectF& rect, const NodeAppearance& look, const QString& label,
                         const QFont& font) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  const QPainterPath body = outline(rect, look.squareCorners);
  QPen pen(look.border, look.borderWidth, look.dashed ? Qt::DashLine : Qt::SolidLine);
  pen.setJoinStyle(Qt::RoundJoin);
  painter.setPen(pen);
  painter.setBrush(look.fill);
  painter.drawPath(body);
  if (look.doubleBorder) {
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(look.border, 1.2));
    painter.drawPath(outline(rect.adjusted(-4, -4, 4, 4), look.squareCorners));
  }
  QFont f = font;
  f.setItalic(look.italic);
  painter.setFont(f);
  painter.setPen(look.text);
  QRectF textRect = rect.adjusted(kPadding, 0, -kPadding, 0);
  if (!look.marker.isEmpty()) {
    QFont markerFont = font;
    markerFont.setPointSizeF(font.pointSizeF() * 0.8);
    painter.setFont(markerFont);
    painter.drawText(QRectF(rect.left() + kPadding - 3, rect.top(), kMarkerWidth, rect.height()), Qt::AlignCenter,
                     look.marker);
    painter.setFont(f);
    textRect.setLeft(textRect.left() + kMarkerWidth);
  }
  painter.drawText(textRect, Qt::AlignCenter, label);
  painter.restore();
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) {
  Q_UNUSED(option);
  Q_UNUSED(widget);
  const QPalette pal = palette();
  const NodeAppearance look = CanvasStyle::node(roles_, pal);
  const QRectF body = bodyRect();
  const qreal onScreenHeight = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) * body.height();
  if (onScreenHeight < 12.0) {
    // Zoomed far out (large graphs): a name would be unreadable; a plain box keeps repaints fast.
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(isSelected() ? pal.color(QPalette::Highlight) : look.border, 0));  // cosmetic
    painter->setBrush(isSelected() ? pal.color(QPalette::Highlight) : look.fill);
    painter->drawRect(body);
    return;
  }
  if (isSelected() || emphasized_) {
    QColor halo = pal.color(QPalette::Highlight);
    halo.setAlphaF(isSelected() ? 0.55 : 0.35);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(halo, 5.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(outline(body.adjusted(-2.5, -2.5, 2.5, 2.5), look.squareCorners));
  }
  paintBody(*painter, body, look, name_, CanvasStyle::nodeFont());
  if (dataStatus_ == NodeDataStatus::Missing) {
    // An amber badge with a slash at the top-left corner: this variable has no data column.
    const QPointF centre(body.left() + 6.0, body.top() + 5.0);
    const QColor amber = CanvasStyle::missingDataColor(pal);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(pal.color(QPalette::Base), 1.2));
    painter->setBrush(amber);
    painter->drawEllipse(centre, 5.5, 5.5);
    painter->setPen(QPen(pal.color(QPalette::Base), 1.6, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(centre + QPointF(-2.8, 2.8), centre + QPointF(2.8, -2.8));
  }
  if (pinned_) {
    // A small pin head in the corner: this node keeps its place in auto-layout.
    const QPointF head(body.right() - 7.0, body.top() + 6.0);
    painter->setPen(QPen(pal.color(QPalette::Base), 1.0));
    painter->setBrush(pal.color(QPalette::Text));
    painter->drawEllipse(head, 3.2, 3.2);
  }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemPositionHasChanged) {
    for (EdgeItem* e : edges_) e->updateGeometry();
    for (NodeFollower* f : followers_) f->nodeMoved();
  }
  if (change == ItemSceneHasChanged && scene() != nullptr) updateGeometry();
  return QGraphicsItem::itemChange(change, value);
}

}  // namespace causeway::ui
