#include "CellClassifier.hpp"

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <system_error>

namespace causeway::data {
namespace {

// from_chars said "out of range" for [begin, end): decide whether the literal is too large or
// too small by the decimal position of its first significant digit plus its exponent.
bool literalOverflows(const char* begin, const char* end) {
  const char* p = begin;
  if (p < end && (*p == '-' || *p == '+')) ++p;
  long long magnitude = 0;
  bool foundDigit = false;
  long long integerDigits = 0;
  while (p < end && isAsciiDigit(*p)) {
    if (!foundDigit && *p != '0') foundDigit = true;
    if (foundDigit) ++integerDigits;
    ++p;
  }
  if (foundDigit) magnitude = integerDigits - 1;
  if (p < end && *p == '.') {
    ++p;
    long long position = 0;
    while (p < end && isAsciiDigit(*p)) {
      --position;
      if (!foundDigit && *p != '0') {
        foundDigit = true;
        magnitude = position;
      }
      ++p;
    }
  }
  if (p < end && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool negative = p < end && *p == '-';
    if (p < end && (*p == '-' || *p == '+')) ++p;
    long long exponent = 0;
    while (p < end && isAsciiDigit(*p)) {
      exponent = std::min(exponent * 10 + (*p - '0'), LLONG_MAX / 20);  // saturate, sign is enough
      ++p;
    }
    magnitude += negative ? -exponent : exponent;
  }
  return magnitude > 0;
}

}  // namespace

NumberPrefix parseNumberWithFromChars(const char* begin, const char* end) noexcept {
  NumberPrefix result;
  const char* start = begin;
  if (start < end && *start == '+') {
    ++start;
    if (start < end && *start == '-') return result;  // "+-1" is not a number
  }
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(start, end, value);
  if (ec == std::errc::invalid_argument) return result;
  result.end = ptr;
  if (ec == std::errc::result_out_of_range) {
    if (literalOverflows(begin, ptr)) {
      result.status = NumberPrefix::Status::Overflow;
      return result;
    }
    value = (*begin == '-') ? -0.0 : 0.0;
  }
  result.status = NumberPrefix::Status::Parsed;
  result.value = value;
  return result;
}

CellClassifier::CellClassifier(std::vector<std::string> missingMarkers) : markers_(std::move(missingMarkers)) {
  hasNumericMarker_ = std::any_of(markers_.begin(), markers_.end(), [](const std::string& marker) {
    const NumberPrefix number = parseNumberPrefix(marker.data(), marker.data() + marker.size());
    // Only finite numbers take the fast path, so "nan" needs no special care there.
    return number.status == NumberPrefix::Status::Parsed && std::isfinite(number.value) &&
           number.end == marker.data() + marker.size();
  });
}

bool CellClassifier::isMissingMarker(std::string_view content) const noexcept {
  return std::any_of(markers_.begin(), markers_.end(), [&](const std::string& marker) { return marker == content; });
}

Cell CellClassifier::classify(std::string_view content) const noexcept {
  if (isMissingMarker(content)) return {CellKind::Missing, 0.0};
  const char* end = content.data() + content.size();
  const NumberPrefix number = parseNumberPrefix(content.data(), end);
  if (number.status == NumberPrefix::Status::None || number.end != end) return {CellKind::Text, 0.0};
  if (number.status == NumberPrefix::Status::Overflow) return {CellKind::OutOfRange, 0.0};
  if (!std::isfinite(number.value)) return {CellKind::Text, 0.0};  // "inf", "nan(...)"
  return {CellKind::Number, number.value};
}

}  // namespace causeway::data
