#pragma once

#include <string>
#include <vector>

#include "causeway/common/Result.hpp"

#include "CsvErrorLocator.hpp"
#include "CsvTokenizer.hpp"

namespace causeway::data {

struct CsvHeader {
  std::vector<std::string> names;
  const char* dataBegin = nullptr;  // the first record after the header, or the first record
};

// Reads the first record as column names, or without a header only counts its fields. Empty
// and missing names become "column<N>" (N the 1-based position; "_2", "_3" ... if taken), so
// files written with R's row names load. Duplicate names, invalid UTF-8 and quoting problems
// are MalformedData errors located in the header.
[[nodiscard]] Result<CsvHeader> readCsvHeader(const char* firstRecord, const char* end, bool hasHeader,
                                              const CsvDialect& dialect, const CsvErrorLocator& locate);

}  // namespace causeway::data
