#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Column.hpp"
#include "causeway/data/ColumnSummary.hpp"

namespace causeway::data {

// A columnar table of observations, as read from a file. Immutable once built, so it can be
// shared between threads (analyses run on copies of the inputs).
class Dataset {
 public:
  Dataset() = default;
  // Throws std::invalid_argument if the columns differ in length or two share a name exactly.
  explicit Dataset(std::vector<Column> columns, std::string sourcePath = {});

  [[nodiscard]] std::size_t rowCount() const noexcept { return rowCount_; }
  [[nodiscard]] std::size_t columnCount() const noexcept { return columns_.size(); }
  [[nodiscard]] const std::string& sourcePath() const noexcept { return sourcePath_; }

  [[nodiscard]] const std::vector<Column>& columns() const noexcept { return columns_; }
  [[nodiscard]] const Column& column(std::size_t index) const { return columns_.at(index); }
  [[nodiscard]] std::vector<std::string> columnNames() const;

  // Exact (byte-for-byte) name lookup.
  [[nodiscard]] std::optional<std::size_t> indexOf(std::string_view name) const noexcept;
  // Every column whose name equals `name` ignoring ASCII case, in column order.
  [[nodiscard]] std::vector<std::size_t> indicesIgnoringCase(std::string_view name) const;
  // An exact match wins; otherwise the one case-insensitive match. Fails with InvalidArgument
  // (variable = name) when there is none or when several differ only in case.
  [[nodiscard]] Result<std::size_t> find(std::string_view name) const;

  [[nodiscard]] ColumnSummary summary(std::size_t index) const { return summarizeColumn(column(index)); }

  friend bool operator==(const Dataset&, const Dataset&) = default;

 private:
  std::vector<Column> columns_;
  std::size_t rowCount_ = 0;
  std::string sourcePath_;
};

}  // namespace causeway::data
