#include "causeway/report/SensitivityPlotSvg.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "causeway/common/NumberFormat.hpp"
#include "causeway/report/ChartSvg.hpp"
#include "causeway/report/SvgBuilder.hpp"

namespace causeway::report {

namespace {

constexpr const char* kAxis = "#555555";
constexpr const char* kLevel = "#8c8c8c";
constexpr const char* kCritical = "#c0392b";

struct Scale {
  double d0, d1, p0, p1;
  double operator()(double v) const { return d1 == d0 ? (p0 + p1) / 2 : p0 + (v - d0) * (p1 - p0) / (d1 - d0); }
};

std::string pathOf(const estimation::Polyline& line, const Scale& sx, const Scale& sy) {
  std::string d;
  for (const auto& p : line.points) {
    d += d.empty() ? "M" : " L";
    d += SvgBuilder::number(sx(p.x)) + " " + SvgBuilder::number(sy(p.y));
  }
  return d;
}

void axes(SvgBuilder& svg, const Scale& sx, const Scale& sy, double x0, double x1, double y0, double y1,
          const std::string& xLabel, const std::string& yLabel) {
  for (double t : niceTicks(x0, x1, 5)) {
    svg.line(sx(t), sy(y0), sx(t), sy(y0) + 4, kAxis);
    svg.text(sx(t), sy(y0) + 17, format::significant(t, 2), 11, "middle", kAxis);
  }
  for (double t : niceTicks(y0, y1, 5)) {
    svg.line(sx(x0) - 4, sy(t), sx(x0), sy(t), kAxis);
    svg.text(sx(x0) - 7, sy(t) + 4, format::significant(t, 2), 11, "end", kAxis);
  }
  svg.line(sx(x0), sy(y0), sx(x1), sy(y0), kAxis);
  svg.line(sx(x0), sy(y0), sx(x0), sy(y1), kAxis);
  svg.text((sx(x0) + sx(x1)) / 2, sy(y0) + 36, xLabel, 12, "middle", "#222222");
  svg.text(16, (sy(y0) + sy(y1)) / 2, yLabel, 12, "middle", "#222222", false, -90);
}

}  // namespace

std::string renderContourPlotSvg(const estimation::ContourPlot& plot,
                                 const std::vector<estimation::BenchmarkPoint>& benchmarks, bool showT, double width,
                                 double height) {
  SvgBuilder svg(width, height);
  svg.rect(0, 0, width, height, "#ffffff");
  if (plot.xs.empty() || plot.ys.empty()) return svg.str();
  const double x1 = plot.xs.back(), y1 = plot.ys.back();
  const Scale sx{0, x1, 60, width - 20};
  const Scale sy{0, y1, height - 56, 28};
  svg.text(width / 2, 18, plot.quantity, 13, "middle", "#222222", true);
  axes(svg, sx, sy, 0, x1, 0, y1, "partial R\u00b2 of confounder with treatment", "partial R\u00b2 of confounder with outcome");
  for (const auto& level : plot.levels) {
    const char* colour = level.critical ? kCritical : kLevel;
    const estimation::Polyline* longest = nullptr;
    for (const auto& line : level.lines) {
      svg.path(pathOf(line, sx, sy), "none", colour, level.critical ? 2.0 : 1.0, level.critical ? "6 4" : "");
      if (!longest || line.points.size() > longest->points.size()) longest = &line;
    }
    if (longest && !longest->points.empty()) {
      const auto& mid = longest->points[longest->points.size() / 2];
      const bool nearRight = sx(mid.x) > width - 90;  // keep the label inside the picture
      svg.text(sx(mid.x) + (nearRight ? -3 : 3), sy(mid.y) - 3, format::significant(level.level, 3), 10,
               nearRight ? "end" : "start", colour);
    }
  }
  // The unadjusted estimate sits at the origin.
  const double v0 = plot.values.empty() ? 0.0 : plot.values.front();
  svg.rect(sx(0) - 4, sy(0) - 4, 8, 8, "#222222");
  svg.text(sx(0) + 7, sy(0) - 6, "unadjusted (" + format::significant(v0, 3) + ")", 10, "start", "#222222");
  double stagger = 0.0;  // labels of points pinned at the top edge go below them, one per line
  for (const auto& b : benchmarks) {
    const double x = sx(std::min(b.r2dz, x1)), y = sy(std::min(b.r2yz, y1));
    const bool nearTop = y - sy(y1) < 24.0;
    const double labelY = nearTop ? y + 17.0 + stagger : y - 7.0;
    if (nearTop) stagger += 13.0;
    const std::string diamond = "M" + SvgBuilder::number(x) + " " + SvgBuilder::number(y - 5) + " L" + SvgBuilder::number(x + 5) +
                                " " + SvgBuilder::number(y) + " L" + SvgBuilder::number(x) + " " + SvgBuilder::number(y + 5) +
                                " L" + SvgBuilder::number(x - 5) + " " + SvgBuilder::number(y) + " Z";
    svg.path(diamond, kCritical, "none");
    const bool nearRight = x > width - 150;
    svg.text(x + (nearRight ? -7 : 7), labelY, b.label + " (" + format::significant(showT ? b.t : b.estimate, 3) + ")", 10,
             nearRight ? "end" : "start", kCritical);
  }
  return svg.str();
}

std::string renderExtremePlotSvg(const std::vector<estimation::ExtremeCurve>& curves, double width, double height) {
  SvgBuilder svg(width, height);
  svg.rect(0, 0, width, height, "#ffffff");
  double x1 = 0, lo = 0, hi = 0;
  for (const auto& c : curves)
    for (const auto& p : c.points) {
      x1 = std::max(x1, p.x);
      if (std::isfinite(p.y)) {
        lo = std::min(lo, p.y);
        hi = std::max(hi, p.y);
      }
    }
  if (x1 <= 0 || hi <= lo) return svg.str();
  const Scale sx{0, x1, 64, width - 110};
  const Scale sy{lo, hi, height - 56, 28};
  svg.text(width / 2, 18, "extreme scenarios", 13, "middle", "#222222", true);
  axes(svg, sx, sy, 0, x1, lo, hi, "partial R\u00b2 of confounder with treatment", "adjusted estimate");
  svg.line(sx(0), sy(0), sx(x1), sy(0), kCritical, 1.2, "6 4");
  const char* dashes[] = {"", "8 4", "2 3"};
  std::size_t k = 0;
  for (const auto& c : curves) {
    estimation::Polyline line;
    for (const auto& p : c.points)
      if (std::isfinite(p.y)) line.points.push_back(p);
    svg.path(pathOf(line, sx, sy), "none", "#222222", 1.5, dashes[k % 3]);
    if (!line.points.empty())
      svg.text(sx(line.points.back().x) + 6, sy(line.points.back().y) + 4,
               "R\u00b2Y~Z = " + format::percent(c.r2yz, 0), 10, "start", "#222222");
    ++k;
  }
  return svg.str();
}

}  // namespace causeway::report
