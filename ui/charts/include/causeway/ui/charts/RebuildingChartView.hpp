#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <vector>

#include "causeway/ui/charts/ChartPalette.hpp"

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace causeway::ui {

// What one drawn series shows, as plain data (tests and callers outside ui/charts never need
// Qt Charts types).
struct ChartSeriesInfo {
  enum class Kind { Area, Line, Scatter, Bar };
  Kind kind = Kind::Line;
  QString name;
  QList<QPointF> points;       // an area's upper edge; a bar set's (index, value)
  QList<QPointF> lowerPoints;  // an area's lower edge
};

// Base of the diagnostics charts: a widget wrapping a Qt Charts view (Qt Charts stays private
// to this folder). The subclass keeps its plain input and draws a fresh QChart from it in
// build(); the chart is rebuilt when the input or the palette (light/dark theme) changes.
// Without data it shows `placeholder` as the chart title.
class RebuildingChartView : public QWidget {
  Q_OBJECT

 public:
  explicit RebuildingChartView(QString placeholder, QWidget* parent = nullptr);

  [[nodiscard]] QSize sizeHint() const override { return {480, 300}; }

  // The series drawn now, in drawing order; empty while the placeholder shows.
  [[nodiscard]] std::vector<ChartSeriesInfo> seriesInfo() const;
  [[nodiscard]] QString title() const;
  // The underlying chart, for tests of this folder.
  [[nodiscard]] QChart* chart() const;

 protected:
  // Fills `chart` (already styled); returns false when there is nothing to draw.
  virtual bool build(QChart* chart, const ChartColors& colors) = 0;
  // Draws the chart again from the subclass's data.
  void rebuild();
  void changeEvent(QEvent* event) override;

 private:
  QChartView* view_ = nullptr;
  QString placeholder_;
  bool rebuilding_ = false;
};

}  // namespace causeway::ui
