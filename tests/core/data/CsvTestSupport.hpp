#pragma once

#include <stdexcept>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "causeway/common/Error.hpp"
#include "causeway/data/CsvReader.hpp"

namespace causeway::data::testing {

// Parses text that must be valid; a failure surfaces as the test's error message.
inline Dataset parseCsv(std::string_view text, const CsvOptions& options = {}) {
  auto result = readCsvString(text, options);
  if (!result) throw std::runtime_error("unexpected error: " + result.error().describe());
  return std::move(result).value();
}

// Parses text that must fail, returning the error.
inline Error parseError(std::string_view text, const CsvOptions& options = {}) {
  auto result = readCsvString(text, options);
  if (result) throw std::runtime_error("expected an error, got a dataset");
  return std::move(result).error();
}

inline const Column& columnNamed(const Dataset& data, std::string_view name) {
  const auto index = data.indexOf(name);
  if (!index) throw std::runtime_error("no column " + std::string(name));
  return data.column(*index);
}

// Error equality on everything a user sees, printed whole when it fails.
MATCHER_P5(IsError, code, message, line, column, variable, "") {
  const bool same = arg.code == code && arg.message == message && arg.context.line == std::size_t(line) &&
                    arg.context.column == std::size_t(column) && arg.context.variable == variable;
  if (!same)
    *result_listener << "got [" << toString(arg.code) << "] line " << arg.context.line << " column "
                     << arg.context.column << " variable '" << arg.context.variable << "': " << arg.message;
  return same;
}

}  // namespace causeway::data::testing
