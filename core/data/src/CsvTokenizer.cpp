#include "CsvTokenizer.hpp"

#include <cstring>

namespace causeway::data {
namespace {

// Consumes the terminator at p (which endsField() accepted) and records what it was.
void finishField(const char* p, const char* end, char delimiter, FieldScan& field) noexcept {
  if (p == end) {
    field.end = FieldEnd::Input;
    field.next = end;
  } else if (*p == delimiter) {
    field.end = FieldEnd::Delimiter;
    field.next = p + 1;
  } else {
    field.end = FieldEnd::Record;
    // LF, CRLF, or a lone CR that ends the input (endsField() allowed nothing else).
    field.next = (*p == '\r' && p + 1 < end) ? p + 2 : p + 1;
  }
}

FieldScan scanQuoted(const char* quote, const char* end, const CsvDialect& dialect) noexcept {
  FieldScan field;
  field.quoted = true;
  field.contentBegin = quote + 1;
  const char* p = quote + 1;
  for (;;) {
    const void* found = std::memchr(p, '"', static_cast<std::size_t>(end - p));
    if (found == nullptr) {
      field.problem = FieldProblem::UnterminatedQuote;
      field.problemAt = quote;
      field.contentEnd = end;
      field.next = end;
      return field;
    }
    p = static_cast<const char*>(found);
    if (p + 1 < end && p[1] == '"') {
      field.hasDoubledQuotes = true;
      p += 2;
      continue;
    }
    break;
  }
  field.contentEnd = p;
  ++p;  // past the closing quote
  while (p < end && dialect.isTrimmable(*p)) ++p;
  if (!endsField(p, end, dialect.delimiter)) {
    field.problem = FieldProblem::TextAfterClosingQuote;
    field.problemAt = p;
    field.next = end;
    return field;
  }
  finishField(p, end, dialect.delimiter, field);
  return field;
}

}  // namespace

FieldScan scanField(const char* p, const char* end, const CsvDialect& dialect) noexcept {
  const char* start = p;
  while (start < end && dialect.isTrimmable(*start)) ++start;
  if (start < end && *start == '"') return scanQuoted(start, end, dialect);

  FieldScan field;
  field.contentBegin = start;
  const char delimiter = dialect.delimiter;
  const char* q = start;
  while (q < end && *q != delimiter && *q != '\n') ++q;
  const char* contentEnd = q;
  // A CR belongs to the line ending only right before LF or at the very end.
  if (contentEnd > start && contentEnd[-1] == '\r' && (q == end || *q == '\n')) --contentEnd;
  while (contentEnd > start && dialect.isTrimmable(contentEnd[-1])) --contentEnd;
  field.contentEnd = contentEnd;
  if (q == end) {
    field.end = FieldEnd::Input;
    field.next = end;
  } else if (*q == delimiter) {
    field.end = FieldEnd::Delimiter;
    field.next = q + 1;
  } else {
    field.end = FieldEnd::Record;
    field.next = q + 1;
  }
  return field;
}

const char* skipBlankLines(const char* p, const char* end) noexcept {
  while (p < end) {
    if (*p == '\n') {
      ++p;
    } else if (*p == '\r' && (p + 1 == end || p[1] == '\n')) {
      p += (p + 1 == end) ? 1 : 2;
    } else {
      break;
    }
  }
  return p;
}

const char* skipRecord(const char* p, const char* end, const CsvDialect& dialect) noexcept {
  for (;;) {
    const FieldScan field = scanField(p, end, dialect);
    if (field.problem != FieldProblem::None) return nullptr;
    p = field.next;
    if (field.end != FieldEnd::Delimiter) return p;
  }
}

const char* describe(FieldProblem problem) noexcept {
  switch (problem) {
    case FieldProblem::UnterminatedQuote:
      return "unterminated quoted field";
    case FieldProblem::TextAfterClosingQuote:
      return "unexpected text after a closing quote";
    case FieldProblem::None:
      break;
  }
  return "no problem";
}

std::string unquote(std::string_view content) {
  std::string value;
  value.reserve(content.size());
  for (std::size_t i = 0; i < content.size(); ++i) {
    value.push_back(content[i]);
    if (content[i] == '"' && i + 1 < content.size() && content[i + 1] == '"') ++i;
  }
  return value;
}

}  // namespace causeway::data
