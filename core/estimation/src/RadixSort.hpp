#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include <Eigen/Core>

namespace causeway::estimation::detail {

// Order-preserving 64-bit key of a double (-0 and +0 map to the same key). No NaN.
inline std::uint64_t orderedKey(double v) {
  if (v == 0.0) v = 0.0;
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return (bits & 0x8000000000000000ull) ? ~bits : bits | 0x8000000000000000ull;
}

// Stable LSD radix sort of records by their 64-bit `key` member, 11 bits per pass, all digit
// histograms counted in one pass and constant digits skipped: several times faster than
// std::sort on millions of values.
template <typename Record>
void radixSortByKey(std::vector<Record>& records) {
  constexpr int kBits = 11;
  constexpr int kPasses = (64 + kBits - 1) / kBits;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  const std::size_t n = records.size();
  std::vector<std::array<std::size_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (const auto& r : records)
    for (int p = 0; p < kPasses; ++p) ++counts[static_cast<std::size_t>(p)][(r.key >> (p * kBits)) & (kBuckets - 1)];
  std::vector<Record> scratch(n);
  for (int p = 0; p < kPasses; ++p) {
    auto& c = counts[static_cast<std::size_t>(p)];
    bool trivial = false;  // every key has the same digit here: nothing to do
    std::size_t sum = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
      if (c[b] == n) trivial = true;
      const std::size_t count = c[b];
      c[b] = sum;
      sum += count;
    }
    if (trivial) continue;
    const int shift = p * kBits;
    for (const auto& r : records) scratch[c[(r.key >> shift) & (kBuckets - 1)]++] = r;
    records.swap(scratch);
  }
}

// A value with its unit's weight and group (the sign bit of `signedWeight`: set for controls),
// sorted together so that passes over the sorted sequence never jump around in memory.
struct WeightedRecord {
  std::uint64_t key;
  double signedWeight;
  [[nodiscard]] bool treated() const { return !std::signbit(signedWeight); }
  [[nodiscard]] double weight() const { return std::fabs(signedWeight); }
};

inline std::vector<WeightedRecord> sortWithPayload(const Eigen::VectorXd& x, const Eigen::VectorXd& treatment,
                                                   const Eigen::VectorXd* weights) {
  const auto n = static_cast<std::size_t>(x.size());
  std::vector<WeightedRecord> records(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    const double w = weights ? (*weights)(k) : 1.0;
    records[i] = {orderedKey(x(k)), treatment(k) == 1.0 ? w : -w};
  }
  radixSortByKey(records);
  return records;
}

// A value's key with its row, for sorting rows by a value.
struct IndexedRecord {
  std::uint64_t key;
  std::int64_t row;
};

// Rows sorted by value ascending (stable: ties keep data order), or descending with ties still
// in data order.
inline std::vector<IndexedRecord> sortRows(const Eigen::VectorXd& values, const std::vector<Eigen::Index>& rows,
                                           bool descending = false) {
  std::vector<IndexedRecord> records(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::uint64_t key = orderedKey(values(rows[i]));
    records[i] = {descending ? ~key : key, static_cast<std::int64_t>(rows[i])};
  }
  radixSortByKey(records);
  return records;
}

}  // namespace causeway::estimation::detail
