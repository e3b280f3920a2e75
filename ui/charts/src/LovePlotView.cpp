#include "causeway/ui/charts/LovePlotView.hpp"

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

LovePlotView::LovePlotView(QWidget* parent) : RebuildingChartView(tr("Love plot: run an estimate"), parent) {
  rebuild();
}

void LovePlotView::setRows(std::vector<report::LovePlotRow> rows, double threshold, bool showAfter) {
  rows_ = std::move(rows);
  threshold_ = threshold;
  showAfter_ = showAfter;
  rebuild();
}

void LovePlotView::clear() {
  rows_.clear();
  rebuild();
}

QSize LovePlotView::sizeHint() const {
  return {480, std::max(220, 90 + 24 * static_cast<int>(rows_.size()))};
}

bool LovePlotView::build(QChart* chart, const ChartColors& colors) {
  if (rows_.empty()) return false;
  chart->setTitle(tr("Covariate balance (love plot)"));
  const auto n = static_cast<int>(rows_.size());
  // Row i sits at y = n - 1 - i, so the first covariate is on top.
  auto y = [n](std::size_t i) { return static_cast<double>(n - 1 - static_cast<int>(i)); };

  auto* before = new QScatterSeries;
  before->setName(tr("unadjusted"));
  before->setMarkerShape(QScatterSeries::MarkerShapeCircle);
  before->setMarkerSize(10);
  before->setBrush(colors.background);
  before->setPen(QPen(colors.before, 2.0));
  auto* after = new QScatterSeries;
  after->setName(tr("adjusted"));
  after->setMarkerShape(QScatterSeries::MarkerShapeCircle);
  after->setMarkerSize(10);
  after->setColor(colors.after);
  after->setBorderColor(colors.after);

  double peak = threshold_ * 1.5;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    before->append(rows_[i].before, y(i));
    peak = std::max(peak, rows_[i].before);
    if (showAfter_) {
      after->append(rows_[i].after, y(i));
      peak = std::max(peak, rows_[i].after);
    }
  }
  auto* threshold = new QLineSeries;
  threshold->setName(tr("threshold %1").arg(threshold_));
  QPen dashed(colors.threshold, 1.4);
  dashed.setStyle(Qt::DashLine);
  threshold->setPen(dashed);
  threshold->append(threshold_, -0.6);
  threshold->append(threshold_, n - 0.4);

  chart->addSeries(threshold);
  chart->addSeries(before);
  if (showAfter_) chart->addSeries(after);
  else delete after;

  // Round ticks that just cover the largest dot, never a wide empty margin.
  const auto ticks = report::niceTicks(0.0, peak * 1.05, 5);
  const double step = ticks.size() >= 2 ? ticks[1] - ticks[0] : peak;
  auto* xAxis = new QValueAxis;
  xAxis->setRange(0, ticks.empty() ? peak * 1.08 : std::max(ticks.back(), peak * 1.05));
  xAxis->setTickType(QValueAxis::TicksDynamic);
  xAxis->setTickAnchor(0.0);
  xAxis->setTickInterval(step);
  xAxis->setTitleText(tr("absolute standardised mean difference"));
  xAxis->setLabelFormat(QStringLiteral("%.2g"));
  auto* yAxis = new QCategoryAxis;
  yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  yAxis->setRange(-0.6, n - 0.4);
  std::set<QString> used;  // Qt needs distinct labels
  for (int i = n - 1; i >= 0; --i) {
    QString label = QString::fromStdString(rows_[static_cast<std::size_t>(i)].covariate);
    while (!used.insert(label).second) label += QChar(0x200B);
    yAxis->append(label, y(static_cast<std::size_t>(i)));
  }
  yAxis->setGridLineVisible(true);
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
  auto tip = [rows, n](const QString& which) {
    return [rows, n, which](const QPointF& point, bool state) {
      if (!state) return QToolTip::hideText();
      const auto i = static_cast<std::size_t>(std::clamp(n - 1 - static_cast<int>(std::lround(point.y())), 0, n - 1));
      QToolTip::showText(QCursor::pos(), QStringLiteral("%1, %2: |SMD| = %3")
                                             .arg(QString::fromStdString(rows[i].covariate), which)
                                             .arg(point.x(), 0, 'f', 3));
    };
  };
  QObject::connect(before, &QScatterSeries::hovered, chart, tip(tr("unadjusted")));
  if (showAfter_) QObject::connect(after, &QScatterSeries::hovered, chart, tip(tr("adjusted")));
  return true;
}

}  // namespace causeway::ui
