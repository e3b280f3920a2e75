#include "causeway/data/ColumnSummary.hpp"

#include <algorithm>
#include <cmath>

namespace causeway::data {
namespace {

void summarizeNumbers(const Column& column, ColumnSummary& summary) {
  // Welford's update: one pass, stable for large means.
  double mean = 0.0;
  double sumSquares = 0.0;
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  std::size_t n = 0;
  for (const double value : column.values()) {
    if (std::isnan(value)) continue;
    ++n;
    const double delta = value - mean;
    mean += delta / static_cast<double>(n);
    sumSquares += delta * (value - mean);
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (n == 0) return;
  summary.mean = mean;
  summary.min = low;
  summary.max = high;
  if (n > 1) summary.sd = std::sqrt(sumSquares / static_cast<double>(n - 1));
}

void summarizeLevels(const Column& column, ColumnSummary& summary) {
  std::vector<std::size_t> counts(column.levels().size(), 0);
  for (const std::int32_t code : column.codes())
    if (code != Column::kMissingCode) ++counts[static_cast<std::size_t>(code)];
  summary.levels.reserve(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) summary.levels.push_back({column.levels()[i], counts[i]});
}

}  // namespace

ColumnSummary summarizeColumn(const Column& column) {
  ColumnSummary summary;
  summary.name = column.name();
  summary.type = column.type();
  summary.missing = column.missingCount();
  summary.present = column.size() - column.missingCount();
  if (column.isCategorical()) {
    summarizeLevels(column, summary);
  } else {
    summarizeNumbers(column, summary);
  }
  return summary;
}

}  // namespace causeway::data
