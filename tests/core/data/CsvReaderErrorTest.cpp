#include <algorithm>
#include <filesystem>
#include <ostream>
#include <stop_token>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "CsvTestSupport.hpp"
#include "causeway/data/CsvReader.hpp"

namespace causeway::data {
namespace {

using testing::IsError;
using testing::parseError;

constexpr auto kMalformed = ErrorCode::MalformedData;

TEST(CsvReaderErrors, EmptyInput) {
  EXPECT_THAT(parseError(""), IsError(kMalformed, "the file is empty", 0, 0, ""));
  EXPECT_THAT(parseError("\n\r\n\n"), IsError(kMalformed, "the file is empty", 0, 0, ""));
  EXPECT_THAT(parseError("\xEF\xBB\xBF"), IsError(kMalformed, "the file is empty", 0, 0, ""));
}

TEST(CsvReaderErrors, HeaderWithoutRows) {
  EXPECT_THAT(parseError("a,b\n\n"), IsError(kMalformed, "the file has a header but no data rows", 0, 0, ""));
}

TEST(CsvReaderErrors, TooManyFieldsNamesExpectedAndFound) {
  EXPECT_THAT(parseError("a,b\n1,2\n3,4,5,6\n"), IsError(kMalformed, "too many fields: expected 2, found 4", 3, 3, ""));
}

TEST(CsvReaderErrors, TooFewFieldsNamesTheFirstMissingColumn) {
  EXPECT_THAT(parseError("a,b,c\n1,2,3\n4,5\n"), IsError(kMalformed, "too few fields: expected 3, found 2", 3, 3, "c"));
}

TEST(CsvReaderErrors, LinesCountPhysicalLinesInsideQuotedFields) {
  EXPECT_THAT(parseError("a,b\n\"x\ny\",1\n2\n"),
              IsError(kMalformed, "too few fields: expected 2, found 1", 4, 2, "b"));
  EXPECT_THAT(parseError("a,b\r\n1,\"p\r\nq\",3\r\n"),
              IsError(kMalformed, "too many fields: expected 2, found 3", 3, 3, ""));
}

TEST(CsvReaderErrors, UnterminatedQuote) {
  EXPECT_THAT(parseError("a,b\n1,2\n3,\"open\n4,5\n"), IsError(kMalformed, "unterminated quoted field", 3, 2, "b"));
}

TEST(CsvReaderErrors, UnterminatedQuoteInHeader) {
  EXPECT_THAT(parseError("a,\"b\n1,2\n"), IsError(kMalformed, "unterminated quoted field", 1, 2, ""));
}

TEST(CsvReaderErrors, TextAfterClosingQuote) {
  EXPECT_THAT(parseError("a,b\n1,\"x\"y\n"), IsError(kMalformed, "unexpected text after a closing quote", 2, 2, "b"));
}

TEST(CsvReaderErrors, InvalidUtf8InACell) {
  EXPECT_THAT(parseError("name,x\nAnn,1\nJos\xE9,2\n"),
              IsError(kMalformed, "invalid UTF-8 byte 0xE9 at position 4 (save the file as UTF-8)", 3, 1, "name"));
}

TEST(CsvReaderErrors, OverlongSurrogateAndTruncatedUtf8) {
  EXPECT_THAT(parseError("a\n\xC0\xAF\n"), IsError(kMalformed, "invalid UTF-8 byte 0xC0 at position 1 (save the file as UTF-8)", 2, 1, "a"));
  EXPECT_THAT(parseError("a\n\xED\xA0\x80\n"),
              IsError(kMalformed, "invalid UTF-8 byte 0xED at position 1 (save the file as UTF-8)", 2, 1, "a"));
  EXPECT_THAT(parseError("a\nab\xE6\x97\n"), IsError(kMalformed, "invalid UTF-8 byte 0xE6 at position 3 (save the file as UTF-8)", 2, 1, "a"));
  EXPECT_THAT(parseError("a\n\xF4\x90\x80\x80\n"),
              IsError(kMalformed, "invalid UTF-8 byte 0xF4 at position 1 (save the file as UTF-8)", 2, 1, "a"));
}

TEST(CsvReaderErrors, InvalidUtf8InTheHeader) {
  EXPECT_THAT(parseError("na\xFFme,x\n1,2\n"),
              IsError(kMalformed, "column name has invalid UTF-8 byte 0xFF at position 3 (save the file as UTF-8)", 1, 1, ""));
}

TEST(CsvReaderErrors, DuplicateColumnNames) {
  EXPECT_THAT(parseError("a,b,a\n1,2,3\n"),
              IsError(kMalformed, "duplicate column name 'a' (columns 1 and 3)", 1, 3, "a"));
}

TEST(CsvReaderErrors, NumberOutOfRangeInANumericColumn) {
  EXPECT_THAT(parseError("x,y\n1,2\n1e999,3\n"), IsError(kMalformed, "number out of range: '1e999'", 3, 1, "x"));
  EXPECT_THAT(parseError("x,y\n1,2\n3,-1e999\n"), IsError(kMalformed, "number out of range: '-1e999'", 3, 2, "y"));
}

TEST(CsvReaderErrors, FirstOutOfRangeNumberInFileOrderIsReported) {
  EXPECT_THAT(parseError("x,y\n1,2\n3,1e400\n1e500,4\n"),
              IsError(kMalformed, "number out of range: '1e400'", 3, 2, "y"));
}

TEST(CsvReaderErrors, UnusableDelimiterOption) {
  CsvOptions options;
  options.delimiter = '1';
  EXPECT_THAT(parseError("a\n1\n", options),
              IsError(ErrorCode::InvalidArgument, "cannot use '1' as the field delimiter", 0, 0, ""));
  options.delimiter = '"';
  EXPECT_EQ(parseError("a\n1\n", options).code, ErrorCode::InvalidArgument);
}

TEST(CsvReaderErrors, CancelledBeforeStart) {
  std::stop_source stop;
  stop.request_stop();
  const auto result = readCsvString("a,b\n1,2\n", {}, Progress(stop.get_token()));
  ASSERT_FALSE(result);
  EXPECT_THAT(result.error(), IsError(ErrorCode::Cancelled, "reading cancelled", 0, 0, ""));
}

TEST(CsvReaderErrors, CancelledDuringALargeParse) {
  std::string text = "a,b,c\n";
  while (text.size() < (std::size_t{8} << 20)) text += "1.25,2.5,3.75\n";
  std::stop_source stop;
  stop.request_stop();
  CsvOptions options;
  options.threads = 2;
  const auto result = readCsvString(text, options, Progress(stop.get_token()));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::Cancelled);
}

TEST(CsvReaderProgress, ReportsRisingFractionsEndingAtOne) {
  std::vector<double> fractions;
  const std::string text = "a,b\n1,2\n3,4\n";
  const auto result = readCsvString(text, {}, Progress({}, [&](double f) { fractions.push_back(f); }));
  ASSERT_TRUE(result);
  ASSERT_FALSE(fractions.empty());
  EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
  EXPECT_EQ(fractions.back(), 1.0);
}

// Files in tests/data/bad/csv, read from disk so the file name reaches the error.
struct BadFile {
  const char* file;
  const char* message;
  std::size_t line;
  std::size_t column;
  const char* variable;
};

void PrintTo(const BadFile& bad, std::ostream* out) { *out << bad.file; }

class CsvBadFiles : public ::testing::TestWithParam<BadFile> {};

TEST_P(CsvBadFiles, ReportsFileLineColumnAndVariable) {
  const BadFile& bad = GetParam();
  const std::filesystem::path path = std::filesystem::path(CAUSEWAY_TEST_DATA_DIR) / "bad" / "csv" / bad.file;
  const auto result = readCsvFile(path);
  ASSERT_FALSE(result);
  EXPECT_THAT(result.error(), IsError(kMalformed, bad.message, bad.line, bad.column, bad.variable));
  EXPECT_EQ(result.error().context.file, path.string());
}

INSTANTIATE_TEST_SUITE_P(
    Each, CsvBadFiles,
    ::testing::Values(BadFile{"empty.csv", "the file is empty", 0, 0, ""},
                      BadFile{"header_only.csv", "the file has a header but no data rows", 0, 0, ""},
                      BadFile{"ragged_long.csv", "too many fields: expected 2, found 4", 3, 3, ""},
                      BadFile{"ragged_short.csv", "too few fields: expected 3, found 2", 3, 3, "c"},
                      BadFile{"unterminated_quote.csv", "unterminated quoted field", 3, 2, "b"},
                      BadFile{"text_after_quote.csv", "unexpected text after a closing quote", 2, 2, "b"},
                      BadFile{"latin1.csv", "invalid UTF-8 byte 0xE9 at position 4 (save the file as UTF-8)", 3, 1, "name"},
                      BadFile{"duplicate_names.csv", "duplicate column name 'a' (columns 1 and 3)", 1, 3, "a"},
                      BadFile{"out_of_range.csv", "number out of range: '1e999'", 3, 1, "x"}),
    [](const ::testing::TestParamInfo<BadFile>& param) {
      std::string name = param.param.file;
      return name.substr(0, name.find('.'));
    });

TEST(CsvReaderErrors, DescribeGivesFileLineColumnAndVariable) {
  const std::filesystem::path path = std::filesystem::path(CAUSEWAY_TEST_DATA_DIR) / "bad" / "csv" / "out_of_range.csv";
  const auto result = readCsvFile(path);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().describe(), path.string() + ":3:1: number out of range: '1e999' (variable 'x')");
}

TEST(CsvReaderErrors, MissingFile) {
  const std::filesystem::path path = std::filesystem::path(CAUSEWAY_TEST_DATA_DIR) / "csv" / "no_such_file.csv";
  const auto result = readCsvFile(path);
  ASSERT_FALSE(result);
  EXPECT_THAT(result.error(), IsError(ErrorCode::IoError, "cannot open file: No such file or directory", 0, 0, ""));
  EXPECT_EQ(result.error().context.file, path.string());
}

TEST(CsvReaderErrors, DirectoryIsNotAFile) {
  const auto result = readCsvFile(CAUSEWAY_TEST_DATA_DIR);
  ASSERT_FALSE(result);
  EXPECT_THAT(result.error(), IsError(ErrorCode::IoError, "cannot read a directory as a data file", 0, 0, ""));
}

}  // namespace
}  // namespace causeway::data
