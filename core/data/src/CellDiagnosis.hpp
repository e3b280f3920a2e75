#pragma once

#include <string>
#include <string_view>

namespace causeway::data {

// Why a cell in an otherwise numeric column is not a number, in words a user can act on.

// True for "1,5", "-12,25" and "1,234.5": a number written with a decimal comma or a
// thousands separator, which the reader does not guess at.
[[nodiscard]] bool isNumberWithCommas(std::string_view content) noexcept;

// "'Inf' is an infinite value", "'1,5' has a decimal comma", "'0x10' is hexadecimal", else
// "'N/A' is neither a number nor a missing marker".
[[nodiscard]] std::string describeNonNumber(std::string_view content);

}  // namespace causeway::data
