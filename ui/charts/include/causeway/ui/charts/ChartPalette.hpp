#pragma once

#include <QColor>
#include <QPalette>

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractAxis;
QT_END_NAMESPACE

namespace causeway::ui {

// Colours of the diagnostics charts, from the widget palette so a dark theme stays readable.
// Treated / control follow the report's SVG charts (ColorBrewer Dark2 orange and teal; lighter
// Set2 tints on dark backgrounds), which colour-blind readers can tell apart.
struct ChartColors {
  bool dark = false;
  QColor background;
  QColor text;
  QColor mutedText;
  QColor grid;
  QColor axis;
  QColor treated;
  QColor control;
  QColor before;     // love plot: unadjusted
  QColor after;      // love plot: adjusted
  QColor threshold;  // reference lines
};

[[nodiscard]] ChartColors chartColors(const QPalette& palette);

// Background, title, legend and margins of a chart in the palette's colours.
void styleChart(QChart* chart, const ChartColors& colors);
// Label, title, line and grid colours of one axis.
void styleAxis(QAbstractAxis* axis, const ChartColors& colors);

}  // namespace causeway::ui
