#include "causeway/estimation/Overlap.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "WeightedStats.hpp"
#include "causeway/common/Parallel.hpp"
#include "causeway/common/NumberFormat.hpp"

namespace causeway::estimation {
namespace {

constexpr int kBinningPoints = 1024;  // linear binning for the KDE, as R's density()

// Silverman's rule of thumb, R's bw.nrd0: 0.9 min(sd, IQR / 1.34) n^(-1/5). Reorders `values`
// (the quantiles are found in place: no copy of a million scores).
double silvermanBandwidth(std::vector<double>& values) {
  const auto n = static_cast<double>(values.size());
  if (values.size() < 2) return 0.1;
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  double ss = 0.0;
  for (double v : values) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / (n - 1));
  auto at = [&](double p) {  // type-7 quantile via nth_element (linear time for large groups)
    const double h = (n - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
    const double a = values[lo];
    const double b = lo + 1 < values.size() ? *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end()) : a;
    return a + (h - std::floor(h)) * (b - a);
  };
  const double iqr = at(0.75) - at(0.25);
  double spread = std::min(sd, iqr / 1.34);
  if (!(spread > 0)) spread = sd > 0 ? sd : (std::fabs(values.front()) > 0 ? std::fabs(values.front()) : 1.0);
  return 0.9 * spread * std::pow(n, -0.2);
}

// Gaussian KDE on `grid`: the data are first binned linearly onto a fine grid spanning
// [min - 4h, max + 4h], then the kernel is summed over the bins.
std::vector<double> gaussianKde(const std::vector<double>& values, double bandwidth, const std::vector<double>& grid) {
  std::vector<double> out(grid.size(), 0.0);
  if (values.empty()) return out;
  const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
  const double lo = *mn - 4 * bandwidth, hi = *mx + 4 * bandwidth;
  const double step = (hi - lo) / (kBinningPoints - 1);
  std::vector<double> mass(kBinningPoints, 0.0);
  for (double v : values) {
    const double pos = (v - lo) / step;
    const auto k = std::min(static_cast<int>(pos), kBinningPoints - 2);
    const double frac = pos - k;
    mass[static_cast<std::size_t>(k)] += 1.0 - frac;
    mass[static_cast<std::size_t>(k) + 1] += frac;
  }
  const double norm = 1.0 / (static_cast<double>(values.size()) * bandwidth * std::sqrt(2.0 * 3.14159265358979323846));
  for (std::size_t g = 0; g < grid.size(); ++g) {
    double sum = 0.0;
    for (int k = 0; k < kBinningPoints; ++k) {
      const double u = (grid[g] - (lo + k * step)) / bandwidth;
      if (std::fabs(u) < 8.0) sum += mass[static_cast<std::size_t>(k)] * std::exp(-0.5 * u * u);
    }
    out[g] = sum * norm;
  }
  return out;
}

}  // namespace

Result<OverlapSummary> summarizeOverlap(const Eigen::VectorXd& treatment, const Eigen::VectorXd& propensity,
                                        const OverlapOptions& options) {
  if (treatment.size() != propensity.size())
    return makeError(ErrorCode::InvalidArgument, "Overlap: treatment and propensity scores differ in length");
  if (options.bins < 1 || options.densityPoints < 2 || !(options.extremeLow >= 0 && options.extremeLow < 0.5))
    return makeError(ErrorCode::InvalidArgument, "Overlap: invalid options");
  std::vector<double> treated, control;
  const auto treatedCount = static_cast<std::size_t>((treatment.array() == 1.0).count());
  treated.reserve(treatedCount);  // exactly: no vector grows to twice its size
  control.reserve(static_cast<std::size_t>(treatment.size()) - treatedCount);
  for (Eigen::Index i = 0; i < treatment.size(); ++i) {
    const double e = propensity(i);
    if (!(e >= 0.0 && e <= 1.0))
      return makeError(ErrorCode::InvalidArgument, "Overlap: propensity score of row " + std::to_string(i + 1) + " is outside [0, 1]");
    (treatment(i) == 1.0 ? treated : control).push_back(e);
  }
  if (treated.empty() || control.empty())
    return makeError(ErrorCode::EmptyGroup, treated.empty() ? "Overlap: no treated units" : "Overlap: no control units");

  OverlapSummary out;
  auto range = [](const std::vector<double>& v) {
    const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
    return GroupRange{*mn, *mx, v.size()};
  };
  out.treated = range(treated);
  out.control = range(control);
  out.supportLow = std::max(out.treated.min, out.control.min);
  out.supportHigh = std::min(out.treated.max, out.control.max);

  const auto bins = static_cast<std::size_t>(options.bins);
  auto& h = out.histogram;
  for (std::size_t b = 0; b <= bins; ++b) h.edges.push_back(static_cast<double>(b) / static_cast<double>(bins));
  h.treated.assign(bins, 0);
  h.control.assign(bins, 0);
  auto binOf = [&](double e) { return std::min(bins - 1, static_cast<std::size_t>(e * static_cast<double>(bins))); };
  for (double e : treated) {
    ++h.treated[binOf(e)];
    if (e < out.supportLow || e > out.supportHigh) ++out.treatedOutside;
    if (e < options.extremeLow || e > 1.0 - options.extremeLow) ++out.extremeTreated;
  }
  for (double e : control) {
    ++h.control[binOf(e)];
    if (e < out.supportLow || e > out.supportHigh) ++out.controlOutside;
    if (e < options.extremeLow || e > 1.0 - options.extremeLow) ++out.extremeControl;
  }
  const double width = 1.0 / static_cast<double>(bins);
  for (std::size_t b = 0; b < bins; ++b) {
    h.treatedDensity.push_back(static_cast<double>(h.treated[b]) / (static_cast<double>(treated.size()) * width));
    h.controlDensity.push_back(static_cast<double>(h.control[b]) / (static_cast<double>(control.size()) * width));
  }
  out.treatedOutsideShare = static_cast<double>(out.treatedOutside) / static_cast<double>(treated.size());
  out.controlOutsideShare = static_cast<double>(out.controlOutside) / static_cast<double>(control.size());

  auto& d = out.density;
  for (int g = 0; g < options.densityPoints; ++g) d.grid.push_back(static_cast<double>(g) / (options.densityPoints - 1));
  parallelFor(2, options.threads, [&](std::size_t group) {  // each task writes its own group's fields
    std::vector<double>& values = group == 0 ? treated : control;  // reordered by the bandwidth's quantiles
    double& bandwidth = group == 0 ? d.bandwidthTreated : d.bandwidthControl;
    bandwidth = silvermanBandwidth(values);
    (group == 0 ? d.treated : d.control) = gaussianKde(values, bandwidth, d.grid);
  });

  std::ostringstream text;
  if (out.supportLow > out.supportHigh) {
    out.warnings.push_back("The propensity score ranges of the groups do not overlap at all");
  } else if (out.treatedOutside + out.controlOutside > 0) {
    std::ostringstream w;
    w << out.treatedOutside << " treated (" << format::percent(out.treatedOutsideShare) << ") and "
      << out.controlOutside << " control (" << format::percent(out.controlOutsideShare)
      << ") units lie outside the common support " << format::interval(out.supportLow, out.supportHigh);
    out.warnings.push_back(w.str());
  }
  if (out.extremeTreated + out.extremeControl > 0) {
    std::ostringstream w;
    w << out.extremeTreated << " treated and " << out.extremeControl << " control units have propensity scores below "
      << options.extremeLow << " or above " << 1 - options.extremeLow << " (near-violations of positivity)";
    out.warnings.push_back(w.str());
  }
  out.positivityConcern = !out.warnings.empty();
  text << "Histogram: " << options.bins << " equal-width bins on [0, 1] shared by both groups, density = count / "
       << "(group size x bin width). KDE: Gaussian kernel, bandwidth by Silverman's rule of thumb (R's bw.nrd0: "
       << "0.9 min(SD, IQR/1.34) n^-1/5) per group, data linearly binned on " << kBinningPoints
       << " points, evaluated on " << options.densityPoints << " points in [0, 1] (not renormalised to [0, 1]). "
       << "Common support: from the larger of the group minima to the smaller of the group maxima. Extreme: below "
       << options.extremeLow << " or above " << 1 - options.extremeLow << ".";
  out.conventions = text.str();
  return out;
}

}  // namespace causeway::estimation
