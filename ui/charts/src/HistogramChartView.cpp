#include "causeway/ui/charts/HistogramChartView.hpp"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QHorizontalBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

#include "MirroredSeries.hpp"
#include "causeway/report/ChartSvg.hpp"

namespace causeway::ui {

HistogramChartView::HistogramChartView(QWidget* parent)
    : RebuildingChartView(tr("Select a column"), parent) {
  rebuild();
}

void HistogramChartView::setHistogram(HistogramData histogram) {
  data_ = std::move(histogram);
  rebuild();
}

void HistogramChartView::setCategories(CategoryCounts counts) {
  data_ = std::move(counts);
  rebuild();
}

void HistogramChartView::clear() {
  data_ = std::monostate{};
  rebuild();
}

bool HistogramChartView::build(QChart* chart, const ChartColors& colors) {
  chart->legend()->hide();
  auto* yAxis = new QValueAxis;
  yAxis->setTitleText(tr("count"));
  yAxis->setLabelFormat(QStringLiteral("%.0f"));
  double peak = 0;

  if (const auto* h = std::get_if<HistogramData>(&data_)) {
    if (h->edges.size() < 2) return false;
    QLineSeries* steps = detail::stepSeries(h->edges, h->counts, 1.0);
    auto* area = new QAreaSeries(steps);
    area->setName(tr("count"));
    QColor fill = colors.control;
    fill.setAlphaF(0.75F);
    area->setBrush(fill);
    area->setPen(QPen(colors.control, 1.0));
    chart->addSeries(area);
    auto* xAxis = new QValueAxis;
    xAxis->setRange(h->edges.front(), h->edges.back());
    xAxis->setTitleText(QString::fromStdString(h->xLabel));
    xAxis->setLabelFormat(QStringLiteral("%.4g"));
    xAxis->setTickCount(5);
    chart->addAxis(xAxis, Qt::AlignBottom);
    area->attachAxis(xAxis);
    styleAxis(xAxis, colors);
    for (double c : h->counts) peak = std::max(peak, c);
    chart->addAxis(yAxis, Qt::AlignLeft);
    area->attachAxis(yAxis);
  } else if (const auto* c = std::get_if<CategoryCounts>(&data_)) {
    if (c->labels.empty()) return false;
    auto* set = new QBarSet(tr("count"));
    QStringList labels;
    // Horizontal bars stack from the bottom: add the levels last-first so the first reads on top.
    for (std::size_t i = c->labels.size(); i-- > 0;) {
      labels << QString::fromStdString(c->labels[i]);
      const double v = i < c->counts.size() ? c->counts[i] : 0.0;
      *set << v;
      peak = std::max(peak, v);
    }
    set->setColor(colors.control);
    set->setBorderColor(colors.control.darker(115));
    // Bars run sideways so that level names read horizontally even in a narrow dock.
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* levelAxis = new QBarCategoryAxis;
    levelAxis->append(labels);
    chart->addAxis(levelAxis, Qt::AlignLeft);
    series->attachAxis(levelAxis);
    styleAxis(levelAxis, colors);
    yAxis->setTickCount(3);
    chart->addAxis(yAxis, Qt::AlignBottom);
    series->attachAxis(yAxis);
  } else {
    delete yAxis;
    return false;
  }
  const auto ticks = report::niceTicks(0, std::max(peak, 1.0), 4);
  yAxis->setRange(0, std::max(ticks.empty() ? 1.0 : ticks.back(), peak * 1.05));
  yAxis->applyNiceNumbers();
  styleAxis(yAxis, colors);
  return true;
}

}  // namespace causeway::ui
