#include "causeway/data/Dataset.hpp"

#include <stdexcept>
#include <unordered_set>

#include "AsciiCase.hpp"

namespace causeway::data {

Dataset::Dataset(std::vector<Column> columns, std::string sourcePath)
    : columns_(std::move(columns)), sourcePath_(std::move(sourcePath)) {
  if (!columns_.empty()) rowCount_ = columns_.front().size();
  std::unordered_set<std::string_view> names;
  for (const Column& column : columns_) {
    if (column.size() != rowCount_)
      throw std::invalid_argument("column '" + column.name() + "' has " + std::to_string(column.size()) +
                                  " rows, expected " + std::to_string(rowCount_));
    if (!names.insert(column.name()).second)
      throw std::invalid_argument("duplicate column name '" + column.name() + "'");
  }
}

std::vector<std::string> Dataset::columnNames() const {
  std::vector<std::string> names;
  names.reserve(columns_.size());
  for (const Column& column : columns_) names.push_back(column.name());
  return names;
}

std::optional<std::size_t> Dataset::indexOf(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].name() == name) return i;
  return std::nullopt;
}

std::vector<std::size_t> Dataset::indicesIgnoringCase(std::string_view name) const {
  std::vector<std::size_t> matches;
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (equalsIgnoringAsciiCase(columns_[i].name(), name)) matches.push_back(i);
  return matches;
}

Result<std::size_t> Dataset::find(std::string_view name) const {
  if (const auto exact = indexOf(name)) return *exact;
  const std::vector<std::size_t> matches = indicesIgnoringCase(name);
  if (matches.size() == 1) return matches.front();
  ErrorContext context{sourcePath_, 0, 0, std::string(name)};
  if (matches.empty())
    return makeError(ErrorCode::InvalidArgument, "unknown column '" + std::string(name) + "'", context);
  std::string candidates;
  for (const std::size_t index : matches) {
    if (!candidates.empty()) candidates += ", ";
    candidates += "'" + columns_[index].name() + "'";
  }
  return makeError(ErrorCode::InvalidArgument,
                   "column name '" + std::string(name) + "' is ambiguous: it matches " + candidates + " ignoring case",
                   context);
}

}  // namespace causeway::data
