#pragma once

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
[[nodiscard]] NumberPrefix parseNumberPrefix(const char* begin, const char* end) noexcept;

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
