#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace causeway::data {

// The shape of one CSV file: what separates fields and whether blanks around them count.
struct CsvDialect {
  char delimiter = ',';
  bool trimSpaces = true;  // spaces (and tabs, unless tab is the delimiter) around fields

  [[nodiscard]] bool isTrimmable(char c) const noexcept {
    return trimSpaces && (c == ' ' || (c == '\t' && delimiter != '\t'));
  }
};

enum class FieldEnd { Delimiter, Record, Input };
enum class FieldProblem { None, UnterminatedQuote, TextAfterClosingQuote };

// One field as found in the text. For a quoted field the content excludes the quotes but still
// holds doubled quotes ("") if `hasDoubledQuotes`; use unquote() to get the value.
struct FieldScan {
  const char* contentBegin = nullptr;
  const char* contentEnd = nullptr;
  const char* next = nullptr;  // where the next field or record starts
  FieldEnd end = FieldEnd::Input;
  bool quoted = false;
  bool hasDoubledQuotes = false;
  FieldProblem problem = FieldProblem::None;
  const char* problemAt = nullptr;  // the opening quote, or the stray character

  [[nodiscard]] std::string_view content() const noexcept {
    return {contentBegin, static_cast<std::size_t>(contentEnd - contentBegin)};
  }
};

// RFC 4180 with two liberties: LF or CRLF ends a record, and (with trimSpaces) blanks may
// surround a field, even a quoted one. A quote inside an unquoted field is an ordinary
// character; anything but blanks between a closing quote and the delimiter is an error.
// Every pass over the text (sniffing, splitting, parsing) uses these functions, so they agree
// on where records start.
[[nodiscard]] FieldScan scanField(const char* p, const char* end, const CsvDialect& dialect) noexcept;

// Steps over empty lines (LF, CRLF, or a final CR); returns the start of the next record or end.
[[nodiscard]] const char* skipBlankLines(const char* p, const char* end) noexcept;

// Moves to the start of the next record. Returns nullptr if the record has a quoting problem.
[[nodiscard]] const char* skipRecord(const char* p, const char* end, const CsvDialect& dialect) noexcept;

// The error message for a quoting problem.
[[nodiscard]] const char* describe(FieldProblem problem) noexcept;

// The value of a quoted field's content: "" becomes ".
[[nodiscard]] std::string unquote(std::string_view content);

// True if c ends an unquoted field at p: the delimiter, LF, CRLF, or a CR that ends the input.
[[nodiscard]] inline bool endsField(const char* p, const char* end, char delimiter) noexcept {
  if (p == end) return true;
  const char c = *p;
  return c == delimiter || c == '\n' || (c == '\r' && (p + 1 == end || p[1] == '\n'));
}

}  // namespace causeway::data
