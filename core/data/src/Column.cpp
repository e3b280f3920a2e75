#include "causeway/data/Column.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace causeway::data {

const char* toString(ColumnType type) {
  switch (type) {
    case ColumnType::Numeric:
      return "numeric";
    case ColumnType::Binary:
      return "binary";
    case ColumnType::Categorical:
      return "categorical";
  }
  return "unknown";
}

Column Column::numeric(std::string name, std::vector<double> values) {
  ValueCounts counts;
  for (const double value : values) counts.add(value);
  return numeric(std::move(name), std::move(values), counts);
}

Column Column::numeric(std::string name, std::vector<double> values, const ValueCounts& counts) {
  Column column;
  column.name_ = std::move(name);
  column.missing_ = counts.missing;
  const bool binary = counts.zeros > 0 && counts.ones > 0 && counts.zeros + counts.ones + counts.missing == values.size();
  column.type_ = binary ? ColumnType::Binary : ColumnType::Numeric;
  column.values_ = std::move(values);
  return column;
}

Column Column::categorical(std::string name, std::vector<std::int32_t> codes, std::vector<std::string> levels) {
  const auto levelCount = static_cast<std::int64_t>(levels.size());
  if (levelCount > std::int64_t{INT32_MAX}) throw std::invalid_argument("too many levels");

  Column column;
  column.name_ = std::move(name);
  column.type_ = ColumnType::Categorical;
  for (const std::int32_t code : codes) {
    if (code < kMissingCode || code >= levelCount)
      throw std::invalid_argument("category code out of range in column '" + column.name_ + "'");
    if (code == kMissingCode) ++column.missing_;
  }

  // Sort levels once here so readers, summaries and design dummies all see the same order.
  if (!std::is_sorted(levels.begin(), levels.end())) {
    std::vector<std::int32_t> order(levels.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
      return levels[static_cast<std::size_t>(a)] < levels[static_cast<std::size_t>(b)];
    });
    std::vector<std::int32_t> newCode(levels.size());
    std::vector<std::string> sorted(levels.size());
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
      const auto old = static_cast<std::size_t>(order[rank]);
      newCode[old] = static_cast<std::int32_t>(rank);
      sorted[rank] = std::move(levels[old]);
    }
    for (std::int32_t& code : codes)
      if (code != kMissingCode) code = newCode[static_cast<std::size_t>(code)];
    levels = std::move(sorted);
  }
  if (std::adjacent_find(levels.begin(), levels.end()) != levels.end())
    throw std::invalid_argument("duplicate level in column '" + column.name_ + "'");

  column.codes_ = std::move(codes);
  column.levels_ = std::move(levels);
  return column;
}

std::size_t Column::size() const noexcept { return isCategorical() ? codes_.size() : values_.size(); }

bool Column::isMissing(std::size_t row) const {
  return isCategorical() ? codes_.at(row) == kMissingCode : std::isnan(values_.at(row));
}

std::string Column::cellText(std::size_t row) const {
  if (isMissing(row)) return {};
  if (isCategorical()) return levels_[static_cast<std::size_t>(codes_[row])];
  return formatNumber(values_[row]);
}

bool operator==(const Column& a, const Column& b) {
  if (a.name_ != b.name_ || a.type_ != b.type_ || a.missing_ != b.missing_) return false;
  if (a.codes_ != b.codes_ || a.levels_ != b.levels_) return false;
  // NaN != NaN, so compare missing cells by position rather than by value.
  return std::equal(a.values_.begin(), a.values_.end(), b.values_.begin(), b.values_.end(),
                    [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); });
}

std::string formatNumber(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

}  // namespace causeway::data
