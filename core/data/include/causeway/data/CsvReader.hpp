#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"

namespace causeway::data {

struct CsvOptions {
  // Unset: sniffed from the first records among comma, tab, semicolon and pipe.
  std::optional<char> delimiter;
  // Unset: sniffed (a header is text above numbers). Without a header, and for empty header
  // cells, columns are named "column<N>" by position.
  std::optional<bool> hasHeader;
  // Cells equal to one of these (after trimming, quoted or not) are missing.
  std::vector<std::string> missingMarkers{"", "NA", "N/A", "n/a", "#N/A", "NaN", "nan", ".", "null", "NULL"};
  // Strip spaces (and tabs, unless tab is the delimiter) around fields and around quotes.
  bool trimSpaces = true;
  // Worker threads; 0 means one per hardware thread.
  unsigned threads = 0;
  // Inputs are split so that each thread gets at least this much text; tests lower it to
  // exercise the parallel path on small inputs.
  std::size_t minBytesPerThread = std::size_t{1} << 20;
  // readCsvString only: the name errors and Dataset::sourcePath() give the text (e.g. "<stdin>").
  std::string sourceName;
};

// Reads a CSV/TSV file into a Dataset. The whole file is read into memory once, then parsed by
// several threads; cells are never kept as strings except the distinct levels of text columns.
// A column is numeric if every non-missing cell is a finite number, else categorical; but a
// column whose non-missing cells are at least 90% numbers, or whose only non-numbers are
// numbers written with commas ("1,5", "1,234.5"), is an error naming its first odd cell
// ("Inf", "N/A" if not a marker, "0x10", "1,5"): read as categorical it would silently break
// every estimate. Files whose lines end in CR alone are read as if they ended in LF.
//
// Errors carry the file, the 1-based line where the problem starts, the 1-based field number
// as `column`, and the column's name as `variable` when there is one:
//   IoError        the file cannot be opened or read
//   MalformedData  empty file, header without data rows, duplicate column names, ragged rows,
//                  unterminated quotes, text after a closing quote, invalid UTF-8, a number
//                  too large for a double in an otherwise numeric column, and a mostly numeric
//                  column with other cells (above)
//   Cancelled      the progress' stop token was triggered
//   InvalidArgument options that cannot work (e.g. a digit as delimiter)
[[nodiscard]] Result<Dataset> readCsvFile(const std::filesystem::path& path, const CsvOptions& options = {},
                                          const Progress& progress = {});

// The same parser over text already in memory (tests, standard input, the clipboard).
[[nodiscard]] Result<Dataset> readCsvString(std::string_view text, const CsvOptions& options = {},
                                            const Progress& progress = {});

}  // namespace causeway::data
