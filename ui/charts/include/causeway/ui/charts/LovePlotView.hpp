#pragma once

#include <vector>

#include "causeway/report/ChartSvg.hpp"
#include "causeway/ui/charts/RebuildingChartView.hpp"

namespace causeway::ui {

// Love plot: |SMD| per covariate before (hollow) and after (filled) adjustment, first covariate
// at the top, with a dashed line at the balance threshold (0.1 by default). Hovering a dot
// shows its value.
class LovePlotView : public RebuildingChartView {
  Q_OBJECT

 public:
  explicit LovePlotView(QWidget* parent = nullptr);

  // `showAfter` false draws the unadjusted dots only (no adjustment was made).
  void setRows(std::vector<report::LovePlotRow> rows, double threshold = 0.1, bool showAfter = true);
  void clear();

  [[nodiscard]] QSize sizeHint() const override;

 protected:
  bool build(QChart* chart, const ChartColors& colors) override;

 private:
  std::vector<report::LovePlotRow> rows_;
  double threshold_ = 0.1;
  bool showAfter_ = true;
};

}  // namespace causeway::ui
