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

// (sum w)^2 / sum w^2
inline double effectiveSampleSize(const Eigen::VectorXd& w) { return w.sum() * w.sum() / w.squaredNorm(); }

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

// Elements of x where mask is true, in order.
inline Eigen::VectorXd selectWhere(const Eigen::VectorXd& x, const Eigen::Array<bool, Eigen::Dynamic, 1>& mask) {
  std::vector<double> kept;
  kept.reserve(static_cast<std::size_t>(x.size()));
  for (Eigen::Index i = 0; i < x.size(); ++i)
    if (mask.coeff(i)) kept.push_back(x.coeff(i));
  return Eigen::Map<const Eigen::VectorXd>(kept.data(), static_cast<Eigen::Index>(kept.size()));
}

}  // namespace causeway::estimation::detail
