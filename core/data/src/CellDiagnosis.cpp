#include "CellDiagnosis.hpp"

#include <algorithm>

#include "AsciiCase.hpp"
#include "CellClassifier.hpp"

namespace causeway::data {
namespace {

std::string_view withoutSign(std::string_view text) {
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  return text;
}

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return isAsciiDigit(c); });
}

// "1,5" (one comma, digits either side, no point).
bool hasDecimalComma(std::string_view text) {
  text = withoutSign(text);
  const auto comma = text.find(',');
  return comma != std::string_view::npos && text.find(',', comma + 1) == std::string_view::npos &&
         allDigits(text.substr(0, comma)) && allDigits(text.substr(comma + 1));
}

// "1,234.5" and "1,234,567": groups of three digits after the first, an optional point part.
bool hasThousandsSeparators(std::string_view text) {
  text = withoutSign(text);
  const auto point = text.find('.');
  if (point != std::string_view::npos && !allDigits(text.substr(point + 1))) return false;
  std::string_view whole = text.substr(0, point);
  const auto firstComma = whole.find(',');
  if (firstComma == std::string_view::npos || firstComma == 0 || firstComma > 3 ||
      !allDigits(whole.substr(0, firstComma)))
    return false;
  whole.remove_prefix(firstComma);
  if (whole.size() % 4 != 0) return false;
  for (std::size_t i = 0; i < whole.size(); i += 4)
    if (whole[i] != ',' || !allDigits(whole.substr(i + 1, 3))) return false;
  return true;
}

std::string quoted(std::string_view content) {
  constexpr std::size_t kShown = 40;
  return "'" + std::string(content.substr(0, kShown)) + (content.size() > kShown ? "...'" : "'");
}

}  // namespace

bool isNumberWithCommas(std::string_view content) noexcept {
  return hasDecimalComma(content) || hasThousandsSeparators(content);
}

std::string describeNonNumber(std::string_view content) {
  const std::string_view digits = withoutSign(content);
  if (equalsIgnoringAsciiCase(digits, "inf") || equalsIgnoringAsciiCase(digits, "infinity"))
    return quoted(content) + " is an infinite value; a numeric column holds finite numbers only";
  if (hasDecimalComma(content))
    return quoted(content) + " has a decimal comma; Causeway reads '.' as the decimal point";
  if (hasThousandsSeparators(content))
    return quoted(content) + " has a thousands separator; write numbers without one";
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
    return quoted(content) + " is a hexadecimal number; write numbers in decimal";
  return quoted(content) + " is neither a number nor a missing marker (NA, N/A, NaN, ., null, an empty cell)";
}

}  // namespace causeway::data
