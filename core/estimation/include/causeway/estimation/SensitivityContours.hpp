#pragma once

#include <string>
#include <vector>

// Contour and extreme-scenario plots of the omitted-variable-bias sensitivity analysis as plain
// data (points and polylines), drawn by the report (SVG) and the GUI alike.
namespace causeway::estimation {

struct PlotPoint {
  double x = 0.0;
  double y = 0.0;
};

struct Polyline {
  std::vector<PlotPoint> points;
};

// Contour lines of f over a rectangular grid at `level`, by marching squares (saddles resolved
// by the cell-centre average). values[i * ys.size() + j] = f(xs[i], ys[j]); xs and ys increasing.
// Segments are chained into polylines through the grid edges they share.
[[nodiscard]] std::vector<Polyline> contourLines(const std::vector<double>& xs, const std::vector<double>& ys,
                                                 const std::vector<double>& values, double level);

struct ContourLevel {
  double level = 0.0;
  bool critical = false;  // the estimate at 0, or the t-value at the critical t
  std::vector<Polyline> lines;
};

struct ContourPlot {
  std::string quantity;       // "adjusted estimate" or "adjusted t-value"
  std::vector<double> xs;     // R²D~Z|X
  std::vector<double> ys;     // R²Y~Z|D,X
  std::vector<double> values; // values[i * ys.size() + j]
  std::vector<ContourLevel> levels;
};

struct BenchmarkPoint {
  std::string label;  // "1x age"
  double r2dz = 0.0;
  double r2yz = 0.0;
  double estimate = 0.0;  // adjusted estimate at that point
  double t = 0.0;         // adjusted t-value there
};

// Adjusted estimate against R²D~Z|X for a confounder explaining the share r2yz of the
// outcome's residual variance (the paper's extreme scenario: r2yz = 1, 0.75, 0.5).
struct ExtremeCurve {
  double r2yz = 1.0;
  std::vector<PlotPoint> points;
};

struct SensitivityPlots {
  ContourPlot estimate;
  ContourPlot t;
  std::vector<BenchmarkPoint> benchmarks;
  std::vector<ExtremeCurve> extreme;
};

// The grids span [0, xMax] x [0, yMax]: at least 0.4, enough to show every benchmark point,
// at most 0.95 (where the adjusted SE vanishes).
[[nodiscard]] SensitivityPlots buildSensitivityPlots(double estimate, double se, double dof, double alpha,
                                                     std::vector<BenchmarkPoint> benchmarks, int gridSize);

}  // namespace causeway::estimation
