#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "causeway/data/Column.hpp"

namespace causeway::database::detail {

// Collects one result column cell by cell. It stays numeric while every non-missing cell is a
// number (the CSV rule); the first text cell turns it categorical, earlier numbers becoming
// their text. Missing cells are NaN / code -1.
class ColumnBuilder {
 public:
  explicit ColumnBuilder(std::string name) : name_(std::move(name)) {}

  void addNull();
  void addNumber(double value);
  void addText(std::string_view text);
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] data::Column finish();

 private:
  std::int32_t codeOf(std::string_view text);

  std::string name_;
  bool text_ = false;
  std::vector<double> values_;
  std::vector<std::int32_t> codes_;
  std::vector<std::string> levels_;
  std::unordered_map<std::string, std::int32_t> index_;
};

// "YYYY-MM-DD" -> days since 1970-01-01 (proleptic Gregorian).
[[nodiscard]] std::optional<double> parseDate(std::string_view text);
// "YYYY-MM-DD[ T]HH:MM:SS[.fff][Z|+HH[:MM]|-HH[:MM]]" -> seconds since 1970-01-01 00:00 UTC.
[[nodiscard]] std::optional<double> parseTimestamp(std::string_view text);
// A whole-string finite number (from_chars, so the C locale), else nullopt.
[[nodiscard]] std::optional<double> parseNumber(std::string_view text);

}  // namespace causeway::database::detail
