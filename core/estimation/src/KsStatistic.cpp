#include "KsStatistic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace causeway::estimation::detail {
namespace {

constexpr std::size_t kRowsPerBucket = 32;
constexpr std::size_t kMaxBuckets = std::size_t{1} << 16;  // 1 MiB of sums per weighting

struct Candidate {
  double value;
  std::size_t row;
  bool operator<(const Candidate& o) const { return value < o.value || (value == o.value && row < o.row); }
};

}  // namespace

namespace {

// One weighting's ECDFs at the bucket ends, the best gap there and the buckets to sweep.
struct BucketBounds {
  double inverse1 = 0.0, inverse0 = 0.0, best = 0.0;
  std::vector<double> before1, before0;  // F1, F0 just before bucket b
  std::vector<char> refine;
  bool any = false;
};

BucketBounds bucketBounds(const std::vector<double>& mass) {
  const std::size_t buckets = mass.size() / 2;
  const auto mass1 = [&](std::size_t b) { return mass[2 * b]; };
  const auto mass0 = [&](std::size_t b) { return mass[2 * b + 1]; };
  BucketBounds out;
  double total1 = 0.0, total0 = 0.0;
  for (std::size_t b = 0; b < buckets; ++b) {
    total1 += mass1(b);
    total0 += mass0(b);
  }
  out.inverse1 = 1.0 / total1;
  out.inverse0 = 1.0 / total0;
  // Gaps at the bucket ends (each one the gap after a real value's ties, or the previous gap
  // for an empty bucket): the best of them is attained.
  out.before1.resize(buckets);
  out.before0.resize(buckets);
  double f1 = 0.0, f0 = 0.0;
  for (std::size_t b = 0; b < buckets; ++b) {
    out.before1[b] = f1;
    out.before0[b] = f0;
    f1 += mass1(b) * out.inverse1;
    f0 += mass0(b) * out.inverse0;
    out.best = std::max(out.best, std::fabs(f1 - f0));
  }
  // Inside bucket b the gap lies within [gap before - its control mass, gap before + its treated mass].
  out.refine.assign(buckets, 0);
  for (std::size_t b = 0; b < buckets; ++b) {
    const double gap = out.before1[b] - out.before0[b];
    const double bound =
        std::max(std::fabs(gap + mass1(b) * out.inverse1), std::fabs(gap - mass0(b) * out.inverse0));
    out.refine[b] = bound > out.best * (1.0 - 1e-12) ? 1 : 0;  // slack: rounding never skips a bucket
    out.any = out.any || out.refine[b];
  }
  return out;
}

}  // namespace

std::vector<double> ksFromMasses(const double* x, const double* t, const std::vector<const double*>& weights,
                                 std::size_t n, const KsBuckets& bucketing,
                                 const std::vector<std::vector<double>>& masses) {
  std::vector<BucketBounds> bounds;
  std::vector<char> refineAny(bucketing.count, 0);
  for (const auto& mass : masses) {
    bounds.push_back(bucketBounds(mass));
    if (bounds.back().any)
      for (std::size_t b = 0; b < bucketing.count; ++b) refineAny[b] |= bounds.back().refine[b];
  }
  std::vector<double> out;
  for (const auto& b : bounds) out.push_back(b.best);
  if (std::none_of(bounds.begin(), bounds.end(), [](const BucketBounds& b) { return b.any; })) return out;

  // The rows of every bucket some weighting sweeps: one read of the column and one sort.
  std::vector<Candidate> rows;
  for (std::size_t i = 0; i < n; ++i)
    if (refineAny[bucketing.of(x[i])]) rows.push_back({x[i], i});
  std::sort(rows.begin(), rows.end());  // by value: bucket by bucket, ties in row order
  for (std::size_t k = 0; k < bounds.size(); ++k) {
    const BucketBounds& bound = bounds[k];
    if (!bound.any) continue;
    const double* w = weights[k];
    double best = bound.best, f1 = 0.0, f0 = 0.0;
    std::size_t current = bucketing.count;  // none yet
    for (std::size_t s = 0; s < rows.size(); ++s) {
      const std::uint32_t b = bucketing.of(rows[s].value);
      if (!bound.refine[b]) continue;  // swept for another weighting only
      if (b != current) {  // a new bucket: start from the ECDFs just before it
        current = b;
        f1 = bound.before1[b];
        f0 = bound.before0[b];
      }
      const std::size_t i = rows[s].row;
      const double weight = w ? w[i] : 1.0;
      f1 += t[i] * weight * bound.inverse1;
      f0 += (1.0 - t[i]) * weight * bound.inverse0;
      if (s + 1 == rows.size() || rows[s + 1].value != rows[s].value) best = std::max(best, std::fabs(f1 - f0));
    }
    out[k] = best;
  }
  return out;
}

KsBuckets ksBuckets(double lo, double hi, std::size_t n) {
  KsBuckets b;
  b.lo = lo;
  b.count = std::clamp<std::size_t>(n / kRowsPerBucket, 1, kMaxBuckets);
  const double range = hi - lo;
  // Rounded subtraction, multiplication by a positive number and truncation of non-negative
  // numbers never reverse an order: the bucket index is monotone in the value.
  b.scale = range > 0.0 && std::isfinite(range) ? static_cast<double>(b.count) / range : 0.0;
  return b;
}

}  // namespace causeway::estimation::detail
