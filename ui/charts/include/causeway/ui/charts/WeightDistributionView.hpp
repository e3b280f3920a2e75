#pragma once

#include <optional>

#include "causeway/report/ChartSvg.hpp"
#include "causeway/ui/charts/RebuildingChartView.hpp"

namespace causeway::ui {

// Distribution of the balancing (or matching) weights: treated units above the axis, controls
// mirrored below, counts of units per weight bin.
class WeightDistributionView : public RebuildingChartView {
  Q_OBJECT

 public:
  explicit WeightDistributionView(QWidget* parent = nullptr);

  void setData(report::MirroredHistogram histogram);
  void clear();

 protected:
  bool build(QChart* chart, const ChartColors& colors) override;

 private:
  std::optional<report::MirroredHistogram> histogram_;
};

}  // namespace causeway::ui
