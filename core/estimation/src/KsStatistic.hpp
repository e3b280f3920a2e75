#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

namespace causeway::estimation::detail {

// The two-sample Kolmogorov-Smirnov statistic of a column between the treated (t = 1) and the
// controls, each group's ECDF weighted by a weight vector (null: unit weights) and normalised within the
// group: max over values v of |F1(v) - F0(v)|, the ECDFs compared after every tie at v.
// Both groups need positive total weight; no NaN in x.
//
// Exact without sorting the column: the values are spread over buckets by linear interpolation
// between the smallest and the largest (monotone, so every tie shares a bucket); the ECDF gap
// at each bucket's end comes from the bucket sums, and inside a bucket the gap moves by at most
// the bucket's own mass. Only the buckets whose bound could beat the best end-of-bucket gap are
// sorted and swept value by value — usually a few hundred rows. The sums are taken in another
// order than a full sweep's: the result equals it up to rounding.
//
// The bucketing of a column with values in [lo, hi], about 32 rows per bucket.
struct KsBuckets {
  double lo = 0.0;
  double scale = 0.0;
  std::size_t count = 1;
  [[nodiscard]] std::uint32_t of(double v) const {
    return static_cast<std::uint32_t>(std::min(static_cast<std::size_t>((v - lo) * scale), count - 1));
  }
  // For a block of rows (values x, treatment t): each row's place in a weighting's masses,
  // 2 of(x) for a treated row and 2 of(x) + 1 for a control, computed for the whole block at once.
  [[nodiscard]] Eigen::ArrayXi slots(const Eigen::Ref<const Eigen::ArrayXd>& x,
                                     const Eigen::Ref<const Eigen::ArrayXd>& t) const {
    const int last = static_cast<int>(count) - 1;
    return ((x - lo) * scale).cast<int>().min(last) * 2 + (t != 1.0).cast<int>();
  }
};
[[nodiscard]] KsBuckets ksBuckets(double lo, double hi, std::size_t n);

// Bucket masses are interleaved, both groups of a bucket on one cache line: mass[2b] = sum of w
// over the treated rows in bucket b, mass[2b + 1] over the controls (mass[slot] += w per row).
// The statistic of each weighting (weights[k] null: unit weights; masses[k] its bucket masses);
// the column is read again only to find the rows of the buckets that need a value-by-value sweep.
[[nodiscard]] std::vector<double> ksFromMasses(const double* x, const double* t,
                                               const std::vector<const double*>& weights, std::size_t n,
                                               const KsBuckets& buckets, const std::vector<std::vector<double>>& masses);

}  // namespace causeway::estimation::detail
