#include "Utf8.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace causeway::data {

std::optional<std::size_t> findInvalidUtf8(std::string_view text) noexcept {
  const auto byteAt = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const auto isContinuation = [&](std::size_t i) { return i < text.size() && (byteAt(i) & 0xC0U) == 0x80U; };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::uint8_t lead = byteAt(i);
    if (lead < 0x80U) {
      ++i;
      continue;
    }
    // Table 3-7 of the Unicode standard: the lead byte fixes the length and the range of the
    // second byte, which is what rules out overlongs and surrogates.
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
      return i;
    }
    if (i + 1 >= text.size() || byteAt(i + 1) < secondLow || byteAt(i + 1) > secondHigh) return i;
    for (std::size_t k = 2; k < length; ++k)
      if (!isContinuation(i + k)) return i;
    i += length;
  }
  return std::nullopt;
}

std::string describeInvalidUtf8(std::string_view text, std::size_t badIndex) {
  std::array<char, 8> hex{};
  std::snprintf(hex.data(), hex.size(), "0x%02X", static_cast<unsigned>(static_cast<std::uint8_t>(text[badIndex])));
  return "invalid UTF-8 (byte " + std::string(hex.data()) + " at position " + std::to_string(badIndex + 1) + ")";
}

}  // namespace causeway::data
