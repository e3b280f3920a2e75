#include "CsvHeader.hpp"

#include <unordered_map>

#include "causeway/common/Utf8.hpp"

namespace causeway::data {

Result<CsvHeader> readCsvHeader(const char* firstRecord, const char* end, bool hasHeader, const CsvDialect& dialect,
                                const CsvErrorLocator& locate) {
  CsvHeader header;
  std::vector<std::string>& names = header.names;
  const char* p = firstRecord;
  for (;;) {
    const FieldScan field = scanField(p, end, dialect);
    if (field.problem != FieldProblem::None)
      return locate.at(ErrorCode::MalformedData, describe(field.problem), locate.offsetOf(field.problemAt),
                       names.size() + 1, {});
    std::string name = field.hasDoubledQuotes ? unquote(field.content()) : std::string(field.content());
    if (hasHeader) {
      if (const auto bad = findInvalidUtf8(name))
        return locate.at(ErrorCode::MalformedData, "column name has " + describeInvalidUtf8(name, *bad),
                         locate.offsetOf(field.contentBegin), names.size() + 1, {});
    }
    names.push_back(std::move(name));
    p = field.next;
    if (field.end != FieldEnd::Delimiter) break;
  }
  header.dataBegin = hasHeader ? p : firstRecord;

  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!hasHeader || names[i].empty()) continue;
    if (const auto [first, inserted] = seen.emplace(names[i], i); !inserted)
      return locate.at(ErrorCode::MalformedData,
                       "duplicate column name '" + names[i] + "' (columns " + std::to_string(first->second + 1) +
                           " and " + std::to_string(i + 1) + ")",
                       locate.offsetOf(firstRecord), i + 1, names[i]);
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (hasHeader && !names[i].empty()) continue;
    const std::string byPosition = "column" + std::to_string(i + 1);
    std::string name = byPosition;
    for (int suffix = 2; seen.contains(name); ++suffix) name = byPosition + "_" + std::to_string(suffix);
    seen.emplace(name, i);
    names[i] = std::move(name);
  }
  return header;
}

}  // namespace causeway::data
