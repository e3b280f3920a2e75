#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "causeway/data/Column.hpp"

#include "CsvChunkParser.hpp"

namespace causeway::data {

// Joins the chunks' per-column buffers into whole columns, in parallel over columns, releasing
// each chunk buffer as soon as it is copied so memory does not double. Text columns get their
// levels merged and sorted, and codes renumbered. `textColumns` is ascending and indexes
// `categorical[k].codes` by position.
[[nodiscard]] std::vector<Column> assembleColumns(const std::vector<std::string>& names,
                                                  std::vector<NumericChunk>& numeric,
                                                  std::vector<CategoricalChunk>& categorical,
                                                  std::span<const std::size_t> textColumns, std::size_t threads);

}  // namespace causeway::data
