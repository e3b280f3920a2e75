#include "causeway/common/Utf8.hpp"

#include <cstdint>

namespace causeway {

std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) noexcept {
  const auto byteAt = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t lead = byteAt(pos);
  if (lead < 0x80U) return 1;
  // The lead byte fixes the length and the range of the second byte; the second byte's range is
  // what rules out overlongs (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
  std::size_t length = 0;
  std::uint8_t secondLow = 0x80U;
  std::uint8_t secondHigh = 0xBFU;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    if (lead == 0xE0U) secondLow = 0xA0U;
    if (lead == 0xEDU) secondHigh = 0x9FU;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    if (lead == 0xF0U) secondLow = 0x90U;
    if (lead == 0xF4U) secondHigh = 0x8FU;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byteAt(pos + 1) < secondLow || byteAt(pos + 1) > secondHigh) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if ((byteAt(pos + k) & 0xC0U) != 0x80U) return 0;
  return length;
}

std::optional<std::size_t> findInvalidUtf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8SequenceLength(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

std::string describeInvalidUtf8(std::string_view text, std::size_t badIndex) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto byte = static_cast<std::uint8_t>(text[badIndex]);
  std::string message = "invalid UTF-8 byte 0x";
  message += kHex[byte >> 4U];
  message += kHex[byte & 0xFU];
  message += " at position " + std::to_string(badIndex + 1) + " (save the file as UTF-8)";
  return message;
}

}  // namespace causeway
