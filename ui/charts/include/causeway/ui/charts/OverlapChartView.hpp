#pragma once

#include <optional>

#include "causeway/report/ChartSvg.hpp"
#include "causeway/ui/charts/RebuildingChartView.hpp"

namespace causeway::ui {

// Propensity score overlap: the treated group's histogram above the axis, the control group's
// mirrored below, before weighting or (when given) after. Bars are densities, so groups of
// different sizes compare directly.
class OverlapChartView : public RebuildingChartView {
  Q_OBJECT

 public:
  explicit OverlapChartView(QWidget* parent = nullptr);

  // `weighted` is unset when the method has no weights (plain regression).
  void setData(report::MirroredHistogram unweighted, std::optional<report::MirroredHistogram> weighted);
  void clear();

  [[nodiscard]] bool hasWeighted() const { return weighted_.has_value(); }
  [[nodiscard]] bool showsWeighted() const { return showWeighted_ && weighted_.has_value(); }

 public Q_SLOTS:
  void setShowWeighted(bool show);

 Q_SIGNALS:
  void showWeightedChanged(bool shown);

 protected:
  bool build(QChart* chart, const ChartColors& colors) override;

 private:
  std::optional<report::MirroredHistogram> unweighted_;
  std::optional<report::MirroredHistogram> weighted_;
  bool showWeighted_ = false;
};

}  // namespace causeway::ui
