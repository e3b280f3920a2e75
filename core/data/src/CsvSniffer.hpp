#pragma once

#include <string_view>

#include "CellClassifier.hpp"
#include "CsvTokenizer.hpp"

namespace causeway::data {

// Guesses from the first records (a few dozen, within the first 64 KB) so that a large file
// costs no more to sniff than a small one. Callers let options override both guesses.

// Comma, tab, semicolon or pipe: the candidate that splits every sampled record into the same
// number of fields (more than one) and into the most fields; comma when nothing splits.
[[nodiscard]] char sniffDelimiter(std::string_view text, bool trimSpaces);

// A header row is text above numbers: the first record is a header if some column has text in
// it and only numbers (or missing cells) below, or else if the first record holds no number.
[[nodiscard]] bool sniffHeader(std::string_view text, const CsvDialect& dialect, const CellClassifier& cells);

}  // namespace causeway::data
