#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "causeway/common/Error.hpp"
#include "causeway/data/Column.hpp"

#include "CellClassifier.hpp"
#include "CsvTokenizer.hpp"

namespace causeway::data {

// What every chunk worker reads; nothing in it is written while workers run.
struct CsvParseSetup {
  const char* textBegin = nullptr;  // offsets in errors count from here
  CsvDialect dialect;
  const CellClassifier* cells = nullptr;
  const std::vector<std::string>* columnNames = nullptr;
  std::stop_token stop;

  [[nodiscard]] std::size_t columnCount() const noexcept { return columnNames->size(); }
};

// A byte range of the data that starts and ends on record boundaries.
struct ChunkRange {
  const char* begin = nullptr;
  const char* end = nullptr;
};

// A problem found by a worker, located by byte offset: line numbers are counted afterwards,
// since a worker does not know how many lines precede its chunk.
struct ChunkError {
  ErrorCode code = ErrorCode::MalformedData;
  std::string message;
  std::size_t offset = 0;  // byte offset from CsvParseSetup::textBegin
  std::size_t column = 0;  // 1-based field number
  std::string variable;
};

// First pass: every cell read as a number. Columns that turn out to hold text are re-read by
// the second pass, so text is never copied here.
struct NumericChunk {
  std::vector<std::vector<double>> values;               // per column, NaN where missing or text
  std::vector<Column::ValueCounts> counts;               // per column, of `values`
  std::vector<std::uint8_t> hasText;                     // per column
  std::vector<std::optional<ChunkError>> firstOverflow;  // per column
  // Per column: cells that are neither numbers nor missing markers, how many of those look
  // like numbers written with commas ("1,5"), and the first of them (its message describes it).
  std::vector<std::size_t> textCells;
  std::vector<std::size_t> commaCells;
  std::vector<std::optional<ChunkError>> firstText;
  std::size_t rows = 0;
  std::optional<ChunkError> error;  // the first structural problem; parsing stops there
  bool cancelled = false;
};

// Second pass, for text columns only: codes into this chunk's own levels (first-seen order).
struct CategoricalChunk {
  std::vector<std::vector<std::int32_t>> codes;       // per text column
  std::vector<std::vector<std::string_view>> levels;  // per text column, indexed by code
  std::deque<std::string> unquotedLevels;             // storage for levels that had ""
  std::optional<ChunkError> error;
  bool cancelled = false;
};

// `reserveRows` bounds the records in the chunk (or more, for the chunk that later receives the
// others). `bytesDone` advances as the worker goes, for the progress bar.
void parseNumericChunk(const CsvParseSetup& setup, ChunkRange range, std::size_t reserveRows, NumericChunk& out,
                       std::atomic<std::size_t>& bytesDone);

// `textColumns` lists the (0-based) columns to collect, ascending; `rows` is what the first pass
// counted in this chunk.
void collectCategoricalChunk(const CsvParseSetup& setup, ChunkRange range, std::span<const std::size_t> textColumns,
                             std::size_t rows, CategoricalChunk& out, std::atomic<std::size_t>& bytesDone);

}  // namespace causeway::data
