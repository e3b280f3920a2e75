#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// The one UTF-8 validator of the core: names and cells travel into JSON, SVG and reports, and a
// model or table written back must read again.
namespace causeway {

// Length of the well-formed UTF-8 sequence starting at text[pos] (1 to 4), or 0 when none starts
// there (Unicode Table 3-7: no overlong forms, surrogates or code points above U+10FFFF).
[[nodiscard]] std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) noexcept;

// Offset of the first byte that does not belong to well-formed UTF-8, or nullopt if all is valid.
[[nodiscard]] std::optional<std::size_t> findInvalidUtf8(std::string_view text) noexcept;

// The one message for it: "invalid UTF-8 byte 0xE9 at position 4 (save the file as UTF-8)",
// position 1-based within `text`. Callers add the file, line and column as error context.
[[nodiscard]] std::string describeInvalidUtf8(std::string_view text, std::size_t badIndex);

}  // namespace causeway
