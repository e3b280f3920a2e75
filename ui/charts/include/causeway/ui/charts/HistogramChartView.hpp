#pragma once

#include <variant>

#include "causeway/ui/charts/ChartData.hpp"
#include "causeway/ui/charts/RebuildingChartView.hpp"

namespace causeway::ui {

// The small histogram beside a column summary: a step-shaped area for a numeric column, bars
// for the levels of a categorical one.
class HistogramChartView : public RebuildingChartView {
  Q_OBJECT

 public:
  explicit HistogramChartView(QWidget* parent = nullptr);

  void setHistogram(HistogramData histogram);
  void setCategories(CategoryCounts counts);
  void clear();

  [[nodiscard]] QSize sizeHint() const override { return {320, 200}; }

 protected:
  bool build(QChart* chart, const ChartColors& colors) override;

 private:
  std::variant<std::monostate, HistogramData, CategoryCounts> data_;
};

}  // namespace causeway::ui
