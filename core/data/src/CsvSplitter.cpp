#include "CsvSplitter.hpp"

#include <cstring>

namespace causeway::data {

std::vector<ChunkRange> splitIntoChunks(const char* begin, const char* end, std::size_t parts,
                                        const CsvDialect& dialect) {
  const auto size = static_cast<std::size_t>(end - begin);
  if (parts <= 1 || size == 0) return {ChunkRange{begin, end}};
  const bool hasQuotes = std::memchr(begin, '"', size) != nullptr;

  std::vector<ChunkRange> chunks;
  const char* chunkBegin = begin;
  const char* scan = begin;  // the tokenizer's position, always on a record boundary
  for (std::size_t part = 1; part < parts && chunkBegin < end; ++part) {
    const char* target = begin + size / parts * part;
    if (target <= chunkBegin) continue;
    const char* cut = nullptr;
    if (!hasQuotes) {
      const void* newline = std::memchr(target, '\n', static_cast<std::size_t>(end - target));
      cut = newline != nullptr ? static_cast<const char*>(newline) + 1 : end;
    } else {
      while (scan != nullptr && scan < target) scan = skipRecord(scan, end, dialect);
      if (scan == nullptr) break;  // quoting problem: leave the rest whole
      cut = scan;
    }
    if (cut >= end) break;
    chunks.push_back({chunkBegin, cut});
    chunkBegin = cut;
  }
  chunks.push_back({chunkBegin, end});
  return chunks;
}

}  // namespace causeway::data
