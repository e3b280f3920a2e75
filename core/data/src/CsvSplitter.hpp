#pragma once

#include <cstddef>
#include <vector>

#include "CsvChunkParser.hpp"
#include "CsvTokenizer.hpp"

namespace causeway::data {

// Cuts [begin, end) into at most `parts` ranges of roughly equal size, each starting on a record
// boundary. Text without quotes is cut after the next line feed. With quotes a line feed may lie
// inside a field, so the records before each cut are stepped over with the tokenizer; if that
// meets a quoting problem the rest stays in one range, whose parser reports it.
[[nodiscard]] std::vector<ChunkRange> splitIntoChunks(const char* begin, const char* end, std::size_t parts,
                                                      const CsvDialect& dialect);

}  // namespace causeway::data
