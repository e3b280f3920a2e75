#include "KsStatistic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace causeway::estimation::detail {
namespace {

constexpr std::size_t kRowsPerBucket = 32;
constexpr std::size_t kMaxBuckets = std::size_t{1} << 16;

struct Candidate {
  double value;
  std::size_t row;
  bool operator<(const Candidate& o) const { return value < o.value || (value == o.value && row < o.row); }
};

}  // namespace

double ksFromMasses(const double* x, const double* t, const double* w, const std::vector<std::uint32_t>& bucket,
                    const std::vector<double>& mass) {
  const std::size_t n = bucket.size(), buckets = mass.size() / 2;
  const auto mass1 = [&](std::size_t b) { return mass[2 * b]; };
  const auto mass0 = [&](std::size_t b) { return mass[2 * b + 1]; };
  double total1 = 0.0, total0 = 0.0;
  for (std::size_t b = 0; b < buckets; ++b) {
    total1 += mass1(b);
    total0 += mass0(b);
  }
  const double inverse1 = 1.0 / total1, inverse0 = 1.0 / total0;

  // Gaps at the bucket ends (each one the gap after a real value's ties, or the previous gap
  // for an empty bucket): the best of them is attained.
  std::vector<double> before1(buckets), before0(buckets);  // F1, F0 just before bucket b
  double f1 = 0.0, f0 = 0.0, best = 0.0;
  for (std::size_t b = 0; b < buckets; ++b) {
    before1[b] = f1;
    before0[b] = f0;
    f1 += mass1(b) * inverse1;
    f0 += mass0(b) * inverse0;
    best = std::max(best, std::fabs(f1 - f0));
  }
  // Inside bucket b the gap lies within [gap before - its control mass, gap before + its treated mass].
  std::vector<char> refine(buckets, 0);
  bool any = false;
  for (std::size_t b = 0; b < buckets; ++b) {
    const double gap = before1[b] - before0[b];
    const double bound = std::max(std::fabs(gap + mass1(b) * inverse1), std::fabs(gap - mass0(b) * inverse0));
    refine[b] = bound > best * (1.0 - 1e-12) ? 1 : 0;  // slack: rounding never skips a bucket
    any = any || refine[b];
  }
  if (!any) return best;

  std::vector<Candidate> rows;
  for (std::size_t i = 0; i < n; ++i)
    if (refine[bucket[i]]) rows.push_back({x[i], i});
  std::sort(rows.begin(), rows.end());  // by value: bucket by bucket, ties in row order
  std::size_t current = buckets;  // none yet
  for (std::size_t s = 0; s < rows.size(); ++s) {
    const std::size_t i = rows[s].row;
    if (bucket[i] != current) {  // a new bucket: start from the ECDFs just before it
      current = bucket[i];
      f1 = before1[current];
      f0 = before0[current];
    }
    const double weight = w ? w[i] : 1.0;
    f1 += t[i] * weight * inverse1;
    f0 += (1.0 - t[i]) * weight * inverse0;
    if (s + 1 == rows.size() || rows[s + 1].value != rows[s].value) best = std::max(best, std::fabs(f1 - f0));
  }
  return best;
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

std::vector<double> ksStatistics(const double* x, const double* t, const std::vector<const double*>& weights,
                                 std::size_t n) {
  std::vector<double> out;
  if (n == 0) return std::vector<double>(weights.size(), 0.0);
  double lo = x[0], hi = x[0];
  for (std::size_t i = 1; i < n; ++i) {
    lo = std::min(lo, x[i]);
    hi = std::max(hi, x[i]);
  }
  const KsBuckets buckets = ksBuckets(lo, hi, n);
  std::vector<std::uint32_t> bucket(n);  // kMaxBuckets fits
  for (std::size_t i = 0; i < n; ++i) bucket[i] = buckets.of(x[i]);
  for (const double* w : weights) {
    std::vector<double> mass(2 * buckets.count, 0.0);
    for (std::size_t i = 0; i < n; ++i) addMass(mass, bucket[i], t[i], w ? w[i] : 1.0);
    out.push_back(ksFromMasses(x, t, w, bucket, mass));
  }
  return out;
}

}  // namespace causeway::estimation::detail
