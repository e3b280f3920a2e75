#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace causeway::data {

enum class CellKind { Missing, Number, OutOfRange, Text };

struct Cell {
  CellKind kind = CellKind::Missing;
  double value = 0.0;  // set for Number
};

// The longest number at the start of [begin, end), as std::from_chars reads it, plus a leading
// '+' (which from_chars refuses). Underflow reads as a signed zero, as strtod does; overflow is
// reported so the reader can name the cell.
struct NumberPrefix {
  enum class Status { None, Parsed, Overflow };
  Status status = Status::None;
  double value = 0.0;
  const char* end = nullptr;  // one past the last character consumed
};

[[nodiscard]] inline bool isAsciiDigit(char c) noexcept { return c >= '0' && c <= '9'; }

// The general case, through std::from_chars.
[[nodiscard]] NumberPrefix parseNumberWithFromChars(const char* begin, const char* end) noexcept;

// How many of the 8 bytes at p are leading ASCII digits, and their value. SWAR (SIMD within a
// register) instead of a loop, because a loop's exit branch mispredicts on every number whose
// length differs from the last one. Adapted from fast_float's eight-digit parser.
[[nodiscard]] inline int readUpToEightDigits(const char* p, std::uint64_t& value) noexcept {
  std::uint64_t word = 0;  // byte 0 (least significant) = first character
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&word, p, sizeof word);
  } else {
    for (int i = 0; i < 8; ++i) word |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  }
  // A byte is a digit iff its high nibble and that of byte + 6 are both 3. A carry out of a
  // non-digit byte can only spoil the bytes after the first non-digit, which are not used.
  const std::uint64_t nibbles =
      (word & 0xF0F0F0F0F0F0F0F0ULL) | (((word + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) >> 4);
  const std::uint64_t nonDigits = nibbles ^ 0x3333333333333333ULL;
  const int count = nonDigits == 0 ? 8 : std::countr_zero(nonDigits) / 8;
  if (count == 0) {
    value = 0;
    return 0;
  }
  // Digits to the top bytes, zeros (as digit 0) shifted in below: then the usual 8-digit sum.
  std::uint64_t digits = (word - 0x3030303030303030ULL) << (8 * (8 - count));
  digits = (digits * 10) + (digits >> 8);
  digits = (((digits & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32))) +
            (((digits >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >>
           32;
  value = digits & 0xFFFFFFFFULL;
  return count;
}

// Appends the run of digits at p to `mantissa`; returns how many there were.
[[nodiscard]] inline int appendDigits(const char*& p, const char* end, std::uint64_t& mantissa) noexcept {
  static constexpr std::uint64_t kPowersOfTen[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
  int count = 0;
  while (end - p >= 8) {
    std::uint64_t block = 0;
    const int n = readUpToEightDigits(p, block);
    mantissa = mantissa * kPowersOfTen[n] + block;  // wraps only past 19 digits, which are refused
    count += n;
    p += n;
    if (n < 8) return count;
  }
  for (; p < end && isAsciiDigit(*p); ++p, ++count) mantissa = mantissa * 10 + static_cast<std::uint64_t>(*p - '0');
  return count;
}

// Clinger's fast path for the plain decimals that fill most data files ("-12.345"): with at most
// 15 digits the digits form an exact integer below 2^53 and the power of ten is exact, so one
// correctly rounded division gives the same double from_chars would. Anything else (a '+', an
// exponent, more digits, inf/nan, no digits) returns false. Inline: it runs once per cell.
[[nodiscard]] inline bool parsePlainDecimal(const char* begin, const char* end, double& value,
                                            const char*& stop) noexcept {
  constexpr int kMaxExactDigits = 15;
  static constexpr double kExactPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const char* p = begin;
  if (p == end) return false;
  const bool negative = *p == '-';
  p += negative ? 1 : 0;  // signs are random in real data: no branch to mispredict
  std::uint64_t mantissa = 0;
  int digitCount = appendDigits(p, end, mantissa);
  int fractionDigits = 0;
  if (p < end && *p == '.') {
    ++p;
    fractionDigits = appendDigits(p, end, mantissa);
    digitCount += fractionDigits;
  }
  if (digitCount == 0 || digitCount > kMaxExactDigits) return false;
  if (p < end && (*p == 'e' || *p == 'E')) return false;
  const double magnitude = static_cast<double>(mantissa) / kExactPowersOfTen[fractionDigits];
  value = std::bit_cast<double>(std::bit_cast<std::uint64_t>(magnitude) | (static_cast<std::uint64_t>(negative) << 63));
  stop = p;
  return true;
}

[[nodiscard]] inline NumberPrefix parseNumberPrefix(const char* begin, const char* end) noexcept {
  NumberPrefix result;
  if (parsePlainDecimal(begin, end, result.value, result.end)) {
    result.status = NumberPrefix::Status::Parsed;
    return result;
  }
  return parseNumberWithFromChars(begin, end);
}

// Decides what one cell holds: a missing marker, a finite number, an out-of-range number, or
// text. `inf` and `nan` are text unless listed as missing markers: a numeric column holds
// finite numbers only.
class CellClassifier {
 public:
  explicit CellClassifier(std::vector<std::string> missingMarkers);

  [[nodiscard]] bool isMissingMarker(std::string_view content) const noexcept;
  [[nodiscard]] Cell classify(std::string_view content) const noexcept;
  // True when some marker also reads as a number (e.g. "-99"), so the fast numeric path must
  // compare the text against the markers too.
  [[nodiscard]] bool hasNumericMarker() const noexcept { return hasNumericMarker_; }

 private:
  std::vector<std::string> markers_;
  bool hasNumericMarker_ = false;
};

}  // namespace causeway::data
