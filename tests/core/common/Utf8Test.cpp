#include <gtest/gtest.h>

#include <string>

#include "causeway/common/Utf8.hpp"

using causeway::describeInvalidUtf8;
using causeway::findInvalidUtf8;
using causeway::utf8SequenceLength;

// Expected answers from Unicode 15, Table 3-7 (well-formed byte sequences), written out by hand.
TEST(Utf8, AcceptsEveryWellFormedRangeEdge) {
  EXPECT_FALSE(findInvalidUtf8("plain ASCII ~\x7F"));
  EXPECT_FALSE(findInvalidUtf8("\xC2\x80 \xDF\xBF"));                // U+0080, U+07FF
  EXPECT_FALSE(findInvalidUtf8("\xE0\xA0\x80 \xED\x9F\xBF"));        // U+0800, U+D7FF
  EXPECT_FALSE(findInvalidUtf8("\xEE\x80\x80 \xEF\xBF\xBF"));        // U+E000, U+FFFF
  EXPECT_FALSE(findInvalidUtf8("\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF"));  // U+10000, U+10FFFF
  EXPECT_EQ(utf8SequenceLength("\xE2\x82\xAC", 0), 3U);               // the euro sign
  EXPECT_EQ(utf8SequenceLength("\xF0\x9F\x98\x80", 0), 4U);
}

TEST(Utf8, RejectsOverlongSurrogateOutOfRangeAndTruncated) {
  EXPECT_EQ(findInvalidUtf8("ab\xC0\xAF"), 2U);           // overlong '/'
  EXPECT_EQ(findInvalidUtf8("\xE0\x9F\xBF"), 0U);         // overlong U+07FF
  EXPECT_EQ(findInvalidUtf8("x\xED\xA0\x80"), 1U);        // surrogate U+D800
  EXPECT_EQ(findInvalidUtf8("\xF0\x8F\xBF\xBF"), 0U);     // overlong U+FFFF
  EXPECT_EQ(findInvalidUtf8("\xF4\x90\x80\x80"), 0U);     // U+110000
  EXPECT_EQ(findInvalidUtf8("\xF5\x80\x80\x80"), 0U);     // lead byte never used
  EXPECT_EQ(findInvalidUtf8("abc\xE6\x97"), 3U);          // cut short at the end
  EXPECT_EQ(findInvalidUtf8("\xE6\x97x"), 0U);            // third byte not a continuation
  EXPECT_EQ(findInvalidUtf8("\x80"), 0U);                 // lone continuation byte
  EXPECT_EQ(findInvalidUtf8("caf\xC3\xA9 na\xEFve"), 8U);  // Latin-1 after a valid é
}

TEST(Utf8, OneMessageNamesTheByteAndItsPosition) {
  const std::string latin1 = "Jos\xE9";
  ASSERT_EQ(findInvalidUtf8(latin1), 3U);
  EXPECT_EQ(describeInvalidUtf8(latin1, 3), "invalid UTF-8 byte 0xE9 at position 4 (save the file as UTF-8)");
  EXPECT_EQ(describeInvalidUtf8("\xFF", 0), "invalid UTF-8 byte 0xFF at position 1 (save the file as UTF-8)");
}
