#include "causeway/data/CsvReader.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <new>
#include <string>
#include <thread>

#include "CellClassifier.hpp"
#include "CsvChunkParser.hpp"
#include "CsvColumnAssembler.hpp"
#include "CsvErrorLocator.hpp"
#include "CsvHeader.hpp"
#include "CsvSniffer.hpp"
#include "CsvSplitter.hpp"
#include "CsvTokenizer.hpp"
#include "FileContents.hpp"
#include "causeway/common/Parallel.hpp"

namespace causeway::data {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Where each stage's progress ends, as a fraction of the whole load: the numeric pass starts
// after the file is read, then the pass over text columns, then the columns are assembled.
struct ProgressPlan {
  double parseFrom = 0.0;
  double parseTo = 0.8;
  double textTo = 0.9;
};

bool isUsableDelimiter(char c, bool trimSpaces) {
  if (c == '\t') return true;
  if (c == ' ') return !trimSpaces;
  // Characters a number, a quoted field or a line ending could contain cannot separate fields.
  const std::string_view forbidden = "\"._+-()";
  const bool alphanumeric = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return c > ' ' && c < 0x7F && !alphanumeric && forbidden.find(c) == std::string_view::npos;
}

// One load of one text: finds the layout, then runs the parallel passes of CsvChunkParser over
// chunks of the data and assembles the columns.
class CsvParse {
 public:
  CsvParse(std::string_view text, std::string source, const CsvOptions& options, const Progress& progress,
           ProgressPlan plan)
      : text_(text),
        locate_(text, std::move(source)),
        options_(options),
        progress_(progress),
        plan_(plan),
        cells_(options.missingMarkers) {}

  Result<Dataset> run();

 private:
  Result<void> readLayout();
  Result<void> parseNumbers(std::vector<NumericChunk>& numeric);
  Result<std::vector<std::size_t>> findTextColumns(const std::vector<NumericChunk>& numeric) const;
  Result<void> collectText(const std::vector<NumericChunk>& numeric, const std::vector<std::size_t>& textColumns,
                           std::vector<CategoricalChunk>& text);

  [[nodiscard]] std::size_t threadCount() const;
  [[nodiscard]] CsvParseSetup setup() const {
    return {text_.data(), dialect_, &cells_, &names_, progress_.stopToken()};
  }
  [[nodiscard]] Error cancelled() const { return locate_.whole(ErrorCode::Cancelled, "reading cancelled"); }
  void runOnChunks(const std::function<void(std::size_t)>& task, double progressFrom, double progressTo);

  std::string_view text_;
  CsvErrorLocator locate_;
  const CsvOptions& options_;
  const Progress& progress_;
  ProgressPlan plan_;
  CellClassifier cells_;
  CsvDialect dialect_;
  std::vector<std::string> names_;
  const char* dataBegin_ = nullptr;
  std::vector<ChunkRange> chunks_;
  std::atomic<std::size_t> bytesDone_{0};
};

Result<Dataset> CsvParse::run() {
  if (auto layout = readLayout(); !layout) return layout.error();

  const char* end = text_.data() + text_.size();
  const auto dataBytes = static_cast<std::size_t>(end - dataBegin_);
  const std::size_t parts =
      std::clamp<std::size_t>(dataBytes / std::max<std::size_t>(1, options_.minBytesPerThread), 1, threadCount());
  chunks_ = splitIntoChunks(dataBegin_, end, parts, dialect_);

  std::vector<NumericChunk> numeric;
  if (auto parsed = parseNumbers(numeric); !parsed) return parsed.error();
  auto textColumns = findTextColumns(numeric);
  if (!textColumns) return std::move(textColumns).error();
  std::vector<CategoricalChunk> text;
  if (auto collected = collectText(numeric, *textColumns, text); !collected) return collected.error();
  if (progress_.cancelled()) return cancelled();

  std::vector<Column> columns =
      assembleColumns(names_, numeric, text, *textColumns, std::min(threadCount(), names_.size()));
  progress_.report(1.0);
  return Dataset(std::move(columns), locate_.source());
}

// Options, byte-order mark, delimiter, header: everything decided before the data is parsed.
Result<void> CsvParse::readLayout() {
  if (options_.delimiter && !isUsableDelimiter(*options_.delimiter, options_.trimSpaces))
    return locate_.whole(ErrorCode::InvalidArgument,
                         "cannot use '" + std::string(1, *options_.delimiter) + "' as the field delimiter");
  const char* end = text_.data() + text_.size();
  const char* start = text_.starts_with(kUtf8Bom) ? text_.data() + kUtf8Bom.size() : text_.data();
  const char* firstRecord = skipBlankLines(start, end);
  if (firstRecord == end) return locate_.whole(ErrorCode::MalformedData, "the file is empty");

  const std::string_view records(firstRecord, static_cast<std::size_t>(end - firstRecord));
  // Sniff only what the options leave open.
  const char delimiter = options_.delimiter ? *options_.delimiter : sniffDelimiter(records, options_.trimSpaces);
  dialect_ = CsvDialect{delimiter, options_.trimSpaces};
  const bool hasHeader = options_.hasHeader ? *options_.hasHeader : sniffHeader(records, dialect_, cells_);
  auto header = readCsvHeader(firstRecord, end, hasHeader, dialect_, locate_);
  if (!header) return std::move(header).error();
  names_ = std::move(header->names);
  dataBegin_ = skipBlankLines(header->dataBegin, end);
  if (dataBegin_ == end) return locate_.whole(ErrorCode::MalformedData, "the file has a header but no data rows");
  return Ok{};
}

// First pass: every cell as a number, stopping at the first structural error of each chunk.
Result<void> CsvParse::parseNumbers(std::vector<NumericChunk>& numeric) {
  // Row bounds first, so the first chunk's buffers can take every other chunk's rows without
  // reallocating (capacity never written costs address space, not memory).
  std::vector<std::size_t> rowBounds(chunks_.size());
  // One thread per chunk, as the chunks were cut for the thread count.
  parallelFor(
      chunks_.size(), static_cast<unsigned>(chunks_.size()),
      [&](std::size_t i) {
        rowBounds[i] = 1 + static_cast<std::size_t>(std::count(chunks_[i].begin, chunks_[i].end, '\n'));
      },
      [] {});
  std::size_t totalRowBound = 0;
  for (const std::size_t bound : rowBounds) totalRowBound += bound;

  numeric.resize(chunks_.size());
  const CsvParseSetup shared = setup();
  runOnChunks(
      [&](std::size_t i) {
        parseNumericChunk(shared, chunks_[i], i == 0 ? totalRowBound : rowBounds[i], numeric[i], bytesDone_);
      },
      plan_.parseFrom, plan_.parseTo);
  // Chunks are in file order and each stopped at its first error, so the first error found
  // here is the first in the file, whatever the number of threads.
  for (const NumericChunk& chunk : numeric) {
    if (chunk.cancelled) return cancelled();
    if (chunk.error) return locate_.at(*chunk.error);
  }
  return Ok{};
}

// A column of numbers with a few other cells, or of numbers written with commas, is a data
// error, not a categorical variable with hundreds of levels: the first such cell is named.
std::optional<ChunkError> mostlyNumeric(const std::vector<NumericChunk>& numeric, std::size_t column) {
  constexpr std::size_t kMaxTextShare = 10;  // percent of the non-missing cells
  std::size_t text = 0, commas = 0, numbers = 0;
  const ChunkError* first = nullptr;
  for (const NumericChunk& chunk : numeric) {
    text += chunk.textCells[column];
    commas += chunk.commaCells[column];
    numbers += static_cast<std::size_t>(std::count_if(chunk.values[column].begin(), chunk.values[column].end(),
                                                      [](double v) { return !std::isnan(v); }));
    if (first == nullptr && chunk.firstText[column]) first = &*chunk.firstText[column];
  }
  if (first == nullptr) return std::nullopt;
  ChunkError error = *first;
  const std::string name = "column '" + error.variable + "'";
  if (commas == text) {
    error.message = name + " holds numbers written with commas (" + std::to_string(text) +
                    (text == 1 ? " cell" : " cells") + "); here " + error.message;
    return error;
  }
  if (numbers == 0 || text * 100 > kMaxTextShare * (text + numbers)) return std::nullopt;
  error.message = name + " holds numbers except in " + std::to_string(text) + (text == 1 ? " cell" : " cells") +
                  " (the first is here): " + error.message;
  return error;
}

// Columns with any text are categorical; the others must have no number beyond a double.
Result<std::vector<std::size_t>> CsvParse::findTextColumns(const std::vector<NumericChunk>& numeric) const {
  std::vector<std::size_t> textColumns;
  const ChunkError* firstOverflow = nullptr;
  for (std::size_t column = 0; column < names_.size(); ++column) {
    const bool hasText = std::any_of(numeric.begin(), numeric.end(),
                                     [&](const NumericChunk& chunk) { return chunk.hasText[column] != 0; });
    if (hasText) {
      if (auto problem = mostlyNumeric(numeric, column)) return locate_.at(*problem);
      textColumns.push_back(column);
      continue;
    }
    for (const NumericChunk& chunk : numeric) {
      const auto& overflow = chunk.firstOverflow[column];
      if (!overflow) continue;
      if (firstOverflow == nullptr || overflow->offset < firstOverflow->offset) firstOverflow = &*overflow;
      break;  // later chunks lie further into the file
    }
  }
  if (firstOverflow != nullptr) return locate_.at(*firstOverflow);
  return textColumns;
}

// Second pass, over text columns only: their levels and codes.
Result<void> CsvParse::collectText(const std::vector<NumericChunk>& numeric,
                                   const std::vector<std::size_t>& textColumns, std::vector<CategoricalChunk>& text) {
  if (textColumns.empty()) return Ok{};
  text.resize(chunks_.size());
  const CsvParseSetup shared = setup();
  runOnChunks(
      [&](std::size_t i) {
        collectCategoricalChunk(shared, chunks_[i], textColumns, numeric[i].rows, text[i], bytesDone_);
      },
      plan_.parseTo, plan_.textTo);
  for (const CategoricalChunk& chunk : text) {
    if (chunk.cancelled) return cancelled();
    if (chunk.error) return locate_.at(*chunk.error);
  }
  return Ok{};
}

std::size_t CsvParse::threadCount() const {
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  return options_.threads == 0 ? hardware : options_.threads;
}

void CsvParse::runOnChunks(const std::function<void(std::size_t)>& task, double progressFrom, double progressTo) {
  bytesDone_ = 0;
  std::size_t total = 0;
  for (const ChunkRange& chunk : chunks_) total += static_cast<std::size_t>(chunk.end - chunk.begin);
  parallelFor(chunks_.size(), static_cast<unsigned>(chunks_.size()), task, [&] {
    const double done = total == 0 ? 1.0 : static_cast<double>(bytesDone_.load()) / static_cast<double>(total);
    progress_.report(progressFrom + (progressTo - progressFrom) * std::min(1.0, done));
  });
}

Result<Dataset> parseGuarded(std::string_view text, const std::string& source, const CsvOptions& options,
                             const Progress& progress, ProgressPlan plan) {
  try {
    // Old Mac files end lines with CR alone: read them as LF, so line numbers stay right.
    if (text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos) {
      std::string lines(text);
      std::replace(lines.begin(), lines.end(), '\r', '\n');
      return CsvParse(lines, source, options, progress, plan).run();
    }
    return CsvParse(text, source, options, progress, plan).run();
  } catch (const std::bad_alloc&) {
    return makeError(ErrorCode::IoError, "not enough memory to load the data", {source, 0, 0, {}});
  }
}

}  // namespace

Result<Dataset> readCsvFile(const std::filesystem::path& path, const CsvOptions& options, const Progress& progress) {
  constexpr double kReadShare = 0.15;
  Result<FileContents> contents = [&]() -> Result<FileContents> {
    try {
      return FileContents::read(path, progress, kReadShare);
    } catch (const std::bad_alloc&) {
      return makeError(ErrorCode::IoError, "not enough memory to read the file", {path.string(), 0, 0, {}});
    }
  }();
  if (!contents) return std::move(contents).error();
  return parseGuarded(contents->text(), path.string(), options, progress, ProgressPlan{kReadShare, 0.85, 0.93});
}

Result<Dataset> readCsvString(std::string_view text, const CsvOptions& options, const Progress& progress) {
  return parseGuarded(text, options.sourceName, options, progress, ProgressPlan{});
}

}  // namespace causeway::data
