#include "causeway/ui/charts/OverlapChartView.hpp"

#include <QChart>

#include "MirroredSeries.hpp"

namespace causeway::ui {

OverlapChartView::OverlapChartView(QWidget* parent)
    : RebuildingChartView(tr("Propensity overlap: run an estimate"), parent) {
  rebuild();
}

void OverlapChartView::setData(report::MirroredHistogram unweighted,
                               std::optional<report::MirroredHistogram> weighted) {
  unweighted_ = std::move(unweighted);
  weighted_ = std::move(weighted);
  rebuild();
}

void OverlapChartView::clear() {
  unweighted_.reset();
  weighted_.reset();
  rebuild();
}

void OverlapChartView::setShowWeighted(bool show) {
  if (show == showWeighted_) return;
  showWeighted_ = show;
  rebuild();
  Q_EMIT showWeightedChanged(show);
}

bool OverlapChartView::build(QChart* chart, const ChartColors& colors) {
  const std::optional<report::MirroredHistogram>& shown = showsWeighted() ? weighted_ : unweighted_;
  if (!shown) return false;
  chart->setTitle(showsWeighted() ? tr("Propensity overlap, weighted") : tr("Propensity overlap, unweighted"));
  detail::addMirroredHistogram(chart, *shown, tr("density"), colors);
  return true;
}

}  // namespace causeway::ui
