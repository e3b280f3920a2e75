#pragma once

#include <string>

#include "causeway/estimation/SensitivityContours.hpp"

namespace causeway::report {

// A contour plot of the sensitivity analysis (Cinelli & Hazlett's figure 2 style): R²D~Z|X on x,
// R²Y~Z|D,X on y, grey level lines labelled with their value, the critical line red and
// dashed, the unadjusted estimate at the origin and the benchmark bounds as red diamonds.
[[nodiscard]] std::string renderContourPlotSvg(const estimation::ContourPlot& plot,
                                               const std::vector<estimation::BenchmarkPoint>& benchmarks,
                                               bool showT, double width = 460, double height = 420);

// The extreme scenario: adjusted estimate against R²D~Z|X for confounders explaining 100%, 75%
// and 50% of the outcome's residual variance, with the zero line.
[[nodiscard]] std::string renderExtremePlotSvg(const std::vector<estimation::ExtremeCurve>& curves, double width = 520,
                                               double height = 320);

}  // namespace causeway::report
