#pragma once

#include <vector>

#include "causeway/report/ChartSvg.hpp"
#include "causeway/ui/charts/RebuildingChartView.hpp"

namespace causeway::ui {

// Estimates with confidence intervals, one row each (e.g. one per minimal adjustment set and
// method), first row on top, with a dashed reference line (usually 0 = no effect).
class ForestPlotView : public RebuildingChartView {
  Q_OBJECT

 public:
  explicit ForestPlotView(QWidget* parent = nullptr);

  void setRows(std::vector<report::ForestRow> rows, double reference = 0.0, QString xLabel = {});
  void clear();

  [[nodiscard]] QSize sizeHint() const override;

 protected:
  bool build(QChart* chart, const ChartColors& colors) override;

 private:
  std::vector<report::ForestRow> rows_;
  double reference_ = 0.0;
  QString xLabel_;
};

}  // namespace causeway::ui
