#include "MirroredSeries.hpp"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace causeway::ui::detail {
namespace {

QString tickText(double value) {
  const double magnitude = std::abs(value);
  if (magnitude == 0) return QStringLiteral("0");
  // Plain numbers: "2000", never "2e+03".
  return magnitude >= 100 ? QString::number(magnitude, 'f', 0) : QString::number(magnitude, 'g', 3);
}

}  // namespace

QLineSeries* stepSeries(const std::vector<double>& edges, const std::vector<double>& values, double sign) {
  auto* series = new QLineSeries;
  const std::size_t bins = edges.size() > 1 ? edges.size() - 1 : 0;
  if (bins == 0) return series;
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(2 * bins + 2));
  points.append({edges.front(), 0.0});
  for (std::size_t i = 0; i < bins; ++i) {
    const double v = i < values.size() && std::isfinite(values[i]) ? sign * values[i] : 0.0;
    points.append({edges[i], v});
    points.append({edges[i + 1], v});
  }
  points.append({edges.back(), 0.0});
  series->replace(points);
  return series;
}

MirroredSeries addMirroredHistogram(QChart* chart, const report::MirroredHistogram& h, const QString& yLabel,
                                    const ChartColors& colors) {
  MirroredSeries out;
  const double x0 = h.binEdges.empty() ? 0.0 : h.binEdges.front();
  const double x1 = h.binEdges.size() < 2 ? 1.0 : h.binEdges.back();
  auto zeroLine = [&] {
    auto* line = new QLineSeries;
    line->append(x0, 0.0);
    line->append(x1, 0.0);
    return line;
  };

  auto makeArea = [&](const std::vector<double>& values, double sign, const QColor& color, const std::string& label) {
    QLineSeries* steps = stepSeries(h.binEdges, values, sign);
    QLineSeries* base = zeroLine();
    auto* area = new QAreaSeries(sign > 0 ? steps : base, sign > 0 ? base : steps);
    area->setName(QString::fromStdString(label));
    QColor fill = color;
    fill.setAlphaF(0.8F);
    area->setBrush(fill);
    area->setPen(QPen(color.darker(colors.dark ? 100 : 115), 1.0));
    chart->addSeries(area);
    return area;
  };
  out.upper = makeArea(h.upper, 1.0, colors.treated, h.upperLabel + " (above)");
  out.lower = makeArea(h.lower, -1.0, colors.control, h.lowerLabel + " (below)");
  out.zero = zeroLine();
  out.zero->setPen(QPen(colors.axis, 1.2));
  chart->addSeries(out.zero);

  double peak = 0.0;
  for (double v : h.upper) peak = std::max(peak, std::isfinite(v) ? v : 0.0);
  for (double v : h.lower) peak = std::max(peak, std::isfinite(v) ? v : 0.0);
  if (peak <= 0) peak = 1.0;
  const std::vector<double> ticks = report::niceTicks(0.0, peak * 1.05, 4);
  const double limit = std::max(peak * 1.08, ticks.empty() ? peak : ticks.back());

  auto* xAxis = new QValueAxis;
  xAxis->setRange(x0, x1);
  xAxis->setTitleText(QString::fromStdString(h.xLabel));
  xAxis->setTickType(QValueAxis::TicksDynamic);
  const auto xTicks = report::niceTicks(x0, x1, 6);
  if (xTicks.size() >= 2) {
    xAxis->setTickAnchor(xTicks.front());
    xAxis->setTickInterval(xTicks[1] - xTicks[0]);
  }
  xAxis->setLabelFormat(QStringLiteral("%.3g"));
  // Magnitudes on both sides of zero: a category axis with labels at chosen values (Qt needs
  // distinct labels, so the lower side's carry an invisible zero-width space).
  auto* yAxis = new QCategoryAxis;
  yAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
  yAxis->setRange(-limit, limit);
  for (auto it = ticks.rbegin(); it != ticks.rend(); ++it)
    if (*it > 0 && *it <= limit) yAxis->append(tickText(*it) + QChar(0x200B), -*it);
  yAxis->append(QStringLiteral("0"), 0.0);
  for (double t : ticks)
    if (t > 0 && t <= limit) yAxis->append(tickText(t), t);
  yAxis->setTitleText(yLabel);
  chart->addAxis(xAxis, Qt::AlignBottom);
  chart->addAxis(yAxis, Qt::AlignLeft);
  for (QAbstractSeries* s : {static_cast<QAbstractSeries*>(out.upper), static_cast<QAbstractSeries*>(out.lower),
                             static_cast<QAbstractSeries*>(out.zero)}) {
    s->attachAxis(xAxis);
    s->attachAxis(yAxis);
  }
  styleAxis(xAxis, colors);
  styleAxis(yAxis, colors);
  for (QLegendMarker* marker : chart->legend()->markers(out.zero)) marker->setVisible(false);
  return out;
}

}  // namespace causeway::ui::detail
