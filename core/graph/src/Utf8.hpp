#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

// UTF-8 validation shared by the model readers: names travel into JSON, SVG and reports, and a
// model written back must read again. Internal to the graph module.
namespace causeway::graph::detail {

// Length of the valid UTF-8 sequence starting at text[pos], or 0 when it is not valid.
inline std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char c = byte(pos);
  std::size_t length = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) length = 2;
  else if (c >= 0xE0 && c <= 0xEF) length = 3;
  else if (c >= 0xF0 && c <= 0xF4) length = 4;
  else return 0;
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i)
    if ((byte(pos + i) & 0xC0U) != 0x80U) return 0;
  if (c == 0xE0 && byte(pos + 1) < 0xA0) return 0;  // overlong
  if (c == 0xED && byte(pos + 1) > 0x9F) return 0;  // surrogates
  if (c == 0xF0 && byte(pos + 1) < 0x90) return 0;  // overlong
  if (c == 0xF4 && byte(pos + 1) > 0x8F) return 0;  // beyond U+10FFFF
  return length;
}

// Offset of the first byte that does not start a valid UTF-8 sequence.
inline std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8SequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

}  // namespace causeway::graph::detail
