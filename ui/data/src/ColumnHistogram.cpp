#include "causeway/ui/data/ColumnHistogram.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace causeway::ui {

HistogramData numericHistogram(const data::Column& column, const data::ColumnSummary& summary, int maxBins) {
  HistogramData h;
  h.xLabel = column.name();
  if (summary.present == 0 || !std::isfinite(summary.min) || !std::isfinite(summary.max)) return h;
  double low = summary.min;
  double high = summary.max;
  int bins = 0;
  if (high == low) {
    low -= 0.5;
    high += 0.5;
    bins = 1;
  } else {
    bins = static_cast<int>(std::ceil(std::log2(static_cast<double>(summary.present)))) + 1;  // Sturges
    bins = std::clamp(bins, 5, maxBins);
  }
  h.edges.resize(static_cast<std::size_t>(bins) + 1);
  for (int i = 0; i <= bins; ++i) h.edges[static_cast<std::size_t>(i)] = low + (high - low) * i / bins;
  h.counts.assign(static_cast<std::size_t>(bins), 0.0);
  const double scale = bins / (high - low);
  for (const double v : column.values()) {
    if (std::isnan(v)) continue;
    const auto bin = std::clamp(static_cast<int>((v - low) * scale), 0, bins - 1);
    h.counts[static_cast<std::size_t>(bin)] += 1.0;
  }
  return h;
}

CategoryCounts binaryCounts(const data::Column& column) {
  CategoryCounts out{{"0", "1"}, {0.0, 0.0}};
  for (const double v : column.values())
    if (v == 0.0 || v == 1.0) out.counts[v == 1.0 ? 1 : 0] += 1.0;  // NaN (missing) in neither
  return out;
}

CategoryCounts levelCounts(const data::ColumnSummary& summary, std::size_t maxLevels) {
  CategoryCounts out;
  std::vector<std::size_t> order(summary.levels.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (order.size() > maxLevels) {
    // Keep the largest levels (in level order), pool the rest.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return summary.levels[a].count > summary.levels[b].count; });
    order.resize(maxLevels - 1);
    std::sort(order.begin(), order.end());
  }
  double kept = 0;
  for (std::size_t i : order) {
    out.labels.push_back(summary.levels[i].level.empty() ? std::string("(empty)") : summary.levels[i].level);
    out.counts.push_back(static_cast<double>(summary.levels[i].count));
    kept += out.counts.back();
  }
  if (order.size() < summary.levels.size()) {
    out.labels.emplace_back("(other)");
    out.counts.push_back(static_cast<double>(summary.present) - kept);
  }
  return out;
}

}  // namespace causeway::ui
