#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace causeway::data {

// Index of the first byte that does not belong to well-formed UTF-8 (no overlong forms,
// surrogates or code points above U+10FFFF), or nullopt if the text is valid.
[[nodiscard]] std::optional<std::size_t> findInvalidUtf8(std::string_view text) noexcept;

// "invalid UTF-8 (byte 0xE9 at position 4)": position is 1-based within the text.
[[nodiscard]] std::string describeInvalidUtf8(std::string_view text, std::size_t badIndex);

}  // namespace causeway::data
