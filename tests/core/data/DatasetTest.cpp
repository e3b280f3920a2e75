#include <cmath>
#include <limits>
#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "CsvTestSupport.hpp"
#include "causeway/data/ColumnSummary.hpp"
#include "causeway/data/Dataset.hpp"

namespace causeway::data {
namespace {

using testing::IsError;
using testing::parseCsv;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Column, CategoricalLevelsAreSortedAndCodesRemapped) {
  const Column column = Column::categorical("race", {0, 1, 2, -1, 0}, {"white", "black", "hispan"});
  EXPECT_EQ(column.levels(), (std::vector<std::string>{"black", "hispan", "white"}));
  EXPECT_EQ(std::vector<std::int32_t>(column.codes().begin(), column.codes().end()),
            (std::vector<std::int32_t>{2, 0, 1, -1, 2}));
  EXPECT_EQ(column.cellText(0), "white");
  EXPECT_EQ(column.cellText(3), "");
  EXPECT_EQ(column.missingCount(), 1U);
}

TEST(Column, RejectsBadCodesAndDuplicateLevels) {
  EXPECT_THROW((void)Column::categorical("x", {2}, {"a", "b"}), std::invalid_argument);
  EXPECT_THROW((void)Column::categorical("x", {-2}, {"a"}), std::invalid_argument);
  EXPECT_THROW((void)Column::categorical("x", {0}, {"a", "a"}), std::invalid_argument);
}

TEST(Column, NumericTypingAndText) {
  EXPECT_EQ(Column::numeric("t", {0, 1, kNaN, 1}).type(), ColumnType::Binary);
  EXPECT_EQ(Column::numeric("t", {0, 0}).type(), ColumnType::Numeric);
  EXPECT_EQ(Column::numeric("t", {0, 1, 2}).type(), ColumnType::Numeric);
  EXPECT_EQ(Column::numeric("x", {0.1, 2.5e10}).cellText(0), "0.1");
  EXPECT_STREQ(toString(ColumnType::Binary), "binary");
}

TEST(Dataset, RejectsUnequalLengthsAndDuplicateNames) {
  EXPECT_THROW(Dataset({Column::numeric("a", {1}), Column::numeric("b", {1, 2})}), std::invalid_argument);
  EXPECT_THROW(Dataset({Column::numeric("a", {1}), Column::numeric("a", {2})}), std::invalid_argument);
}

TEST(Dataset, LooksUpNamesExactlyAndIgnoringCase) {
  const Dataset data = parseCsv("Age,age,Income,x\n1,2,3,4\n");
  EXPECT_EQ(data.indexOf("age"), 1U);
  EXPECT_EQ(data.indexOf("AGE"), std::nullopt);
  EXPECT_EQ(data.indicesIgnoringCase("AGE"), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(*data.find("Age"), 0U);
  EXPECT_EQ(*data.find("income"), 2U);
  EXPECT_THAT(data.find("AGE").error(),
              IsError(ErrorCode::InvalidArgument,
                      "column name 'AGE' is ambiguous: it matches 'Age', 'age' ignoring case", 0, 0, "AGE"));
  EXPECT_THAT(data.find("wage").error(), IsError(ErrorCode::InvalidArgument, "unknown column 'wage'", 0, 0, "wage"));
}

TEST(Dataset, CaseFoldingIsAsciiOnly) {
  const Dataset data = parseCsv("\xC3\x84ge,n\n1,2\n");  // "Äge"
  EXPECT_FALSE(data.find("\xC3\xA4ge"));                 // "äge"
  EXPECT_TRUE(data.find("\xC3\x84GE"));
}

TEST(ColumnSummary, NumericStatistics) {
  const Dataset data = parseCsv("x\n1\n2\nNA\n3\n6\n");
  const ColumnSummary summary = data.summary(0);
  EXPECT_EQ(summary.name, "x");
  EXPECT_EQ(summary.type, ColumnType::Numeric);
  EXPECT_EQ(summary.present, 4U);
  EXPECT_EQ(summary.missing, 1U);
  EXPECT_DOUBLE_EQ(summary.mean, 3.0);
  EXPECT_DOUBLE_EQ(summary.sd, std::sqrt(14.0 / 3.0));  // deviations -2,-1,0,3
  EXPECT_EQ(summary.min, 1.0);
  EXPECT_EQ(summary.max, 6.0);
  EXPECT_TRUE(summary.levels.empty());
}

TEST(ColumnSummary, LevelCounts) {
  const ColumnSummary summary = parseCsv("g,n\nb,1\na,2\nb,3\n,4\n").summary(0);
  EXPECT_EQ(summary.type, ColumnType::Categorical);
  EXPECT_EQ(summary.missing, 1U);
  EXPECT_EQ(summary.levels, (std::vector<LevelCount>{{"a", 1}, {"b", 2}}));
  EXPECT_TRUE(std::isnan(summary.mean));
}

TEST(ColumnSummary, SingleValueHasNoSd) {
  const ColumnSummary summary = summarizeColumn(Column::numeric("x", {5, kNaN}));
  EXPECT_EQ(summary.mean, 5.0);
  EXPECT_TRUE(std::isnan(summary.sd));
}

}  // namespace
}  // namespace causeway::data
