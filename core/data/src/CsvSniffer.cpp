#include "CsvSniffer.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace causeway::data {
namespace {

constexpr std::size_t kSampleBytes = 64 * 1024;
constexpr std::size_t kDelimiterSampleRecords = 20;
constexpr std::size_t kHeaderSampleRecords = 100;

// Field contents of the first records; stops at a quoting problem or the sample limits.
std::vector<std::vector<std::string>> sampleRecords(std::string_view text, const CsvDialect& dialect,
                                                    std::size_t maxRecords) {
  std::vector<std::vector<std::string>> records;
  const char* end = text.data() + text.size();
  const char* sampleEnd = text.data() + std::min(text.size(), kSampleBytes);
  const char* p = skipBlankLines(text.data(), end);
  while (p < end && p < sampleEnd && records.size() < maxRecords) {
    std::vector<std::string> fields;
    for (;;) {
      const FieldScan field = scanField(p, end, dialect);
      if (field.problem != FieldProblem::None) return records;
      fields.push_back(field.hasDoubledQuotes ? unquote(field.content()) : std::string(field.content()));
      p = field.next;
      if (field.end != FieldEnd::Delimiter) break;
    }
    records.push_back(std::move(fields));
    p = skipBlankLines(p, end);
  }
  return records;
}

}  // namespace

char sniffDelimiter(std::string_view text, bool trimSpaces) {
  constexpr std::array<char, 4> kCandidates{',', '\t', ';', '|'};
  char best = ',';
  std::size_t bestFields = 1;
  bool bestConsistent = false;
  for (const char candidate : kCandidates) {
    const auto records = sampleRecords(text, CsvDialect{candidate, trimSpaces}, kDelimiterSampleRecords);
    if (records.empty()) continue;
    const std::size_t fields = records.front().size();
    bool consistent = true;
    for (const auto& record : records) consistent = consistent && record.size() == fields;
    // A consistent split beats an inconsistent one; then more fields win; ties keep the earlier
    // (more common) candidate.
    const bool better =
        fields > 1 && ((consistent && !bestConsistent) || (consistent == bestConsistent && fields > bestFields));
    if (better) {
      best = candidate;
      bestFields = fields;
      bestConsistent = consistent;
    }
  }
  return best;
}

bool sniffHeader(std::string_view text, const CsvDialect& dialect, const CellClassifier& cells) {
  const auto records = sampleRecords(text, dialect, kHeaderSampleRecords);
  if (records.empty()) return true;
  const std::vector<std::string>& first = records.front();
  bool firstHasNumber = false;
  for (std::size_t column = 0; column < first.size(); ++column) {
    const CellKind firstKind = cells.classify(first[column]).kind;
    if (firstKind == CellKind::Number || firstKind == CellKind::OutOfRange) firstHasNumber = true;
    if (firstKind != CellKind::Text) continue;
    bool numbersBelow = false;
    bool textBelow = false;
    for (std::size_t row = 1; row < records.size(); ++row) {
      if (column >= records[row].size()) continue;
      const CellKind kind = cells.classify(records[row][column]).kind;
      if (kind == CellKind::Text) textBelow = true;
      if (kind == CellKind::Number || kind == CellKind::OutOfRange) numbersBelow = true;
    }
    if (numbersBelow && !textBelow) return true;
  }
  return !firstHasNumber;
}

}  // namespace causeway::data
