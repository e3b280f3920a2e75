#include "causeway/common/NumberFormat.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace causeway::format {

namespace {

// Decimals needed so that |value| shows `digits` significant digits; 0 once the integer part has them.
int decimalsFor(double magnitude, int digits) {
  if (magnitude == 0.0) return 0;
  const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
  return std::clamp(digits - 1 - exponent, 0, 15);
}

}  // namespace

std::string fixed(double value, int decimals) {
  if (std::isnan(value)) return "NA";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char buffer[400];  // %f of the largest double has 309 integer digits
  std::snprintf(buffer, sizeof buffer, "%.*f", std::clamp(decimals, 0, 15), value);
  std::string text = buffer;
  // "-0.000": the value rounds to zero, whose sign says nothing.
  if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

std::string significant(double value, int digits) {
  if (!std::isfinite(value)) return fixed(value, 0);
  const double magnitude = std::abs(value);
  int decimals = decimalsFor(magnitude, digits);
  // Rounding can carry into a new leading digit (0.09996 -> 0.1000): one decimal fewer then.
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(magnitude * scale) / scale;
  if (decimals > 0 && decimalsFor(rounded, digits) < decimals) --decimals;
  std::string text = fixed(value, decimals);
  // Trailing zeros after the point carry no digits of the value (0.100 reads as 0.1, as in R).
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

std::string interval(double low, double high, int digits) {
  std::string text = "[";
  text.append(significant(low, digits)).append(", ").append(significant(high, digits)).append("]");
  return text;
}

std::string percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return fixed(fraction, decimals);
  return fixed(100.0 * fraction, decimals) + "%";
}

std::string pValue(double p) {
  if (std::isfinite(p) && p >= 0.0 && p < 0.001) return "< 0.001";
  return fixed(p, 3);
}

}  // namespace causeway::format
