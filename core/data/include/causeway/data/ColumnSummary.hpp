#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "causeway/data/Column.hpp"

namespace causeway::data {

struct LevelCount {
  std::string level;
  std::size_t count = 0;

  friend bool operator==(const LevelCount&, const LevelCount&) = default;
};

// What a data panel shows about one column. Statistics that do not apply stay NaN / empty.
struct ColumnSummary {
  std::string name;
  ColumnType type = ColumnType::Numeric;
  std::size_t present = 0;  // non-missing cells
  std::size_t missing = 0;
  // Numeric and binary columns; sd is the sample SD (n - 1), NaN with fewer than two values.
  double mean = std::numeric_limits<double>::quiet_NaN();
  double sd = std::numeric_limits<double>::quiet_NaN();
  double min = std::numeric_limits<double>::quiet_NaN();
  double max = std::numeric_limits<double>::quiet_NaN();
  std::vector<LevelCount> levels;  // categorical columns, in level order
};

[[nodiscard]] ColumnSummary summarizeColumn(const Column& column);

}  // namespace causeway::data
