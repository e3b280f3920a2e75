#include "causeway/ui/canvas/LegendPainter.hpp"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>

#include "causeway/ui/canvas/CanvasStyle.hpp"
#include "causeway/ui/canvas/EdgeItem.hpp"
#include "causeway/ui/canvas/NodeItem.hpp"

namespace causeway::ui {

namespace {

using graph::Role;

constexpr qreal kPad = 10.0;
constexpr qreal kSampleWidth = 58.0;
constexpr qreal kGap = 10.0;

struct NodeEntry {
  graph::RoleSet roles;
  const char* label;
};
struct EdgeEntry {
  EdgeEmphasis emphasis;
  bool bidirected;
  const char* label;
};

const NodeEntry kNodes[] = {
    {Role::Exposure, QT_TRANSLATE_NOOP("Legend", "Exposure (E)")},
    {Role::Outcome, QT_TRANSLATE_NOOP("Legend", "Outcome (O)")},
    {Role::Adjusted, QT_TRANSLATE_NOOP("Legend", "Adjusted (A)")},
    {Role::Latent, QT_TRANSLATE_NOOP("Legend", "Latent (U)")},
    {Role::Selected, QT_TRANSLATE_NOOP("Legend", "Selected (S)")},
    {Role::NegativeControlOutcome, QT_TRANSLATE_NOOP("Legend", "Negative control (nco, nce)")},
    {graph::RoleSet{}, QT_TRANSLATE_NOOP("Legend", "Other variable")},
};
const EdgeEntry kEdges[] = {
    {EdgeEmphasis::Causal, false, QT_TRANSLATE_NOOP("Legend", "Causal path")},
    {EdgeEmphasis::Biasing, false, QT_TRANSLATE_NOOP("Legend", "Open biasing path")},
    {EdgeEmphasis::None, true, QT_TRANSLATE_NOOP("Legend", "Hidden common cause")},
    {EdgeEmphasis::Highlighted, false, QT_TRANSLATE_NOOP("Legend", "Picked path")},
};

qreal rowHeight(const QFont& font) { return std::max<qreal>(26.0, QFontMetricsF(font).height() + 10.0); }

QString tr(const char* text) { return QCoreApplication::translate("Legend", text); }

}  // namespace

QSizeF LegendPainter::size(const QFont& font, bool title) {
  QFont bold = font;
  bold.setBold(true);
  const QFontMetricsF metrics(font);
  qreal textWidth = title ? QFontMetricsF(bold).horizontalAdvance(tr("Legend")) : 0.0;
  for (const NodeEntry& e : kNodes) textWidth = std::max(textWidth, metrics.horizontalAdvance(tr(e.label)));
  for (const EdgeEntry& e : kEdges) textWidth = std::max(textWidth, metrics.horizontalAdvance(tr(e.label)));
  const qreal rows = static_cast<qreal>(std::size(kNodes) + std::size(kEdges));
  return {kPad * 2 + kSampleWidth + kGap + textWidth + 4.0,
          kPad * 2 + (title ? rowHeight(bold) : 0.0) + rows * rowHeight(font) + 6.0};
}

void LegendPainter::paint(QPainter& painter, QPointF topLeft, const QPalette& palette, const QFont& font, bool title) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing);
  const QSizeF box = size(font, title);
  QColor frame = palette.color(QPalette::Text);
  frame.setAlphaF(0.35);
  painter.setPen(QPen(frame, 1.0));
  painter.setBrush(palette.color(QPalette::Base));
  painter.drawRoundedRect(QRectF(topLeft, box), 6, 6);

  QFont bold = font;
  bold.setBold(true);
  const qreal row = rowHeight(font);
  qreal y = topLeft.y() + kPad;
  if (title) {
    painter.setFont(bold);
    painter.setPen(palette.color(QPalette::Text));
    painter.drawText(QRectF(topLeft.x() + kPad, y, box.width() - 2 * kPad, rowHeight(bold)), Qt::AlignVCenter,
                     tr("Legend"));
    y += rowHeight(bold);
  }

  const qreal sampleLeft = topLeft.x() + kPad;
  const qreal textLeft = sampleLeft + kSampleWidth + kGap;
  QFont sampleFont = font;
  sampleFont.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.85));
  for (const NodeEntry& e : kNodes) {
    const NodeAppearance look = CanvasStyle::node(e.roles, palette);
    const QRectF body(sampleLeft + 4, y + 4, kSampleWidth - 8, row - 8);
    NodeItem::paintBody(painter, body, look, QString(), sampleFont);
    painter.setFont(font);
    painter.setPen(palette.color(QPalette::Text));
    painter.drawText(QRectF(textLeft, y, box.width(), row), Qt::AlignVCenter, tr(e.label));
    y += row;
  }
  y += 6.0;
  for (const EdgeEntry& e : kEdges) {
    const qreal mid = y + row / 2.0;
    EdgeItem::paintSample(painter, QPointF(sampleLeft + 2, mid), QPointF(sampleLeft + kSampleWidth - 2, mid), e.emphasis,
                          e.bidirected, palette);
    painter.setFont(font);
    painter.setPen(palette.color(QPalette::Text));
    painter.drawText(QRectF(textLeft, y, box.width(), row), Qt::AlignVCenter, tr(e.label));
    y += row;
  }
  painter.restore();
}

}  // namespace causeway::ui
