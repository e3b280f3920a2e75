#include "causeway/ui/charts/ChartPalette.hpp"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace causeway::ui {

ChartColors chartColors(const QPalette& palette) {
  ChartColors c;
  c.background = palette.color(QPalette::Base);
  c.text = palette.color(QPalette::Text);
  c.dark = c.background.lightnessF() < 0.5;
  c.mutedText = c.text;
  c.mutedText.setAlphaF(0.75F);
  c.grid = c.text;
  c.grid.setAlphaF(c.dark ? 0.16F : 0.12F);
  c.axis = c.text;
  c.axis.setAlphaF(0.6F);
  c.treated = c.dark ? QColor(0xFC, 0x8D, 0x62) : QColor(0xD9, 0x5F, 0x02);
  c.control = c.dark ? QColor(0x66, 0xC2, 0xA5) : QColor(0x1B, 0x9E, 0x77);
  c.before = c.treated;
  c.after = c.control;
  c.threshold = c.dark ? QColor(0xB0, 0xB0, 0xB0) : QColor(0x70, 0x70, 0x70);
  return c;
}

void styleChart(QChart* chart, const ChartColors& colors) {
  chart->setBackgroundBrush(colors.background);
  chart->setBackgroundPen(Qt::NoPen);
  chart->setPlotAreaBackgroundVisible(false);
  chart->setTitleBrush(colors.text);
  QFont title = chart->titleFont();
  title.setBold(true);
  chart->setTitleFont(title);
  chart->setMargins(QMargins(4, 4, 8, 4));
  chart->setBackgroundRoundness(0);
  chart->legend()->setLabelColor(colors.text);
  chart->legend()->setAlignment(Qt::AlignTop);
  chart->setAnimationOptions(QChart::NoAnimation);
}

void styleAxis(QAbstractAxis* axis, const ChartColors& colors) {
  axis->setLabelsColor(colors.mutedText);
  axis->setTitleBrush(colors.text);
  QFont titleFont = axis->titleFont();
  titleFont.setBold(false);
  axis->setTitleFont(titleFont);
  axis->setLinePenColor(colors.axis);
  axis->setGridLineColor(colors.grid);
  axis->setMinorGridLineVisible(false);
}

}  // namespace causeway::ui
