// The rule for odd cells in numeric columns (issue 11, item 2) and CR-only line endings: a column
// of numbers with a few other cells is an error naming the first of them, never a categorical.
#include <cmath>

#include "CsvTestSupport.hpp"

namespace causeway::data {
namespace {

using testing::columnNamed;
using testing::IsError;
using testing::parseCsv;
using testing::parseError;

// 20 rows of x = 1..20 with row `odd` (1-based) replaced by `cell`.
std::string twentyRows(int odd, const std::string& cell) {
  std::string text = "y,x\n";
  for (int i = 1; i <= 20; ++i) text += std::to_string(i % 3) + "," + (i == odd ? cell : std::to_string(i)) + "\n";
  return text;
}

TEST(CsvNumericRule, InfinityInANumericColumnIsNamed) {
  // Row 7 of the data is line 8 (after the header); x is field 2.
  EXPECT_THAT(parseError(twentyRows(7, "Inf")),
              IsError(ErrorCode::MalformedData,
                      "column 'x' holds numbers except in 1 cell (the first is here): 'Inf' is an infinite value; "
                      "a numeric column holds finite numbers only",
                      8, 2, "x"));
  EXPECT_THAT(parseError(twentyRows(3, "-infinity")).message, ::testing::HasSubstr("'-infinity' is an infinite value"));
}

TEST(CsvNumericRule, HexadecimalThousandsAndWordsAreNamed) {
  EXPECT_THAT(parseError(twentyRows(2, "0x10")),
              IsError(ErrorCode::MalformedData,
                      "column 'x' holds numbers except in 1 cell (the first is here): '0x10' is a hexadecimal number; "
                      "write numbers in decimal",
                      3, 2, "x"));
  EXPECT_THAT(parseError(twentyRows(20, "\"1,234.5\"")).message,
              ::testing::HasSubstr("'1,234.5' has a thousands separator"));
  const Error word = parseError(twentyRows(5, "missing"));
  EXPECT_EQ(word.context.line, 6U);
  EXPECT_THAT(word.message, ::testing::HasSubstr("'missing' is neither a number nor a missing marker"));
}

TEST(CsvNumericRule, CountsEveryOddCellAndNamesTheFirst) {
  std::string text = twentyRows(4, "?");
  text += "1,??\n";  // 21 rows, 2 odd: under 10%
  const Error error = parseError(text);
  EXPECT_EQ(error.context.line, 5U);
  EXPECT_THAT(error.message, ::testing::StartsWith("column 'x' holds numbers except in 2 cells (the first is here): '?'"));
}

TEST(CsvNumericRule, RecognisedMissingMarkersAreMissingAndCounted) {
  const Dataset data = parseCsv("x,y\n1,N/A\n2,#N/A\n3,n/a\n4,NA\n5,7\n6,8\n");
  const Column& y = columnNamed(data, "y");
  ASSERT_TRUE(y.isNumeric());
  EXPECT_EQ(y.missingCount(), 4U);
  EXPECT_EQ(y.values()[4], 7.0);
}

TEST(CsvNumericRule, MostlyTextColumnsStayCategorical) {
  // 2 numbers among 5 cells: a categorical with numeric-looking levels, as before.
  const Dataset data = parseCsv("g,y\na,1\nb,2\n3,3\nc,4\n5,5\n");
  EXPECT_TRUE(columnNamed(data, "g").isCategorical());
  EXPECT_EQ(columnNamed(data, "g").levels().size(), 5U);
}

TEST(CsvNumericRule, DecimalCommasAreNamedAsSuch) {
  // Semicolon-separated with decimal commas: whole numbers parse, the others would be levels.
  const Error error = parseError("x;y\n1,5;2\n2;3\n3,25;4\n4,75;5\n");
  EXPECT_THAT(error, IsError(ErrorCode::MalformedData,
                             "column 'x' holds numbers written with commas (3 cells); here '1,5' has a decimal comma; "
                             "Causeway reads '.' as the decimal point",
                             2, 1, "x"));
}

TEST(CsvNumericRule, CarriageReturnOnlyLineEndingsAreLines) {
  const Dataset data = parseCsv("T,Y,Z\r1,2.5,a\r0,3.5,b\r1,4.5,a\r");
  ASSERT_EQ(data.columnCount(), 3U);
  EXPECT_EQ(data.rowCount(), 3U);
  EXPECT_EQ(data.column(0).name(), "T");
  EXPECT_EQ(columnNamed(data, "Y").values()[2], 4.5);
  // Lines are still counted for errors.
  EXPECT_EQ(parseError("a,b\r1,2\r3\r").context.line, 3U);
}

}  // namespace
}  // namespace causeway::data
