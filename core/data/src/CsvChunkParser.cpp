#include "CsvChunkParser.hpp"

#include <cmath>
#include <limits>
#include <unordered_map>

#include "CellDiagnosis.hpp"
#include "causeway/data/Column.hpp"

#include "causeway/common/Utf8.hpp"

namespace causeway::data {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
// How often a worker publishes progress and looks for cancellation.
constexpr std::ptrdiff_t kCheckpointBytes = 1 << 20;

std::size_t offsetOf(const CsvParseSetup& setup, const char* p) {
  return static_cast<std::size_t>(p - setup.textBegin);
}

std::string columnName(const CsvParseSetup& setup, std::size_t column) {
  return column < setup.columnCount() ? (*setup.columnNames)[column] : std::string();
}

ChunkError quotingError(const CsvParseSetup& setup, const FieldScan& field, std::size_t column) {
  return {ErrorCode::MalformedData, describe(field.problem), offsetOf(setup, field.problemAt), column + 1,
          columnName(setup, column)};
}

// Counts the fields of a record that already has too many, for an "expected N, found M" error.
ChunkError tooManyFields(const CsvParseSetup& setup, const char* surplusField, const char* end) {
  std::size_t found = setup.columnCount();
  const char* p = surplusField;
  for (;;) {
    const FieldScan field = scanField(p, end, setup.dialect);
    ++found;
    if (field.problem != FieldProblem::None || field.end != FieldEnd::Delimiter) break;
    p = field.next;
  }
  return {ErrorCode::MalformedData,
          "too many fields: expected " + std::to_string(setup.columnCount()) + ", found " + std::to_string(found),
          offsetOf(setup, surplusField),
          setup.columnCount() + 1,
          {}};
}

ChunkError tooFewFields(const CsvParseSetup& setup, const char* recordStart, std::size_t found) {
  return {ErrorCode::MalformedData,
          "too few fields: expected " + std::to_string(setup.columnCount()) + ", found " + std::to_string(found),
          offsetOf(setup, recordStart), found + 1, columnName(setup, found)};
}

// The common case, a plain decimal right before the delimiter, read in one step with no
// separate search for the field's end. Returns false whenever the general path must decide
// (quotes, exponents, text, ...), which then reaches the same verdict more slowly.
// On success `p` moves past the field and its terminator.
bool readPlainNumber(const CsvParseSetup& setup, const char*& p, const char* end, double& value, FieldEnd& fieldEnd) {
  const CsvDialect& dialect = setup.dialect;
  const char* start = p;
  while (start < end && dialect.isTrimmable(*start)) ++start;
  const char* numberEnd = nullptr;
  double number = 0.0;
  if (!parsePlainDecimal(start, end, number, numberEnd)) return false;
  const char* t = numberEnd;
  while (t < end && dialect.isTrimmable(*t)) ++t;
  if (!endsField(t, end, dialect.delimiter)) return false;
  if (setup.cells->hasNumericMarker() &&
      setup.cells->isMissingMarker({start, static_cast<std::size_t>(numberEnd - start)}))
    return false;
  value = number;
  if (t == end) {
    fieldEnd = FieldEnd::Input;
    p = end;
  } else if (*t == dialect.delimiter) {
    fieldEnd = FieldEnd::Delimiter;
    p = t + 1;
  } else {
    fieldEnd = FieldEnd::Record;
    p = (*t == '\r' && t + 1 < end) ? t + 2 : t + 1;
  }
  return true;
}

// Periodic progress and cancellation check; true if the worker should stop.
bool checkpoint(const CsvParseSetup& setup, const char* p, const char*& lastCheckpoint,
                std::atomic<std::size_t>& bytesDone) {
  if (p - lastCheckpoint < kCheckpointBytes) return false;
  bytesDone.fetch_add(static_cast<std::size_t>(p - lastCheckpoint), std::memory_order_relaxed);
  lastCheckpoint = p;
  return setup.stop.stop_requested();
}

}  // namespace

void parseNumericChunk(const CsvParseSetup& setup, ChunkRange range, std::size_t reserveRows, NumericChunk& out,
                       std::atomic<std::size_t>& bytesDone) {
  const std::size_t columnCount = setup.columnCount();
  out.values.assign(columnCount, {});
  for (auto& values : out.values) values.reserve(reserveRows);
  out.counts.assign(columnCount, {});
  out.hasText.assign(columnCount, 0);
  out.firstOverflow.assign(columnCount, std::nullopt);
  out.textCells.assign(columnCount, 0);
  out.commaCells.assign(columnCount, 0);
  out.firstText.assign(columnCount, std::nullopt);

  const char* end = range.end;
  const char* p = range.begin;
  const char* lastCheckpoint = p;
  while ((p = skipBlankLines(p, end)) < end) {
    if (checkpoint(setup, p, lastCheckpoint, bytesDone)) {
      out.cancelled = true;
      return;
    }
    const char* recordStart = p;
    std::size_t column = 0;
    FieldEnd fieldEnd = FieldEnd::Delimiter;
    while (fieldEnd == FieldEnd::Delimiter) {
      if (column == columnCount) {
        out.error = tooManyFields(setup, p, end);
        return;
      }
      double value = kMissing;
      if (!readPlainNumber(setup, p, end, value, fieldEnd)) {
        const FieldScan field = scanField(p, end, setup.dialect);
        if (field.problem != FieldProblem::None) {
          out.error = quotingError(setup, field, column);
          return;
        }
        const std::string unquoted = field.hasDoubledQuotes ? unquote(field.content()) : std::string();
        const Cell cell = setup.cells->classify(field.hasDoubledQuotes ? std::string_view(unquoted) : field.content());
        if (cell.kind == CellKind::Number) {
          value = cell.value;
        } else if (cell.kind == CellKind::Text) {
          out.hasText[column] = 1;
          const std::string_view content = field.hasDoubledQuotes ? std::string_view(unquoted) : field.content();
          ++out.textCells[column];
          if (isNumberWithCommas(content)) ++out.commaCells[column];
          if (!out.firstText[column])
            out.firstText[column] = ChunkError{ErrorCode::MalformedData, describeNonNumber(content),
                                               offsetOf(setup, field.contentBegin), column + 1, columnName(setup, column)};
        } else if (cell.kind == CellKind::OutOfRange && !out.firstOverflow[column]) {
          out.firstOverflow[column] =
              ChunkError{ErrorCode::MalformedData, "number out of range: '" + std::string(field.content()) + "'",
                         offsetOf(setup, field.contentBegin), column + 1, columnName(setup, column)};
        }
        p = field.next;
        fieldEnd = field.end;
      }
      out.values[column].push_back(value);
      out.counts[column].add(value);
      ++column;
    }
    if (column < columnCount) {
      out.error = tooFewFields(setup, recordStart, column);
      return;
    }
    ++out.rows;
  }
  bytesDone.fetch_add(static_cast<std::size_t>(end - lastCheckpoint), std::memory_order_relaxed);
}

void collectCategoricalChunk(const CsvParseSetup& setup, ChunkRange range, std::span<const std::size_t> textColumns,
                             std::size_t rows, CategoricalChunk& out, std::atomic<std::size_t>& bytesDone) {
  constexpr std::size_t kNotText = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> slotOf(setup.columnCount(), kNotText);
  for (std::size_t slot = 0; slot < textColumns.size(); ++slot) slotOf[textColumns[slot]] = slot;
  out.codes.assign(textColumns.size(), {});
  for (auto& codes : out.codes) codes.reserve(rows);
  out.levels.assign(textColumns.size(), {});
  std::vector<std::unordered_map<std::string_view, std::int32_t>> dictionaries(textColumns.size());

  const char* end = range.end;
  const char* p = range.begin;
  const char* lastCheckpoint = p;
  while ((p = skipBlankLines(p, end)) < end) {
    if (checkpoint(setup, p, lastCheckpoint, bytesDone)) {
      out.cancelled = true;
      return;
    }
    // The first pass accepted every record, so only the field count bounds this loop.
    for (std::size_t column = 0; column < setup.columnCount(); ++column) {
      const FieldScan field = scanField(p, end, setup.dialect);
      p = field.next;
      const std::size_t slot = slotOf[column];
      if (slot == kNotText) continue;
      std::string_view text = field.content();
      std::string unquoted;
      if (field.hasDoubledQuotes) text = unquoted = unquote(text);
      if (setup.cells->isMissingMarker(text)) {
        out.codes[slot].push_back(Column::kMissingCode);
        continue;
      }
      auto& dictionary = dictionaries[slot];
      if (const auto known = dictionary.find(text); known != dictionary.end()) {
        out.codes[slot].push_back(known->second);
        continue;
      }
      // Each distinct level is checked once, at its first (hence earliest) occurrence.
      if (const auto bad = findInvalidUtf8(text)) {
        out.error = ChunkError{ErrorCode::MalformedData, describeInvalidUtf8(text, *bad),
                               offsetOf(setup, field.contentBegin), column + 1, columnName(setup, column)};
        return;
      }
      if (field.hasDoubledQuotes) text = out.unquotedLevels.emplace_back(std::move(unquoted));
      const auto code = static_cast<std::int32_t>(out.levels[slot].size());
      dictionary.emplace(text, code);
      out.levels[slot].push_back(text);
      out.codes[slot].push_back(code);
    }
  }
  bytesDone.fetch_add(static_cast<std::size_t>(end - lastCheckpoint), std::memory_order_relaxed);
}

}  // namespace causeway::data
