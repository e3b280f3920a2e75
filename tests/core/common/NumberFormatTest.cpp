#include <gtest/gtest.h>

#include <limits>

#include "causeway/common/NumberFormat.hpp"

namespace format = causeway::format;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(NumberFormat, NonFiniteValuesPrintOneWayEverywhere) {
  for (const int digits : {0, 3}) {
    EXPECT_EQ(format::fixed(kNaN, digits), "NA");
    EXPECT_EQ(format::fixed(kInf, digits), "Inf");
    EXPECT_EQ(format::fixed(-kInf, digits), "-Inf");
    EXPECT_EQ(format::significant(kInf, digits), "Inf");
    EXPECT_EQ(format::significant(kNaN, digits), "NA");
  }
  EXPECT_EQ(format::interval(1.5, kInf), "[1.5, Inf]");
  EXPECT_EQ(format::percent(kNaN), "NA");
  EXPECT_EQ(format::pValue(kNaN), "NA");
}

TEST(NumberFormat, FixedDecimalsAndNoNegativeZero) {
  EXPECT_EQ(format::fixed(1214.0712, 2), "1214.07");
  EXPECT_EQ(format::fixed(-0.0004, 3), "0.000");
  EXPECT_EQ(format::fixed(-0.0006, 3), "-0.001");
  EXPECT_EQ(format::fixed(2.5), "2.500");
  EXPECT_EQ(format::fixed(-3.0, 0), "-3");
}

TEST(NumberFormat, SignificantDigitsAsTheIssueAsks) {
  EXPECT_EQ(format::significant(0.0118354), "0.0118");
  EXPECT_EQ(format::significant(0.841286), "0.841");
  EXPECT_EQ(format::significant(1388.46), "1388");  // integer digits are never rounded away
  EXPECT_EQ(format::significant(12.3456), "12.3");
  EXPECT_EQ(format::significant(-0.5432), "-0.543");
  EXPECT_EQ(format::significant(0.0), "0");
  EXPECT_EQ(format::significant(0.09996), "0.1");  // the carry adds a leading digit
  EXPECT_EQ(format::significant(9.996), "10");
  EXPECT_EQ(format::significant(0.1), "0.1");       // no trailing zeros
  EXPECT_EQ(format::significant(2.5), "2.5");
  EXPECT_EQ(format::significant(-0.0004, 1), "-0.0004");
  EXPECT_EQ(format::significant(1200.0), "1200");   // zeros before the point stay
  EXPECT_EQ(format::significant(1214.0712, 6), "1214.07");
  EXPECT_EQ(format::interval(0.0118354, 0.841286), "[0.0118, 0.841]");
}

TEST(NumberFormat, PercentWithOneDecimalAndPValues) {
  EXPECT_EQ(format::percent(0.0401221), "4.0%");
  EXPECT_EQ(format::percent(92.0 / 614.0), "15.0%");
  EXPECT_EQ(format::percent(1.0, 0), "100%");
  EXPECT_EQ(format::pValue(0.0004), "< 0.001");
  EXPECT_EQ(format::pValue(0.04567), "0.046");
  EXPECT_EQ(format::pValue(1.0), "1.000");
}
