#include "ColumnBuilder.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace causeway::database::detail {

void ColumnBuilder::addNull() {
  if (text_) codes_.push_back(data::Column::kMissingCode);
  else values_.push_back(std::numeric_limits<double>::quiet_NaN());
}

void ColumnBuilder::addNumber(double value) {
  if (!text_) {
    values_.push_back(value);
    return;
  }
  codes_.push_back(codeOf(data::formatNumber(value)));
}

void ColumnBuilder::addText(std::string_view text) {
  if (!text_) {
    text_ = true;
    codes_.reserve(values_.size() + 1);
    for (double v : values_) codes_.push_back(std::isnan(v) ? data::Column::kMissingCode : codeOf(data::formatNumber(v)));
    values_ = {};
  }
  codes_.push_back(codeOf(text));
}

std::int32_t ColumnBuilder::codeOf(std::string_view text) {
  auto [it, inserted] = index_.try_emplace(std::string(text), static_cast<std::int32_t>(levels_.size()));
  if (inserted) levels_.emplace_back(text);
  return it->second;
}

data::Column ColumnBuilder::finish() {
  if (text_) return data::Column::categorical(name_, std::move(codes_), std::move(levels_));
  return data::Column::numeric(name_, std::move(values_));
}

namespace {

// Parses exactly `digits` decimal digits at text[pos].
std::optional<int> digitsAt(std::string_view text, std::size_t pos, std::size_t digits) {
  if (pos + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Howard Hinnant's days_from_civil.
long long daysFromCivil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

}  // namespace

std::optional<double> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digitsAt(text, 0, 4), m = digitsAt(text, 5, 2), d = digitsAt(text, 8, 2);
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > 31) return std::nullopt;
  return static_cast<double>(daysFromCivil(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d)));
}

std::optional<double> parseTimestamp(std::string_view text) {
  if (text.size() < 19 || (text[10] != ' ' && text[10] != 'T')) return std::nullopt;
  auto days = parseDate(text.substr(0, 10));
  auto hh = digitsAt(text, 11, 2), mm = digitsAt(text, 14, 2), ss = digitsAt(text, 17, 2);
  if (!days || !hh || !mm || !ss || text[13] != ':' || text[16] != ':') return std::nullopt;
  double seconds = *days * 86400.0 + *hh * 3600.0 + *mm * 60.0 + *ss;
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    std::size_t end = pos + 1;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    auto fraction = parseNumber(text.substr(pos, end - pos));
    if (!fraction) return std::nullopt;
    seconds += *fraction;
    pos = end;
  }
  if (pos == text.size()) return seconds;
  if (text[pos] == 'Z' && pos + 1 == text.size()) return seconds;
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const double sign = text[pos] == '+' ? 1.0 : -1.0;
  auto oh = digitsAt(text, pos + 1, 2);
  if (!oh) return std::nullopt;
  int om = 0;
  pos += 3;
  if (pos < text.size()) {
    if (text[pos] == ':') ++pos;
    auto minutes = digitsAt(text, pos, 2);
    if (!minutes || pos + 2 != text.size()) return std::nullopt;
    om = *minutes;
  }
  return seconds - sign * (*oh * 3600.0 + om * 60.0);  // 10:00+02 is 08:00 UTC
}

std::optional<double> parseNumber(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace causeway::database::detail
