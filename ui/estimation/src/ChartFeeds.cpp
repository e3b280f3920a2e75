#include "causeway/ui/estimation/ChartFeeds.hpp"

#include <algorithm>
#include <cmath>

#include "causeway/ui/estimation/NumberFormat.hpp"

namespace causeway::ui {

report::MirroredHistogram overlapHistogram(const estimation::PropensityHistogram& h) {
  report::MirroredHistogram out;
  out.title = "Propensity score overlap";
  out.binEdges = h.edges;
  out.upper = h.treatedDensity;
  out.lower = h.controlDensity;
  return out;
}

report::MirroredHistogram weightedOverlapHistogram(const Eigen::VectorXd& treatment, const Eigen::VectorXd& propensity,
                                                   const Eigen::VectorXd& weights, const std::vector<double>& edges) {
  report::MirroredHistogram out;
  out.title = "Propensity score overlap, weighted";
  out.binEdges = edges;
  const std::size_t bins = edges.size() > 1 ? edges.size() - 1 : 0;
  out.upper.assign(bins, 0.0);
  out.lower.assign(bins, 0.0);
  if (bins == 0) return out;
  double totalTreated = 0, totalControl = 0;
  const double low = edges.front(), high = edges.back();
  for (Eigen::Index i = 0; i < propensity.size(); ++i) {
    const double w = weights(i);
    if (!(w > 0) || !std::isfinite(propensity(i))) continue;
    // Equal-width bins, left-closed, the last one closed: the core's binning exactly.
    const double position = (std::clamp(propensity(i), low, high) - low) / (high - low) * static_cast<double>(bins);
    const auto bin = std::min(bins - 1, static_cast<std::size_t>(position));
    if (treatment(i) == 1.0) {
      out.upper[bin] += w;
      totalTreated += w;
    } else {
      out.lower[bin] += w;
      totalControl += w;
    }
  }
  for (std::size_t b = 0; b < bins; ++b) {
    const double width = edges[b + 1] - edges[b];
    if (width <= 0) continue;
    if (totalTreated > 0) out.upper[b] /= totalTreated * width;
    if (totalControl > 0) out.lower[b] /= totalControl * width;
  }
  return out;
}

report::MirroredHistogram weightHistogram(const Eigen::VectorXd& treatment, const Eigen::VectorXd& weights, int bins) {
  report::MirroredHistogram out;
  out.title = "Weight distribution";
  out.xLabel = "weight";
  std::vector<double> positive;
  for (Eigen::Index i = 0; i < weights.size(); ++i)
    if (weights(i) > 0 && std::isfinite(weights(i))) positive.push_back(weights(i));
  // The axis ends at the 99th percentile: a handful of huge weights would otherwise squeeze the
  // mass into the first bin. Weights beyond it are counted in the last bin, and the label says so.
  double top = 1;
  std::size_t clipped = 0;
  if (!positive.empty()) {
    std::sort(positive.begin(), positive.end());
    const double peak = positive.back();
    const double q99 = positive[static_cast<std::size_t>(0.99 * static_cast<double>(positive.size() - 1))];
    top = q99 > 0 && peak > 1.5 * q99 ? q99 : peak;
    clipped = static_cast<std::size_t>(positive.end() - std::upper_bound(positive.begin(), positive.end(), top));
  }
  if (clipped > 0)
    out.xLabel = "weight (last bin: also " + std::to_string(clipped) + " above " + formatNumberSig(top).toStdString() + ")";
  bins = std::max(bins, 1);
  for (int b = 0; b <= bins; ++b) out.binEdges.push_back(top * b / bins);
  out.upper.assign(static_cast<std::size_t>(bins), 0.0);
  out.lower.assign(static_cast<std::size_t>(bins), 0.0);
  for (Eigen::Index i = 0; i < weights.size(); ++i) {
    const double w = weights(i);
    if (!(w > 0) || !std::isfinite(w)) continue;
    const auto b = static_cast<std::size_t>(std::clamp(static_cast<int>(w / top * bins), 0, bins - 1));
    (treatment(i) == 1.0 ? out.upper : out.lower)[b] += 1.0;
  }
  return out;
}

std::vector<report::LovePlotRow> loveRows(const estimation::BalanceTable& balance) {
  std::vector<report::LovePlotRow> rows;
  for (const auto& r : balance.rows)
    rows.push_back({r.name, std::abs(r.unadjusted.smd), r.adjusted ? std::abs(r.adjusted->smd) : std::abs(r.unadjusted.smd)});
  return rows;
}

}  // namespace causeway::ui
