#include <gtest/gtest.h>

#include "causeway/common/Result.hpp"

using namespace causeway;

TEST(Error, DescribeNamesFileLineColumnAndVariable) {
  Error e = makeError(ErrorCode::SyntaxError, "unexpected '}'", {"model.dag", 3, 14, "X"});
  EXPECT_EQ(e.describe(), "model.dag:3:14: unexpected '}' (variable 'X')");
}

TEST(Error, DescribeOmitsWhatIsUnknown) {
  EXPECT_EQ(makeError(ErrorCode::IoError, "cannot open").describe(), "cannot open");
  EXPECT_EQ(makeError(ErrorCode::Cycle, "cycle A -> A", ErrorContext::about("A")).describe(), "cycle A -> A");
}

TEST(Result, HoldsValueOrError) {
  Result<int> good = 4;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  Result<int> bad = makeError(ErrorCode::InvalidArgument, "nope");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "nope");
  EXPECT_THROW((void)bad.value(), std::logic_error);
  Result<void> fine;
  EXPECT_TRUE(fine.ok());
  EXPECT_THROW((void)fine.error(), std::logic_error);
}
