#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace causeway::data {

enum class ColumnType {
  Numeric,      // doubles; a missing value is NaN
  Binary,       // numeric whose non-missing values are exactly {0, 1}, both present
  Categorical,  // text: int32 codes into level strings; a missing value is code -1
};

[[nodiscard]] const char* toString(ColumnType type);

// One variable of a Dataset, stored column-wise: 8 bytes a row for numbers, 4 for categories.
class Column {
 public:
  static constexpr std::int32_t kMissingCode = -1;

  // NaN marks a missing value; Binary is recognised here.
  [[nodiscard]] static Column numeric(std::string name, std::vector<double> values);
  // How many values are missing (NaN), 0 and 1: what numeric() counts to tell the type.
  struct ValueCounts {
    std::size_t missing = 0, zeros = 0, ones = 0;
    void add(double value) {  // branch-free, so that a loop of these vectorises
      missing += static_cast<std::size_t>(value != value);  // NaN
      zeros += static_cast<std::size_t>(value == 0.0);
      ones += static_cast<std::size_t>(value == 1.0);
    }
    ValueCounts& operator+=(const ValueCounts& o) {
      missing += o.missing;
      zeros += o.zeros;
      ones += o.ones;
      return *this;
    }
  };
  // The same with the counts already taken by the caller (the CSV parser counts as it reads).
  [[nodiscard]] static Column numeric(std::string name, std::vector<double> values, const ValueCounts& counts);

  // Levels may come in any order: they are stored sorted by bytes and the codes remapped, so two
  // columns with the same cells always compare equal. Throws std::invalid_argument on duplicate
  // levels or a code outside [-1, levels.size()).
  [[nodiscard]] static Column categorical(std::string name, std::vector<std::int32_t> codes,
                                          std::vector<std::string> levels);

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] ColumnType type() const noexcept { return type_; }
  [[nodiscard]] bool isNumeric() const noexcept { return type_ != ColumnType::Categorical; }
  [[nodiscard]] bool isCategorical() const noexcept { return type_ == ColumnType::Categorical; }
  [[nodiscard]] std::size_t size() const noexcept;
  [[nodiscard]] std::size_t missingCount() const noexcept { return missing_; }
  [[nodiscard]] bool isMissing(std::size_t row) const;

  // Numeric and binary columns only (empty span otherwise).
  [[nodiscard]] std::span<const double> values() const noexcept { return values_; }
  // Categorical columns only (empty otherwise).
  [[nodiscard]] std::span<const std::int32_t> codes() const noexcept { return codes_; }
  [[nodiscard]] const std::vector<std::string>& levels() const noexcept { return levels_; }

  // The cell as text: "" when missing, numbers in shortest round-trip form.
  [[nodiscard]] std::string cellText(std::size_t row) const;

  friend bool operator==(const Column& a, const Column& b);

 private:
  Column() = default;

  std::string name_;
  ColumnType type_ = ColumnType::Numeric;
  std::size_t missing_ = 0;
  std::vector<double> values_;
  std::vector<std::int32_t> codes_;
  std::vector<std::string> levels_;
};

// Formats a number the way cells and labels show it: shortest text that reads back exactly.
[[nodiscard]] std::string formatNumber(double value);

}  // namespace causeway::data
