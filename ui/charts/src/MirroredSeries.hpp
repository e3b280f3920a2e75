#pragma once

#include <QString>

#include "causeway/report/ChartSvg.hpp"
#include "causeway/ui/charts/ChartPalette.hpp"

QT_BEGIN_NAMESPACE
class QChart;
class QAreaSeries;
class QLineSeries;
QT_END_NAMESPACE

namespace causeway::ui::detail {

struct MirroredSeries {
  QAreaSeries* upper = nullptr;  // values drawn above the zero line
  QAreaSeries* lower = nullptr;  // drawn below it
  QLineSeries* zero = nullptr;   // the zero line (not in the legend)
};

// Adds a mirrored histogram to `chart` as two step-shaped area series on shared axes: the y
// axis shows magnitudes on both sides of zero and is titled `yLabel`.
MirroredSeries addMirroredHistogram(QChart* chart, const report::MirroredHistogram& histogram, const QString& yLabel,
                                    const ChartColors& colors);

// The outline of a histogram as steps: (e0, 0), (e0, v0), (e1, v0), (e1, v1), ..., (en, 0),
// with every value multiplied by `sign`.
QLineSeries* stepSeries(const std::vector<double>& edges, const std::vector<double>& values, double sign);

}  // namespace causeway::ui::detail
