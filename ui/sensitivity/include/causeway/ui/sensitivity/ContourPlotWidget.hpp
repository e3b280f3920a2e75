#pragma once

#include <vector>

#include <QWidget>

class QPainter;

#include "causeway/estimation/SensitivityContours.hpp"

namespace causeway::ui {

// One contour plot of the sensitivity analysis: R²D~Z|X across, R²Y~Z|D,X up, the core's level
// lines in grey (the critical one red and dashed), the unadjusted estimate at the origin and the
// benchmark bounds as red diamonds with their values.
class ContourPlotWidget : public QWidget {
  Q_OBJECT

 public:
  explicit ContourPlotWidget(QWidget* parent = nullptr);

  // showT: label the benchmarks with their adjusted t-value instead of the adjusted estimate.
  void setPlot(estimation::ContourPlot plot, std::vector<estimation::BenchmarkPoint> benchmarks, bool showT);
  // The extreme scenarios instead: adjusted estimate against R²D~Z|X, one line per R²Y~Z|D,X.
  void setExtreme(std::vector<estimation::ExtremeCurve> curves);
  void clear();
  [[nodiscard]] bool hasPlot() const { return !plot_.xs.empty() || !extreme_.empty(); }
  [[nodiscard]] QSize sizeHint() const override { return {460, 400}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  void paintContours(QPainter& p, const QRectF& area);
  void paintExtreme(QPainter& p, const QRectF& area);

  estimation::ContourPlot plot_;
  std::vector<estimation::BenchmarkPoint> benchmarks_;
  std::vector<estimation::ExtremeCurve> extreme_;
  bool showT_ = false;
};

}  // namespace causeway::ui
