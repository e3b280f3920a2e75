#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include <Eigen/Core>

namespace causeway::estimation::detail {

// Sum w x / sum w.
inline double weightedMean(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  return (w.array() * x.array()).sum() / w.sum();
}

// Sum w (x - m)^2 / (sum w - sum w^2 / sum w): the unbiased weighted variance (cobalt/WeightIt);
// with unit weights it is the n - 1 sample variance.
inline double weightedVariance(const Eigen::VectorXd& x, const Eigen::VectorXd& w) {
  const double sw = w.sum();
  const double m = weightedMean(x, w);
  return (w.array() * (x.array() - m).square()).sum() / (sw - w.squaredNorm() / sw);
}

inline double sampleVariance(const Eigen::VectorXd& x) {
  const double m = x.mean();
  return (x.array() - m).square().sum() / static_cast<double>(x.size() - 1);
}


// R's default quantile (type 7) of already sorted values.
inline double sortedQuantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::nan("");
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - std::floor(h)) * (sorted[hi] - sorted[lo]);
}

inline double quantile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return sortedQuantile(values, p);
}

// Count, mean and n-1 variance of value(i) over the i < n where keep(i), in two passes and
// without copying the values out (they may be 2M-row vectors).
struct MaskedMoments {
  double count = 0.0;
  double mean = std::nan("");
  double variance = std::nan("");
};
template <typename Value, typename Keep>
MaskedMoments momentsWhere(Eigen::Index n, Value value, Keep keep) {
  MaskedMoments m;
  double sum = 0.0;
  for (Eigen::Index i = 0; i < n; ++i)
    if (keep(i)) {
      m.count += 1.0;
      sum += value(i);
    }
  if (m.count == 0.0) return m;
  m.mean = sum / m.count;
  double squares = 0.0;
  for (Eigen::Index i = 0; i < n; ++i)
    if (keep(i)) {
      const double d = value(i) - m.mean;
      squares += d * d;
    }
  if (m.count > 1.0) m.variance = squares / (m.count - 1.0);
  return m;
}

// (sum w)^2 / sum w^2 over the units of one treatment group (treatment == group).
inline double effectiveSampleSizeWhere(const Eigen::VectorXd& w, const Eigen::VectorXd& treatment, double group) {
  double sum = 0.0, squares = 0.0;
  for (Eigen::Index i = 0; i < w.size(); ++i)
    if (treatment.coeff(i) == group) {
      sum += w.coeff(i);
      squares += w.coeff(i) * w.coeff(i);
    }
  return sum * sum / squares;
}

}  // namespace causeway::estimation::detail
