#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "causeway/common/Error.hpp"

#include "CsvChunkParser.hpp"

namespace causeway::data {

// Turns byte offsets into the 1-based line numbers users see. Lines are counted only when an
// error is reported, so parsing never tracks them.
class CsvErrorLocator {
 public:
  CsvErrorLocator(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {}

  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  [[nodiscard]] std::size_t offsetOf(const char* p) const noexcept {
    return static_cast<std::size_t>(p - text_.data());
  }

  [[nodiscard]] Error at(ErrorCode code, std::string message, std::size_t offset, std::size_t column,
                         std::string variable) const {
    return makeError(code, std::move(message), {source_, lineAt(offset), column, std::move(variable)});
  }
  [[nodiscard]] Error at(const ChunkError& error) const {
    return at(error.code, error.message, error.offset, error.column, error.variable);
  }
  // For problems of the file as a whole (empty, no rows, bad options).
  [[nodiscard]] Error whole(ErrorCode code, std::string message) const {
    return makeError(code, std::move(message), {source_, 0, 0, {}});
  }

 private:
  [[nodiscard]] std::size_t lineAt(std::size_t offset) const {
    const auto upTo = text_.substr(0, offset);
    return 1 + static_cast<std::size_t>(std::count(upTo.begin(), upTo.end(), '\n'));
  }

  std::string_view text_;
  std::string source_;
};

}  // namespace causeway::data
