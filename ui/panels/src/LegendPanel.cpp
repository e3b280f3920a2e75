#include "causeway/ui/panels/LegendPanel.hpp"

#include <QPainter>

#include "causeway/ui/canvas/LegendPainter.hpp"

namespace causeway::ui {

LegendPanel::LegendPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("legendPanel"));
  setToolTip(tr("How roles and identification results are drawn on the canvas"));
  setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize LegendPanel::sizeHint() const { return (LegendPainter::size(font(), false) + QSizeF(8, 8)).toSize(); }

void LegendPanel::paintEvent(QPaintEvent* event) {
  Q_UNUSED(event);
  QPainter painter(this);
  LegendPainter::paint(painter, QPointF(4, 4), palette(), font(), false);
}

}  // namespace causeway::ui
