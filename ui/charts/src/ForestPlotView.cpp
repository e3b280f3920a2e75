#include "causeway/ui/charts/ForestPlotView.hpp"

#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <set>

namespace causeway::ui {

ForestPlotView::ForestPlotView(QWidget* parent)
    : RebuildingChartView(tr("Estimates across adjustment sets: run an estimate"), parent) {
  rebuild();
}

void ForestPlotView::setRows(std::vector<report::ForestRow> rows, double reference, QString xLabel) {
  rows_ = std::move(rows);
  reference_ = reference;
  xLabel_ = std::move(xLabel);
  rebuild();
}

void ForestPlotView::clear() {
  rows_.clear();
  rebuild();
}

QSize ForestPlotView::sizeHint() const {
  return {520, std::max(200, 90 + 26 * static_cast<int>(rows_.size()))};
}

bool ForestPlotView::build(QChart* chart, const ChartColors& colors) {
  if (rows_.empty()) return false;
  chart->setTitle(tr("Estimates across adjustment sets"));
  chart->legend()->hide();
  const auto n = static_cast<int>(rows_.size());
  auto y = [n](std::size_t i) { return static_cast<double>(n - 1 - static_cast<int>(i)); };

  double low = reference_, high = reference_;
  auto* points = new QScatterSeries;
  points->setName(tr("estimate"));
  points->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
  points->setMarkerSize(9);
  points->setColor(colors.control);
  points->setBorderColor(colors.control);
  std::vector<QLineSeries*> intervals;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const auto& r = rows_[i];
    if (std::isfinite(r.low) && std::isfinite(r.high)) {
      auto* ci = new QLineSeries;
      ci->setName(QString::fromStdString(r.label));
      ci->setPen(QPen(colors.text, 1.6));
      ci->append(r.low, y(i));
      ci->append(r.high, y(i));
      intervals.push_back(ci);
      low = std::min(low, r.low);
      high = std::max(high, r.high);
    }
    if (std::isfinite(r.estimate)) {
      points->append(r.estimate, y(i));
      low = std::min(low, r.estimate);
      high = std::max(high, r.estimate);
    }
  }
  auto* reference = new QLineSeries;
  reference->setName(tr("reference"));
  QPen dashed(colors.threshold, 1.2);
  dashed.setStyle(Qt::DashLine);
  reference->setPen(dashed);
  reference->append(reference_, -0.6);
  reference->append(reference_, n - 0.4);

  chart->addSeries(reference);
  for (QLineSeries* ci : intervals) chart->addSeries(ci);
  chart->addSeries(points);

  const double pad = (high - low) * 0.06 + (high == low ? 1.0 : 0.0);
  const auto ticks = report::niceTicks(low - pad, high + pad, 6);
  auto* xAxis = new QValueAxis;
  xAxis->setRange(low - pad, high + pad);
  if (ticks.size() >= 2) {
    xAxis->setTickType(QValueAxis::TicksDynamic);
    xAxis->setTickAnchor(ticks.front());
    xAxis->setTickInterval(ticks[1] - ticks[0]);
  }
  xAxis->setTitleText(xLabel_.isEmpty() ? tr("estimate (95% CI)") : xLabel_);
  xAxis->setLabelFormat(QStringLiteral("%.4g"));
  auto* yAxis = new QCategoryAxis;
  yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  yAxis->setRange(-0.6, n - 0.4);
  std::set<QString> used;
  for (int i = n - 1; i >= 0; --i) {
    QString label = QString::fromStdString(rows_[static_cast<std::size_t>(i)].label);
    while (!used.insert(label).second) label += QChar(0x200B);
    yAxis->append(label, y(static_cast<std::size_t>(i)));
  }
  chart->addAxis(xAxis, Qt::AlignBottom);
  chart->addAxis(yAxis, Qt::AlignLeft);
  for (QAbstractSeries* s : chart->series()) {
    s->attachAxis(xAxis);
    s->attachAxis(yAxis);
  }
  styleAxis(xAxis, colors);
  styleAxis(yAxis, colors);
  yAxis->setLabelsColor(colors.text);

  auto rows = rows_;
  QObject::connect(points, &QScatterSeries::hovered, chart, [rows, n](const QPointF& point, bool state) {
    if (!state) return QToolTip::hideText();
    const auto i = static_cast<std::size_t>(std::clamp(n - 1 - static_cast<int>(std::lround(point.y())), 0, n - 1));
    QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2 (%3 to %4)")
                                           .arg(QString::fromStdString(rows[i].label))
                                           .arg(rows[i].estimate, 0, 'g', 5)
                                           .arg(rows[i].low, 0, 'g', 5)
                                           .arg(rows[i].high, 0, 'g', 5));
  });
  return true;
}

}  // namespace causeway::ui
