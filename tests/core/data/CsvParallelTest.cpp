// Property tests: splitting the input across threads must not change the result, whatever the
// quoting, line endings, blank lines or errors. Random CSVs come from a seeded generator that
// also builds the Dataset it expects, so the single-threaded parse is checked against it too.
#include <algorithm>
#include <charconv>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "causeway/data/CsvReader.hpp"

namespace causeway::data {
namespace {

enum class Defect { None, RaggedRow, UnterminatedQuote, InvalidUtf8, Overflow };

struct GeneratedCsv {
  std::string text;
  char delimiter = ',';
  Defect defect = Defect::None;
  std::vector<Column> expected;  // only meaningful without a defect
};

std::string columnName(std::size_t index) {
  std::string name = "c";  // appended, not "c" + ...: GCC 12 warns falsely (-Wrestrict) on that
  name += std::to_string(index);
  return name;
}

class RandomCsv {
 public:
  explicit RandomCsv(unsigned seed) : rng_(seed) {}

  GeneratedCsv generate() {
    GeneratedCsv csv;
    const char delimiters[] = {',', '\t', ';', '|'};
    csv.delimiter = delimiters[pick(4)];
    const std::size_t columns = 1 + pick(6);
    singleColumn_ = columns == 1;
    const std::size_t rows = pick(300);
    csv.defect = (rows > 0 && chance(0.3)) ? static_cast<Defect>(1 + pick(4)) : Defect::None;
    // An unterminated quote must be the file's last field, or a later quote could close it.
    const std::size_t defectRow =
        csv.defect == Defect::UnterminatedQuote ? rows - 1 : pick(std::max<std::size_t>(rows, 1));

    std::vector<bool> isText(columns);
    std::vector<std::vector<double>> numbers(columns);
    std::vector<std::vector<std::int32_t>> codes(columns);
    std::vector<std::vector<std::string>> levels(columns);
    for (std::size_t c = 0; c < columns; ++c) {
      isText[c] = chance(0.5) && !(c == 0 && csv.defect == Defect::Overflow);  // overflow is text in a text column
      csv.text += (c == 0 ? "" : std::string(1, csv.delimiter)) + columnName(c);
    }
    csv.text += lineEnd();
    for (std::size_t r = 0; r < rows; ++r) {
      if (chance(0.03)) csv.text += lineEnd();  // blank line
      const bool defective = csv.defect != Defect::None && r == defectRow;
      std::size_t fields = columns;
      if (defective && csv.defect == Defect::RaggedRow)
        fields = (columns == 1 || chance(0.5)) ? columns + 1 : columns - 1;
      for (std::size_t c = 0; c < fields; ++c) {
        if (c > 0) csv.text += csv.delimiter;
        const bool known = c < columns;
        if (defective && c == 0 && csv.defect == Defect::InvalidUtf8) {
          csv.text += "bad\xFF";
        } else if (defective && c == 0 && csv.defect == Defect::Overflow) {
          csv.text += "1e999";
        } else if (defective && c + 1 == fields && csv.defect == Defect::UnterminatedQuote) {
          csv.text += "\"never closed";
        } else if (known && isText[c]) {
          writeText(csv, codes[c], levels[c]);
        } else {
          writeNumber(csv, known ? &numbers[c] : nullptr);
        }
      }
      if (r + 1 < rows || chance(0.7)) csv.text += lineEnd();
    }
    if (rows == 0) {  // never header-only
      csv.text += '1';
      csv.text.append(columns - 1, csv.delimiter);
      csv.text += '\n';
    }
    for (std::size_t c = 0; c < columns; ++c) {
      if (rows == 0) {
        csv.expected.push_back(Column::numeric(columnName(c), {c == 0 ? 1.0 : kNaN}));
      } else if (isText[c] && levels[c].empty()) {  // only missing cells: nothing says it is text
        csv.expected.push_back(Column::numeric(columnName(c), std::vector<double>(rows, kNaN)));
      } else if (isText[c]) {
        csv.expected.push_back(Column::categorical(columnName(c), codes[c], levels[c]));
      } else {
        csv.expected.push_back(Column::numeric(columnName(c), numbers[c]));
      }
    }
    return csv;
  }

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  std::string lineEnd() { return chance(0.3) ? "\r\n" : "\n"; }

  void writeNumber(GeneratedCsv& csv, std::vector<double>* out) {
    if (chance(0.1)) {
      csv.text += (chance(0.5) || singleColumn_) ? "NA" : "";  // an empty line is skipped, not a missing cell
      if (out != nullptr) out->push_back(kNaN);
      return;
    }
    const double value = chance(0.5) ? static_cast<double>(pick(3)) : std::normal_distribution<double>(0, 1e3)(rng_);
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    std::string text(buffer, end);
    if (chance(0.1)) text = "\"" + text + "\"";
    if (chance(0.1)) text = " " + text + " ";  // outside any quotes, where blanks are trimmed
    csv.text += text;
    if (out != nullptr) out->push_back(value);
  }

  void writeText(GeneratedCsv& csv, std::vector<std::int32_t>& codes, std::vector<std::string>& levels) {
    static const std::vector<std::string> kPieces = {
        "alpha",      "b",          "x,y",         "tab\there", "semi;colon",  "pi|pe",
        "say \"hi\"", "two\nlines", "crlf\r\nend", " padded ",  "caf\xC3\xA9", "\xE6\x97\xA5\xE6\x9C\xAC",
        "q\"",        "z"};
    if (chance(0.08)) {
      csv.text += (chance(0.5) || singleColumn_) ? "NA" : "";
      codes.push_back(Column::kMissingCode);
      return;
    }
    std::string value = kPieces[pick(kPieces.size())];
    if (chance(0.2)) value += std::to_string(pick(5));
    const bool needsQuotes = value.find_first_of(std::string("\"\r\n ") + csv.delimiter) != std::string::npos ||
                             value.find('\t') != std::string::npos;
    if (needsQuotes || chance(0.2)) {
      std::string quoted = "\"";
      for (const char ch : value) quoted += (ch == '"') ? std::string("\"\"") : std::string(1, ch);
      csv.text += quoted + "\"";
    } else {
      csv.text += value;
    }
    const auto at = std::find(levels.begin(), levels.end(), value);
    codes.push_back(static_cast<std::int32_t>(at - levels.begin()));
    if (at == levels.end()) levels.push_back(value);
  }

  std::mt19937 rng_;
  bool singleColumn_ = false;
};

Result<Dataset> parseWith(const std::string& text, char delimiter, unsigned threads) {
  CsvOptions options;
  options.delimiter = delimiter;
  options.hasHeader = true;
  options.threads = threads;
  options.minBytesPerThread = 1;  // split even a few hundred bytes
  return readCsvString(text, options);
}

// Where two datasets first differ, for a readable failure.
std::string firstDifference(const Dataset& actual, const Dataset& expected) {
  if (actual.columnCount() != expected.columnCount()) return "column count";
  for (std::size_t c = 0; c < actual.columnCount(); ++c) {
    const Column& a = actual.column(c);
    const Column& e = expected.column(c);
    if (a == e) continue;
    std::string where = "column " + a.name() + " (" + toString(a.type()) + " vs " + toString(e.type()) + ", rows " +
                        std::to_string(a.size()) + " vs " + std::to_string(e.size()) + ")";
    for (std::size_t r = 0; r < std::min(a.size(), e.size()); ++r)
      if (a.cellText(r) != e.cellText(r))
        return where + " row " + std::to_string(r) + ": '" + a.cellText(r) + "' vs '" + e.cellText(r) + "'";
    return where;
  }
  return "nothing";
}

void expectSameOutcome(const Result<Dataset>& serial, const Result<Dataset>& parallel) {
  ASSERT_EQ(serial.ok(), parallel.ok()) << (serial ? parallel.error().describe() : serial.error().describe());
  if (serial) {
    EXPECT_TRUE(*serial == *parallel);
    return;
  }
  const Error& a = serial.error();
  const Error& b = parallel.error();
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.context.line, b.context.line);
  EXPECT_EQ(a.context.column, b.context.column);
  EXPECT_EQ(a.context.variable, b.context.variable);
}

TEST(CsvParallel, RandomFilesParseTheSameOnOneOrManyThreads) {
  for (unsigned seed = 1; seed <= 150; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const GeneratedCsv csv = RandomCsv(seed).generate();
    const auto serial = parseWith(csv.text, csv.delimiter, 1);
    for (const unsigned threads : {2U, 3U, 7U}) expectSameOutcome(serial, parseWith(csv.text, csv.delimiter, threads));
    if (csv.defect == Defect::None) {
      ASSERT_TRUE(serial) << serial.error().describe();
      const Dataset expected(csv.expected);
      EXPECT_TRUE(*serial == expected) << firstDifference(*serial, expected);
    } else {
      EXPECT_FALSE(serial) << "defect " << static_cast<int>(csv.defect);
    }
  }
}

TEST(CsvParallel, RandomBytesNeverCrashAndAgreeAcrossThreads) {
  const std::string alphabet = ",,,;\t|\"\"\n\n\r 0123456789.-+eNAab\xC3\xA9\xFF";
  std::mt19937 rng(2024);
  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::string text(std::uniform_int_distribution<std::size_t>(0, 400)(rng), ' ');
    for (char& ch : text) ch = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    CsvOptions serialOptions;
    serialOptions.threads = 1;
    CsvOptions parallelOptions;
    parallelOptions.threads = 4;
    parallelOptions.minBytesPerThread = 1;
    expectSameOutcome(readCsvString(text, serialOptions), readCsvString(text, parallelOptions));
  }
}

}  // namespace
}  // namespace causeway::data
