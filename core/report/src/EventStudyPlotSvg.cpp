#include "causeway/report/EventStudyPlotSvg.hpp"

#include <algorithm>

#include "causeway/common/NumberFormat.hpp"
#include "causeway/report/ChartSvg.hpp"
#include "causeway/report/SvgBuilder.hpp"

namespace causeway::report {

namespace {

constexpr const char* kAxis = "#555555";
constexpr const char* kEstimate = "#1f5fa8";
constexpr const char* kBand = "#c9daf0";

struct Scale {
  double d0, d1, p0, p1;
  double operator()(double v) const { return d1 == d0 ? (p0 + p1) / 2 : p0 + (v - d0) * (p1 - p0) / (d1 - d0); }
};

}  // namespace

std::string renderEventStudySvg(const panel::Aggregates& aggregates, const std::string& periodUnit, double width,
                                double height) {
  SvgBuilder svg(width, height);
  svg.rect(0, 0, width, height, "#ffffff");
  const auto& events = aggregates.eventStudy;
  if (events.empty()) return svg.str();
  double low = 0, high = 0;
  for (const auto& e : events) {
    low = std::min({low, e.effect.ciLow, e.bandLow});
    high = std::max({high, e.effect.ciHigh, e.bandHigh});
  }
  const double pad = (high - low) * 0.05 + 1e-12;
  const double x0 = events.front().eventTime - 0.5, x1 = events.back().eventTime + 0.5;
  const Scale sx{x0, x1, 64, width - 16};
  const Scale sy{low - pad, high + pad, height - 48, 16};
  // Pre-periods shaded.
  if (events.front().eventTime < 0) svg.rect(sx(x0), sy(high + pad), sx(-0.5) - sx(x0), sy(low - pad) - sy(high + pad), "#f2f2f2");
  // Uniform band as one polygon.
  std::string band;
  for (const auto& e : events) band += (band.empty() ? "M" : " L") + SvgBuilder::number(sx(e.eventTime)) + " " + SvgBuilder::number(sy(e.bandHigh));
  for (auto it = events.rbegin(); it != events.rend(); ++it)
    band += " L" + SvgBuilder::number(sx(it->eventTime)) + " " + SvgBuilder::number(sy(it->bandLow));
  svg.path(band + " Z", kBand, "none");
  svg.line(sx(x0), sy(0), sx(x1), sy(0), "#222222", 1.0, "4 3");
  const double barWidth = std::max(0.6, std::min(1.5, (width - 80) / static_cast<double>(events.size()) / 3));
  std::string estimate;
  for (const auto& e : events) {
    svg.line(sx(e.eventTime), sy(e.effect.ciLow), sx(e.eventTime), sy(e.effect.ciHigh), kEstimate, barWidth);
    estimate += (estimate.empty() ? "M" : " L") + SvgBuilder::number(sx(e.eventTime)) + " " + SvgBuilder::number(sy(e.effect.att));
  }
  svg.path(estimate, "none", kEstimate, 1.5);
  if (events.size() <= 40)
    for (const auto& e : events) svg.circle(sx(e.eventTime), sy(e.effect.att), 3, kEstimate);
  for (double t : niceTicks(x0, x1, 8)) {
    svg.line(sx(t), sy(low - pad), sx(t), sy(low - pad) + 4, kAxis);
    svg.text(sx(t), sy(low - pad) + 16, format::significant(t, 3), 11, "middle", kAxis);
  }
  for (double t : niceTicks(low - pad, high + pad, 5)) {
    svg.line(sx(x0) - 4, sy(t), sx(x0), sy(t), kAxis);
    svg.text(sx(x0) - 7, sy(t) + 4, format::significant(t, 2), 11, "end", kAxis);
  }
  svg.line(sx(x0), sy(low - pad), sx(x1), sy(low - pad), kAxis);
  svg.line(sx(x0), sy(low - pad), sx(x0), sy(high + pad), kAxis);
  svg.text((sx(x0) + sx(x1)) / 2, height - 12, "periods since the rollout (" + periodUnit + ")", 12, "middle");
  svg.text(16, (sy(low) + sy(high)) / 2, "effect", 12, "middle", "#222222", false, -90);
  return svg.str();
}

}  // namespace causeway::report
