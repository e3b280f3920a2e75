#include "causeway/report/ChartSvg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "causeway/report/SvgBuilder.hpp"

namespace causeway::report {

namespace {

constexpr const char* kTreated = "#d95f02";
constexpr const char* kControl = "#1b9e77";
constexpr const char* kAxis = "#555555";
constexpr const char* kGrid = "#e3e3e3";

std::string tickLabel(double v) {
  char buffer[32];
  if (v != 0 && (std::abs(v) >= 1e5 || std::abs(v) < 1e-3)) std::snprintf(buffer, sizeof buffer, "%.2g", v);
  else std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

// Linear map from data to picture coordinates.
struct Scale {
  double d0, d1, p0, p1;
  double operator()(double v) const { return d1 == d0 ? (p0 + p1) / 2 : p0 + (v - d0) * (p1 - p0) / (d1 - d0); }
};

}  // namespace

std::vector<double> niceTicks(double low, double high, int count) {
  if (!std::isfinite(low) || !std::isfinite(high)) return {};
  if (high < low) std::swap(low, high);
  if (high == low) return {low};
  const double rough = (high - low) / std::max(count, 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * magnitude >= rough) {
      step = m * magnitude;
      break;
    }
  std::vector<double> ticks;
  for (double t = std::ceil(low / step - 1e-9) * step; t <= high + step * 1e-9; t += step)
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  return ticks;
}

std::string renderMirroredHistogramSvg(const MirroredHistogram& h, double width, double height) {
  SvgBuilder svg(width, height);
  svg.rect(0, 0, width, height, "#ffffff");
  const double left = 56, right = width - 16, top = h.title.empty() ? 30 : 46, bottom = height - 44;
  const double mid = (top + bottom) / 2;
  if (!h.title.empty()) svg.text(width / 2, 20, h.title, 14, "middle", "#222222", true);
  const std::size_t bins = h.binEdges.size() > 1 ? h.binEdges.size() - 1 : 0;
  double peak = 0;
  for (std::size_t i = 0; i < bins; ++i) {
    if (i < h.upper.size()) peak = std::max(peak, h.upper[i]);
    if (i < h.lower.size()) peak = std::max(peak, h.lower[i]);
  }
  peak = peak > 0 ? peak * 1.08 : 1.0;  // headroom above the tallest bar
  const double x0 = bins ? h.binEdges.front() : 0, x1 = bins ? h.binEdges.back() : 1;
  const Scale sx{x0, x1, left, right};
  const Scale up{0, peak, mid, top};
  const Scale down{0, peak, mid, bottom};
  for (double t : niceTicks(x0, x1, 6)) {
    svg.line(sx(t), top, sx(t), bottom, kGrid, 1);
    svg.text(sx(t), bottom + 16, tickLabel(t), 11, "middle", kAxis);
  }
  for (std::size_t i = 0; i < bins; ++i) {
    const double a = sx(h.binEdges[i]), b = sx(h.binEdges[i + 1]);
    if (i < h.upper.size() && h.upper[i] > 0)
      svg.rect(a + 0.5, up(h.upper[i]), std::max(b - a - 1, 0.5), mid - up(h.upper[i]), kTreated);
    if (i < h.lower.size() && h.lower[i] > 0)
      svg.rect(a + 0.5, mid, std::max(b - a - 1, 0.5), down(h.lower[i]) - mid, kControl);
  }
  svg.line(left, mid, right, mid, kAxis, 1.2);
  svg.line(left, top, left, bottom, kAxis, 1);
  // Legend above the plot, so it never covers bars.
  const double legendY = top - 12;
  const std::string upper = h.upperLabel + " (above)", lower = h.lowerLabel + " (below)";
  const double lowerX = right - 22 - 6.6 * static_cast<double>(lower.size());
  const double upperX = lowerX - 30 - 6.6 * static_cast<double>(upper.size());
  svg.rect(upperX, legendY - 9, 12, 12, kTreated).text(upperX + 17, legendY + 2, upper, 11, "start", kAxis);
  svg.rect(lowerX, legendY - 9, 12, 12, kControl).text(lowerX + 17, legendY + 2, lower, 11, "start", kAxis);
  svg.text((left + right) / 2, height - 10, h.xLabel, 12, "middle", kAxis);
  svg.text(16, mid, "share of group", 11, "middle", kAxis, false, -90);
  return svg.str();
}

std::string renderLovePlotSvg(const std::vector<LovePlotRow>& rows, double threshold, const std::string& xLabel,
                              double width) {
  const double rowHeight = 22, top = 30, labelWidth = 150;
  const double height = top + rowHeight * static_cast<double>(rows.size()) + 56;
  SvgBuilder svg(width, height);
  svg.rect(0, 0, width, height, "#ffffff");
  double maxValue = threshold * 1.5;
  double minValue = 0;
  for (const auto& r : rows) {
    maxValue = std::max({maxValue, r.before, r.after});
    minValue = std::min({minValue, r.before, r.after});
  }
  const double left = labelWidth, right = width - 20, bottom = top + rowHeight * static_cast<double>(rows.size());
  const double upper = maxValue * 1.08;  // room for the largest dot
  const auto ticks = niceTicks(minValue, upper, 6);
  const Scale sx{minValue, upper, left, right};
  for (double t : ticks) {
    svg.line(sx(t), top - 6, sx(t), bottom, kGrid, 1);
    svg.text(sx(t), bottom + 16, tickLabel(t), 11, "middle", kAxis);
  }
  svg.line(sx(threshold), top - 6, sx(threshold), bottom, "#888888", 1.2, "5 4");
  if (minValue < 0) svg.line(sx(-threshold), top - 6, sx(-threshold), bottom, "#888888", 1.2, "5 4");
  svg.line(sx(0), top - 6, sx(0), bottom, kAxis, 1);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double y = top + rowHeight * (static_cast<double>(i) + 0.5);
    svg.line(left, y, right, y, "#f2f2f2", 1);
    svg.text(left - 8, y + 4, rows[i].covariate, 12, "end", "#222222");
    svg.line(sx(rows[i].before), y, sx(rows[i].after), y, "#bbbbbb", 1);
    svg.circle(sx(rows[i].before), y, 5, "#ffffff", kTreated, 1.8);
    svg.circle(sx(rows[i].after), y, 5, kControl, kControl, 1);
  }
  svg.circle(left + 10, 14, 5, "#ffffff", kTreated, 1.8).text(left + 20, 18, "before adjustment", 11, "start", kAxis);
  svg.circle(left + 150, 14, 5, kControl, kControl, 1).text(left + 160, 18, "after adjustment", 11, "start", kAxis);
  svg.line(left + 290, 14, left + 312, 14, "#888888", 1.2, "5 4")
      .text(left + 318, 18, "threshold " + tickLabel(threshold), 11, "start", kAxis);
  svg.text((left + right) / 2, height - 12, xLabel, 12, "middle", kAxis);
  return svg.str();
}

std::string renderForestPlotSvg(const std::vector<ForestRow>& rows, double reference, const std::string& xLabel,
                                double width) {
  const double rowHeight = 26, top = 16, labelWidth = 220;
  const double height = top + rowHeight * static_cast<double>(rows.size()) + 48;
  SvgBuilder svg(width, height);
  svg.rect(0, 0, width, height, "#ffffff");
  double low = reference, high = reference;
  for (const auto& r : rows) {
    low = std::min({low, r.low, r.estimate});
    high = std::max({high, r.high, r.estimate});
  }
  const double pad = (high - low) * 0.05 + 1e-12;
  const auto ticks = niceTicks(low - pad, high + pad, 6);
  const double d0 = ticks.empty() ? low : std::min(low - pad, ticks.front());
  const double d1 = ticks.empty() ? high : std::max(high + pad, ticks.back());
  const double left = labelWidth, right = width - 20, bottom = top + rowHeight * static_cast<double>(rows.size());
  const Scale sx{d0, d1, left, right};
  for (double t : ticks) {
    svg.line(sx(t), top, sx(t), bottom, kGrid, 1);
    svg.text(sx(t), bottom + 16, tickLabel(t), 11, "middle", kAxis);
  }
  svg.line(sx(reference), top, sx(reference), bottom, kAxis, 1.2, "5 4");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double y = top + rowHeight * (static_cast<double>(i) + 0.5);
    svg.text(left - 8, y + 4, rows[i].label, 12, "end", "#222222");
    svg.line(sx(rows[i].low), y, sx(rows[i].high), y, "#333333", 1.8);
    svg.line(sx(rows[i].low), y - 5, sx(rows[i].low), y + 5, "#333333", 1.8);
    svg.line(sx(rows[i].high), y - 5, sx(rows[i].high), y + 5, "#333333", 1.8);
    svg.rect(sx(rows[i].estimate) - 5, y - 5, 10, 10, "#2b6cb0");
  }
  svg.text((left + right) / 2, height - 10, xLabel, 12, "middle", kAxis);
  return svg.str();
}

}  // namespace causeway::report
