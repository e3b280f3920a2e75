#pragma once

#include <QFont>
#include <QPainter>
#include <QPalette>
#include <QSizeF>

namespace causeway::ui {

// Draws the key to the canvas's visual language (node roles, edge emphasis) with the same code
// that draws the canvas, so legend and drawing cannot drift apart. Used by the legend panel and
// by picture export.
class LegendPainter {
 public:
  // `title`: a "Legend" heading (pictures have one; the dock's title bar already says it).
  [[nodiscard]] static QSizeF size(const QFont& font, bool title = true);
  static void paint(QPainter& painter, QPointF topLeft, const QPalette& palette, const QFont& font, bool title = true);
};

}  // namespace causeway::ui
