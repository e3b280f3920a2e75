#include "AttHeatTable.hpp"

#include <QColor>
#include <QFont>
#include <QHeaderView>
#include <QTableWidget>

#include <algorithm>
#include <cmath>

namespace causeway::ui::detail {

namespace {

QColor heat(double value, double scale) {
  const double f = scale > 0 ? std::clamp(value / scale, -1.0, 1.0) : 0.0;
  const int fade = static_cast<int>(255 * (1 - std::abs(f)));
  return f >= 0 ? QColor(255, fade, fade) : QColor(fade, fade, 255);
}

}  // namespace

void fillAttHeatTable(QTableWidget& table, const panel::GroupTimeEffects& effects, const panel::Panel& panel) {
  table.clear();
  table.setRowCount(static_cast<int>(effects.cohorts.size()));
  table.setColumnCount(panel.periods());
  QStringList rows, columns;
  for (int g : effects.cohorts) rows << QString::fromStdString(panel.periodLabel(g));
  for (int t = 0; t < panel.periods(); ++t) columns << QString::fromStdString(panel.periodLabel(t));
  table.setVerticalHeaderLabels(rows);
  table.setHorizontalHeaderLabels(columns);
  double scale = 0;
  for (const auto& cell : effects.cells) scale = std::max(scale, std::abs(cell.att));
  for (const auto& cell : effects.cells) {
    const auto row = std::lower_bound(effects.cohorts.begin(), effects.cohorts.end(), cell.cohort) - effects.cohorts.begin();
    auto* item = new QTableWidgetItem(QString::number(cell.att, 'f', 2));
    item->setBackground(heat(cell.att, scale));
    item->setForeground(QColor(0x22, 0x22, 0x22));
    item->setToolTip(QStringLiteral("ATT = %1 (SE %2), %3 treated vs %4 controls")
                         .arg(cell.att, 0, 'f', 3)
                         .arg(cell.se, 0, 'f', 3)
                         .arg(cell.nTreated)
                         .arg(cell.nControl));
    if (!cell.post()) {
      QFont font = item->font();
      font.setItalic(true);
      item->setFont(font);
    }
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    table.setItem(static_cast<int>(row), cell.period, item);
  }
  table.horizontalHeader()->setDefaultSectionSize(56);
}

}  // namespace causeway::ui::detail
