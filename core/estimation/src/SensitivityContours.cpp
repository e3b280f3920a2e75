#include "causeway/estimation/SensitivityContours.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <unordered_map>
#include <utility>

#include "causeway/estimation/OmittedVariableBias.hpp"

namespace causeway::estimation {

namespace {

// Grid edges: horizontal (i,j)-(i+1,j) has id 2(i·ny + j), vertical (i,j)-(i,j+1) has id 2(i·ny + j) + 1.
struct Grid {
  const std::vector<double>& xs;
  const std::vector<double>& ys;
  const std::vector<double>& v;
  double level;
  std::size_t ny() const { return ys.size(); }
  double at(std::size_t i, std::size_t j) const { return v[i * ny() + j]; }
  long hEdge(std::size_t i, std::size_t j) const { return static_cast<long>(2 * (i * ny() + j)); }
  long vEdge(std::size_t i, std::size_t j) const { return static_cast<long>(2 * (i * ny() + j) + 1); }
  PlotPoint crossing(long edge) const {
    const auto node = static_cast<std::size_t>(edge / 2);
    const std::size_t i = node / ny(), j = node % ny();
    const bool horizontal = edge % 2 == 0;
    const std::size_t i2 = horizontal ? i + 1 : i, j2 = horizontal ? j : j + 1;
    const double f1 = at(i, j), f2 = at(i2, j2);
    const double s = f2 == f1 ? 0.5 : (level - f1) / (f2 - f1);
    return {xs[i] + s * (xs[i2] - xs[i]), ys[j] + s * (ys[j2] - ys[j])};
  }
};

}  // namespace

std::vector<Polyline> contourLines(const std::vector<double>& xs, const std::vector<double>& ys,
                                   const std::vector<double>& values, double level) {
  std::vector<Polyline> out;
  if (xs.size() < 2 || ys.size() < 2 || values.size() != xs.size() * ys.size()) return out;
  const Grid g{xs, ys, values, level};
  std::vector<std::pair<long, long>> segments;
  for (std::size_t i = 0; i + 1 < xs.size(); ++i)
    for (std::size_t j = 0; j + 1 < ys.size(); ++j) {
      const double a = g.at(i, j), b = g.at(i + 1, j), c = g.at(i + 1, j + 1), d = g.at(i, j + 1);
      if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c) || !std::isfinite(d)) continue;
      const int index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
      // e0 bottom (a-b), e1 right (b-c), e2 top (d-c), e3 left (a-d)
      const std::array<long, 4> e{g.hEdge(i, j), g.vEdge(i + 1, j), g.hEdge(i, j + 1), g.vEdge(i, j)};
      const bool centreIn = (a + b + c + d) / 4.0 >= level;
      auto seg = [&](int p, int q) { segments.emplace_back(e[static_cast<std::size_t>(p)], e[static_cast<std::size_t>(q)]); };
      switch (index) {
        case 1: case 14: seg(3, 0); break;
        case 2: case 13: seg(0, 1); break;
        case 3: case 12: seg(3, 1); break;
        case 4: case 11: seg(1, 2); break;
        case 6: case 9: seg(0, 2); break;
        case 7: case 8: seg(3, 2); break;
        case 5:  // a and c inside: joined through the centre, or cut off around their corners
          if (centreIn) { seg(0, 1); seg(2, 3); } else { seg(3, 0); seg(1, 2); }
          break;
        case 10:  // b and d inside
          if (centreIn) { seg(3, 0); seg(1, 2); } else { seg(0, 1); seg(2, 3); }
          break;
        default: break;
      }
    }
  // Chain the segments: each grid edge is shared by at most two of them.
  std::unordered_map<long, std::vector<std::size_t>> byEdge;
  for (std::size_t s = 0; s < segments.size(); ++s) {
    byEdge[segments[s].first].push_back(s);
    byEdge[segments[s].second].push_back(s);
  }
  std::vector<bool> used(segments.size(), false);
  auto walk = [&](std::size_t start, long from) {
    Polyline line;
    line.points.push_back(g.crossing(from));
    std::size_t s = start;
    long edge = from;
    while (true) {
      used[s] = true;
      edge = segments[s].first == edge ? segments[s].second : segments[s].first;
      line.points.push_back(g.crossing(edge));
      std::size_t next = segments.size();
      for (std::size_t candidate : byEdge[edge])
        if (!used[candidate]) next = candidate;
      if (next == segments.size()) break;
      s = next;
    }
    out.push_back(std::move(line));
  };
  // Open lines start at an edge used once (the grid's border), then the closed loops.
  for (std::size_t s = 0; s < segments.size(); ++s) {
    if (used[s]) continue;
    if (byEdge[segments[s].first].size() == 1) walk(s, segments[s].first);
    else if (byEdge[segments[s].second].size() == 1) walk(s, segments[s].second);
  }
  for (std::size_t s = 0; s < segments.size(); ++s)
    if (!used[s]) walk(s, segments[s].first);
  return out;
}

namespace {

// About eight round levels (1, 2 or 5 times a power of ten) across [lo, hi].
std::vector<double> roundLevels(double lo, double hi) {
  std::vector<double> levels;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return levels;
  const double raw = (hi - lo) / 8.0;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) {
      step = m * power;
      break;
    }
  for (double v = std::ceil(lo / step) * step; v <= hi; v += step) levels.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  return levels;
}

ContourPlot makePlot(std::string quantity, const std::vector<double>& xs, const std::vector<double>& ys,
                     std::vector<double> values, double critical) {
  ContourPlot plot;
  plot.quantity = std::move(quantity);
  plot.xs = xs;
  plot.ys = ys;
  plot.values = std::move(values);
  double lo = INFINITY, hi = -INFINITY;
  for (double v : plot.values)
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  const auto round = roundLevels(lo, hi);
  const double step = round.size() > 1 ? round[1] - round[0] : 0.0;
  for (double level : round)
    if (std::abs(level - critical) > 0.25 * step)
      plot.levels.push_back({level, false, contourLines(xs, ys, plot.values, level)});
  plot.levels.push_back({critical, true, contourLines(xs, ys, plot.values, critical)});
  return plot;
}

}  // namespace

SensitivityPlots buildSensitivityPlots(double estimate, double se, double dof, double alpha,
                                       std::vector<BenchmarkPoint> benchmarks, int gridSize) {
  SensitivityPlots plots;
  double xMax = 0.4, yMax = 0.4;
  for (const auto& b : benchmarks) {
    xMax = std::max(xMax, 1.15 * b.r2dz);
    yMax = std::max(yMax, 1.15 * b.r2yz);
  }
  xMax = std::min(xMax, 0.95);
  yMax = std::min(yMax, 0.95);
  const auto n = static_cast<std::size_t>(std::max(gridSize, 3));
  std::vector<double> xs(n), ys(n);
  for (std::size_t i = 0; i < n; ++i) {
    xs[i] = xMax * static_cast<double>(i) / static_cast<double>(n - 1);
    ys[i] = yMax * static_cast<double>(i) / static_cast<double>(n - 1);
  }
  std::vector<double> est(n * n), tv(n * n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const AdjustedEstimate a = adjustEstimate(estimate, se, dof, xs[i], ys[j], alpha);
      est[i * n + j] = a.estimate;
      tv[i * n + j] = a.t;
    }
  const double tCrit = studentQuantile(1.0 - alpha / 2.0, dof - 1.0) * (estimate < 0.0 ? -1.0 : 1.0);
  plots.estimate = makePlot("adjusted estimate", xs, ys, std::move(est), 0.0);
  plots.t = makePlot("adjusted t-value", xs, ys, std::move(tv), tCrit);
  plots.benchmarks = std::move(benchmarks);
  for (double r2yz : {1.0, 0.75, 0.5}) {
    ExtremeCurve curve;
    curve.r2yz = r2yz;
    for (double x : xs) curve.points.push_back({x, adjustEstimate(estimate, se, dof, x, r2yz, alpha).estimate});
    plots.extreme.push_back(std::move(curve));
  }
  return plots;
}

}  // namespace causeway::estimation
