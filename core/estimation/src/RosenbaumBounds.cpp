#include "causeway/estimation/RosenbaumBounds.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "causeway/estimation/Distributions.hpp"

namespace causeway::estimation {

namespace {

double upperP(double statistic, double s, double gamma) {
  const double p = gamma / (1.0 + gamma);
  const double mean = p * s * (s + 1.0) / 2.0;
  const double var = p * (1.0 - p) * s * (s + 1.0) * (2.0 * s + 1.0) / 6.0;
  return 1.0 - normalCdf((statistic - mean) / std::sqrt(var));
}

}  // namespace

Result<RosenbaumResult> rosenbaumBounds(const std::vector<double>& differences, std::vector<double> gammas,
                                        double alpha) {
  if (!(alpha > 0.0 && alpha < 1.0)) return makeError(ErrorCode::InvalidArgument, "Rosenbaum bounds: alpha must be in (0, 1)");
  for (double g : gammas)
    if (!(g >= 1.0)) return makeError(ErrorCode::InvalidArgument, "Rosenbaum bounds: every Gamma must be >= 1");
  RosenbaumResult out;
  out.pairs = differences.size();
  out.alpha = alpha;
  double sum = 0.0;
  std::vector<double> d;
  for (double v : differences) {
    if (!std::isfinite(v)) return makeError(ErrorCode::InvalidArgument, "Rosenbaum bounds: a matched-pair difference is not finite");
    sum += v;
    if (v != 0.0) d.push_back(v);
  }
  if (d.size() < 2)
    return makeError(ErrorCode::InvalidArgument, "Rosenbaum bounds need at least 2 matched pairs with different outcomes (found " +
                                                     std::to_string(d.size()) + ")");
  out.positiveDirection = sum >= 0.0;
  if (!out.positiveDirection)
    for (double& v : d) v = -v;
  // Ranks of |d|, ties sharing their average rank.
  std::vector<std::size_t> order(d.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return std::abs(d[a]) < std::abs(d[b]); });
  std::vector<double> rank(d.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && std::abs(d[order[j + 1]]) == std::abs(d[order[i]])) ++j;
    const double average = (static_cast<double>(i + 1) + static_cast<double>(j + 1)) / 2.0;
    for (std::size_t k = i; k <= j; ++k) rank[order[k]] = average;
    i = j + 1;
  }
  for (std::size_t i = 0; i < d.size(); ++i)
    if (d[i] > 0.0) out.statistic += rank[i];
  const double s = static_cast<double>(d.size());
  out.nonZeroPairs = d.size();
  std::sort(gammas.begin(), gammas.end());
  for (double g : gammas) out.rows.push_back({g, upperP(out.statistic, s, g)});
  // p_upper grows with Γ, so the critical Γ is found by bisection.
  if (upperP(out.statistic, s, 1.0) >= alpha) {
    out.gammaCritical = 1.0;
  } else if (upperP(out.statistic, s, 1000.0) >= alpha) {
    double lo = 1.0, hi = 1000.0;
    for (int it = 0; it < 200 && hi - lo > 1e-10 * hi; ++it) {
      const double mid = 0.5 * (lo + hi);
      (upperP(out.statistic, s, mid) >= alpha ? hi : lo) = mid;
    }
    out.gammaCritical = hi;
  }
  out.conventions = "Rosenbaum bounds for 1:1 matched pairs: Wilcoxon signed-rank statistic on the non-zero pair "
                    "differences (average ranks for ties), normal approximation without tie correction; one-sided "
                    "test in the direction of the estimate; critical Gamma by bisection where the upper p-value "
                    "reaches alpha.";
  return out;
}

}  // namespace causeway::estimation
