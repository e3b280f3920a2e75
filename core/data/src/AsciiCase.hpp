#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace causeway::data {

// Column and node names are UTF-8; only ASCII letters fold, so "Äge" never matches "äge" and
// the comparison needs no locale.
[[nodiscard]] inline char toLowerAscii(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] inline bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) noexcept {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return toLowerAscii(x) == toLowerAscii(y); });
}

[[nodiscard]] inline std::string lowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), toLowerAscii);
  return out;
}

}  // namespace causeway::data
