#include "causeway/ui/charts/RebuildingChartView.hpp"

#include <QAreaSeries>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>

namespace causeway::ui {

RebuildingChartView::RebuildingChartView(QString placeholder, QWidget* parent)
    : QWidget(parent), placeholder_(std::move(placeholder)) {
  view_ = new QChartView(this);
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setFrameShape(QFrame::NoFrame);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_);
  setMinimumSize(220, 160);
}

QChart* RebuildingChartView::chart() const { return view_->chart(); }

QString RebuildingChartView::title() const { return view_->chart()->title(); }

void RebuildingChartView::rebuild() {
  if (rebuilding_) return;
  rebuilding_ = true;
  auto* fresh = new QChart;
  const ChartColors colors = chartColors(palette());
  styleChart(fresh, colors);
  if (!build(fresh, colors)) {
    fresh->setTitle(placeholder_);
    fresh->setTitleBrush(colors.mutedText);
    fresh->legend()->hide();
  }
  QChart* old = view_->chart();
  view_->setChart(fresh);  // the view owns the new chart and releases the old one
  delete old;
  view_->setBackgroundBrush(colors.background);
  rebuilding_ = false;
}

void RebuildingChartView::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) rebuild();
}

std::vector<ChartSeriesInfo> RebuildingChartView::seriesInfo() const {
  std::vector<ChartSeriesInfo> out;
  for (QAbstractSeries* series : view_->chart()->series()) {
    ChartSeriesInfo info;
    info.name = series->name();
    if (auto* area = qobject_cast<QAreaSeries*>(series)) {
      info.kind = ChartSeriesInfo::Kind::Area;
      if (area->upperSeries()) info.points = area->upperSeries()->points();
      if (area->lowerSeries()) info.lowerPoints = area->lowerSeries()->points();
    } else if (auto* scatter = qobject_cast<QScatterSeries*>(series)) {
      info.kind = ChartSeriesInfo::Kind::Scatter;
      info.points = scatter->points();
    } else if (auto* line = qobject_cast<QLineSeries*>(series)) {
      info.kind = ChartSeriesInfo::Kind::Line;
      info.points = line->points();
    } else if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {  // vertical or horizontal
      info.kind = ChartSeriesInfo::Kind::Bar;
      for (QBarSet* set : bars->barSets())
        for (int i = 0; i < set->count(); ++i) info.points.append(QPointF(i, set->at(i)));
    }
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace causeway::ui
