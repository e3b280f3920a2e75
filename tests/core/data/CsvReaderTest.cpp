#include <charconv>
#include <cmath>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "CsvTestSupport.hpp"
#include "causeway/data/CsvReader.hpp"

namespace causeway::data {
namespace {

using testing::columnNamed;
using testing::parseCsv;

std::vector<std::string> levelsOf(const Dataset& data, std::string_view name) {
  return columnNamed(data, name).levels();
}

TEST(CsvReader, ReadsNumericAndTextColumns) {
  const Dataset data = parseCsv("id,group,score\n1,a,2.5\n2,b,3\n3,a,\n");
  EXPECT_EQ(data.rowCount(), 3U);
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"id", "group", "score"}));
  const Column& group = columnNamed(data, "group");
  EXPECT_EQ(group.type(), ColumnType::Categorical);
  EXPECT_EQ(group.levels(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(std::vector<std::int32_t>(group.codes().begin(), group.codes().end()),
            (std::vector<std::int32_t>{0, 1, 0}));
  const Column& score = columnNamed(data, "score");
  EXPECT_EQ(score.type(), ColumnType::Numeric);
  EXPECT_EQ(score.values()[0], 2.5);
  EXPECT_EQ(score.values()[1], 3.0);
  EXPECT_TRUE(std::isnan(score.values()[2]));
  EXPECT_EQ(score.missingCount(), 1U);
  EXPECT_TRUE(score.isMissing(2));
}

TEST(CsvReader, RecognisesBinaryOnlyWhenBothZeroAndOneOccur) {
  const Dataset data = parseCsv("t,ones,x\n0,1,1\n1,1,2\nNA,1,3\n1,NA,0\n");
  EXPECT_EQ(columnNamed(data, "t").type(), ColumnType::Binary);
  EXPECT_EQ(columnNamed(data, "t").missingCount(), 1U);
  EXPECT_EQ(columnNamed(data, "ones").type(), ColumnType::Numeric);
  EXPECT_EQ(columnNamed(data, "x").type(), ColumnType::Numeric);
}

TEST(CsvReader, QuotedFieldsKeepDelimitersNewlinesAndDoubledQuotes) {
  const Dataset data = parseCsv("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\nLee,plain\n");
  EXPECT_EQ(data.rowCount(), 2U);
  EXPECT_EQ(columnNamed(data, "name").cellText(0), "Smith, J");
  EXPECT_EQ(columnNamed(data, "note").cellText(0), "said \"hi\"\nthen left");
  EXPECT_EQ(columnNamed(data, "note").cellText(1), "plain");
}

TEST(CsvReader, QuotedCrLfInsideFieldIsKept) {
  const Dataset data = parseCsv("a,b\r\n\"x\r\ny\",1\r\n");
  EXPECT_EQ(columnNamed(data, "a").cellText(0), "x\r\ny");
  EXPECT_EQ(columnNamed(data, "b").values()[0], 1.0);
}

TEST(CsvReader, QuoteInsideUnquotedFieldIsText) {
  const Dataset data = parseCsv("size,n\n5\"4,1\n6\"1,2\n");
  EXPECT_EQ(levelsOf(data, "size"), (std::vector<std::string>{"5\"4", "6\"1"}));
}

TEST(CsvReader, QuotedNumbersAreNumbers) {
  const Dataset data = parseCsv("x,y\n\"1.5\",2\n\"2\",3\n");
  EXPECT_EQ(columnNamed(data, "x").type(), ColumnType::Numeric);
  EXPECT_EQ(columnNamed(data, "x").values()[0], 1.5);
  EXPECT_EQ(columnNamed(data, "x").values()[1], 2.0);
  // Blanks inside quotes are data, so " 2 " is text.
  EXPECT_EQ(parseCsv("x,y\n\" 2 \",3\n").column(0).type(), ColumnType::Categorical);
}

TEST(CsvReader, SkipsUtf8ByteOrderMark) {
  const Dataset data = parseCsv(
      "\xEF\xBB\xBF"
      "a,b\n1,2\n");
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"a", "b"}));
}

TEST(CsvReader, AcceptsCrLfLfMixedAndNoFinalNewline) {
  const Dataset data = parseCsv("a,b\r\n1,x\r\n2,y\n3,z");
  EXPECT_EQ(data.rowCount(), 3U);
  EXPECT_EQ(levelsOf(data, "b"), (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(columnNamed(data, "a").values()[2], 3.0);
}

TEST(CsvReader, FinalLoneCarriageReturnEndsTheRecord) {
  const Dataset data = parseCsv("a,b\r\n1,x\r");
  EXPECT_EQ(levelsOf(data, "b"), (std::vector<std::string>{"x"}));
}

TEST(CsvReader, SkipsBlankLines) {
  const Dataset data = parseCsv("\n\na,b\n\n1,2\r\n\r\n3,4\n\n");
  EXPECT_EQ(data.rowCount(), 2U);
  EXPECT_EQ(columnNamed(data, "b").values()[1], 4.0);
}

TEST(CsvReader, DefaultMissingMarkers) {
  const Dataset data = parseCsv("x,y,z\n1,NA,a\n,NaN,b\nnan,.,null\nNULL,2,\n5,3,c\n");
  const Column& x = columnNamed(data, "x");
  EXPECT_EQ(x.type(), ColumnType::Numeric);
  EXPECT_EQ(x.missingCount(), 3U);
  EXPECT_EQ(columnNamed(data, "y").missingCount(), 3U);
  const Column& z = columnNamed(data, "z");
  EXPECT_EQ(z.type(), ColumnType::Categorical);
  EXPECT_EQ(z.levels(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(z.missingCount(), 2U);
  EXPECT_EQ(z.codes()[2], Column::kMissingCode);
}

TEST(CsvReader, QuotedMissingMarkerIsMissing) {
  const Dataset data = parseCsv("x,y\n\"NA\",1\n\"\",2\n3,4\n");
  EXPECT_EQ(columnNamed(data, "x").type(), ColumnType::Numeric);
  EXPECT_EQ(columnNamed(data, "x").missingCount(), 2U);
}

TEST(CsvReader, CustomMissingMarkersReplaceTheDefaults) {
  CsvOptions options;
  options.missingMarkers = {"", "-99"};
  const Dataset data = parseCsv("x,y\n-99,NA\n5,1\n-99.0,2\n", options);
  const Column& x = columnNamed(data, "x");
  EXPECT_EQ(x.type(), ColumnType::Numeric);
  EXPECT_EQ(x.missingCount(), 1U);  // "-99" is the marker, "-99.0" is a number
  EXPECT_EQ(x.values()[2], -99.0);
  const Column& y = columnNamed(data, "y");  // "NA" is no longer a marker: text
  EXPECT_EQ(y.type(), ColumnType::Categorical);
  EXPECT_EQ(y.levels(), (std::vector<std::string>{"1", "2", "NA"}));
}

TEST(CsvReader, InfinityAndNanTextMakeAColumnCategorical) {
  CsvOptions options;
  options.missingMarkers = {""};
  const Dataset data = parseCsv("a,b\n1,inf\n2,3\n", options);
  EXPECT_EQ(columnNamed(data, "b").type(), ColumnType::Categorical);
  EXPECT_EQ(parseCsv("a\n1\nnan\n", options).column(0).type(), ColumnType::Categorical);
}

TEST(CsvReader, OverflowingNumberIsJustALevelInATextColumn) {
  const Dataset data = parseCsv("a\n1e999\nabc\n");
  EXPECT_EQ(levelsOf(data, "a"), (std::vector<std::string>{"1e999", "abc"}));
}

TEST(CsvReader, NumberFormsAndUnderflow) {
  const Dataset data = parseCsv("x\n+1.5\n-.5e-3\n1E5\n1e-400\n-1e-400\n 7 \n");
  const Column& x = columnNamed(data, "x");
  ASSERT_EQ(x.type(), ColumnType::Numeric);
  EXPECT_EQ(x.values()[0], 1.5);
  EXPECT_EQ(x.values()[1], -0.0005);
  EXPECT_EQ(x.values()[2], 100000.0);
  EXPECT_EQ(x.values()[3], 0.0);  // below the smallest double: read as zero, as strtod does
  EXPECT_TRUE(std::signbit(x.values()[4]));
  EXPECT_EQ(x.values()[5], 7.0);
}

TEST(CsvReader, DecimalsReadExactlyAsFromCharsReadsThem) {
  // Plain decimals take a fast path; it must give the very same doubles as std::from_chars.
  std::mt19937_64 rng(7);
  const auto digits = [&](std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += static_cast<char>('0' + rng() % 10);
    return out;
  };
  std::vector<std::string> cells;
  std::string text = "x\n";
  for (int i = 0; i < 20000; ++i) {
    std::string cell = (rng() % 2 == 0) ? "-" : "";
    cell += digits(rng() % 10);
    if (rng() % 4 != 0) cell.append(".").append(digits(rng() % 10));
    if (cell.find_first_of("0123456789") == std::string::npos) cell += "0";
    if (rng() % 10 == 0) cell.append("e").append(std::to_string(static_cast<int>(rng() % 40) - 20));
    cells.push_back(cell);
    text.append(cell).append("\n");
  }
  const Dataset data = parseCsv(text);
  const Column& x = data.column(0);
  ASSERT_EQ(x.type(), ColumnType::Numeric);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    double expected = 0.0;
    std::from_chars(cells[i].data(), cells[i].data() + cells[i].size(), expected);
    EXPECT_EQ(x.values()[i], expected) << cells[i];
    EXPECT_EQ(std::signbit(x.values()[i]), std::signbit(expected)) << cells[i];
  }
}

TEST(CsvReader, PlusMinusIsText) { EXPECT_EQ(parseCsv("x\n+-1\n2\n").column(0).type(), ColumnType::Categorical); }

TEST(CsvReader, TrimsSpacesAroundFieldsByDefault) {
  const Dataset data = parseCsv("a, b ,c\n 1 , x y , \"q\" \n");
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(columnNamed(data, "a").values()[0], 1.0);
  EXPECT_EQ(columnNamed(data, "b").cellText(0), "x y");
  EXPECT_EQ(columnNamed(data, "c").cellText(0), "q");
}

TEST(CsvReader, KeepsSpacesWhenTrimmingIsOff) {
  CsvOptions options;
  options.trimSpaces = false;
  const Dataset data = parseCsv("a, b\n 1 ,2\n", options);
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"a", " b"}));
  EXPECT_EQ(columnNamed(data, "a").cellText(0), " 1 ");
  EXPECT_EQ(columnNamed(data, " b").values()[0], 2.0);
}

TEST(CsvReader, TenThousandCharacterFields) {
  const std::string longText(10000, 'x');
  const std::string longQuoted = std::string(4999, 'y') + "\"\"" + std::string(4999, ',');
  const Dataset data = parseCsv("a,b,c\n" + longText + ",\"" + longQuoted + "\",1\n");
  EXPECT_EQ(columnNamed(data, "a").cellText(0), longText);
  EXPECT_EQ(columnNamed(data, "b").cellText(0).size(), 9999U);
  EXPECT_EQ(columnNamed(data, "c").values()[0], 1.0);
}

TEST(CsvReader, LongHeaderName) {
  const std::string name(10000, 'n');
  EXPECT_EQ(parseCsv(name + "\n1\n").column(0).name(), name);
}

TEST(CsvReader, AcceptsMultiByteUtf8) {
  const Dataset data = parseCsv("ville,n\nSa\xC3\xB4ne,1\n\xE6\x97\xA5\xE6\x9C\xAC,2\n\xF0\x9F\x98\x80,3\n");
  EXPECT_EQ(columnNamed(data, "ville").levels().size(), 3U);
}

TEST(CsvReader, SniffsHeaderAboveNumbers) {
  EXPECT_EQ(parseCsv("x,y\n1,2\n").rowCount(), 1U);
  EXPECT_EQ(parseCsv("id,2020\n1,2\n").columnNames(), (std::vector<std::string>{"id", "2020"}));
  EXPECT_EQ(parseCsv("name,city\nann,paris\n").columnNames(), (std::vector<std::string>{"name", "city"}));
}

TEST(CsvReader, SniffsNoHeaderWhenTheFirstRowHasNumbers) {
  const Dataset data = parseCsv("1,a\n2,b\n");
  EXPECT_EQ(data.rowCount(), 2U);
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"column1", "column2"}));
}

TEST(CsvReader, HeaderOptionOverridesSniffing) {
  CsvOptions noHeader;
  noHeader.hasHeader = false;
  const Dataset data = parseCsv("x,y\n1,2\n", noHeader);
  EXPECT_EQ(data.rowCount(), 2U);
  EXPECT_EQ(columnNamed(data, "column1").levels(), (std::vector<std::string>{"1", "x"}));
  CsvOptions header;
  header.hasHeader = true;
  EXPECT_EQ(parseCsv("1,2\n3,4\n", header).columnNames(), (std::vector<std::string>{"1", "2"}));
}

TEST(CsvReader, NamesEmptyHeaderCellsByPosition) {
  EXPECT_EQ(parseCsv(",a,\n1,2,3\n").columnNames(), (std::vector<std::string>{"column1", "a", "column3"}));
  EXPECT_EQ(parseCsv("column2,\n1,2\n").columnNames(), (std::vector<std::string>{"column2", "column2_2"}));
}

TEST(CsvReader, NamesDifferingOnlyInCaseAreDistinctColumns) { EXPECT_EQ(parseCsv("Age,age\n1,2\n").columnCount(), 2U); }

class CsvDelimiterSniffing : public ::testing::TestWithParam<char> {};

TEST_P(CsvDelimiterSniffing, FindsTheDelimiter) {
  const std::string d(1, GetParam());
  const Dataset data = parseCsv("a" + d + "b" + d + "c\n1" + d + "x y" + d + "3\n4" + d + "z" + d + "6\n");
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(data.rowCount(), 2U);
  EXPECT_EQ(columnNamed(data, "c").values()[1], 6.0);
}

INSTANTIATE_TEST_SUITE_P(EachDelimiter, CsvDelimiterSniffing, ::testing::Values(',', '\t', ';', '|'),
                         [](const ::testing::TestParamInfo<char>& param) {
                           switch (param.param) {
                             case ',':
                               return std::string("Comma");
                             case '\t':
                               return std::string("Tab");
                             case ';':
                               return std::string("Semicolon");
                             default:
                               return std::string("Pipe");
                           }
                         });

TEST(CsvReader, SniffingIgnoresDelimitersInsideQuotes) {
  const Dataset data = parseCsv("a\tb\n\"x,y,z\"\t1\n\"p,q,r\"\t2\n");
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"a", "b"}));
}

// Decimal commas are named, not read as levels (issue 11): see CsvNumericRuleTest.cpp.
TEST(CsvReader, SemicolonFilesWithDecimalCommasAreNamed) {
  const auto result = readCsvString("a;b\n1,5;2\n2,5;3\n");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().context.variable, "a");
  EXPECT_THAT(result.error().message, ::testing::HasSubstr("'1,5' has a decimal comma"));
}

TEST(CsvReader, SingleColumnFile) {
  const Dataset data = parseCsv("x\n1\n2\n");
  EXPECT_EQ(data.columnCount(), 1U);
  EXPECT_EQ(data.rowCount(), 2U);
}

TEST(CsvReader, ExplicitDelimiterOverridesSniffing) {
  CsvOptions options;
  options.delimiter = ';';
  const Dataset data = parseCsv("a,b;c\nx,y;3\n", options);
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"a,b", "c"}));
}

TEST(CsvReader, SourceNameOfAString) {
  CsvOptions options;
  options.sourceName = "<stdin>";
  EXPECT_EQ(parseCsv("a\n1\n", options).sourcePath(), "<stdin>");
}

}  // namespace
}  // namespace causeway::data
