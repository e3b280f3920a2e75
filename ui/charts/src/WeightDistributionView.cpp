#include "causeway/ui/charts/WeightDistributionView.hpp"

#include <QChart>

#include "MirroredSeries.hpp"

namespace causeway::ui {

WeightDistributionView::WeightDistributionView(QWidget* parent)
    : RebuildingChartView(tr("Weights: run a weighting or matching estimate"), parent) {
  rebuild();
}

void WeightDistributionView::setData(report::MirroredHistogram histogram) {
  histogram_ = std::move(histogram);
  rebuild();
}

void WeightDistributionView::clear() {
  histogram_.reset();
  rebuild();
}

bool WeightDistributionView::build(QChart* chart, const ChartColors& colors) {
  if (!histogram_) return false;
  chart->setTitle(histogram_->title.empty() ? tr("Weight distribution") : QString::fromStdString(histogram_->title));
  detail::addMirroredHistogram(chart, *histogram_, tr("units"), colors);
  return true;
}

}  // namespace causeway::ui
