#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "CsvTestSupport.hpp"
#include "causeway/data/ColumnMapping.hpp"

namespace causeway::data {
namespace {

using testing::IsError;
using testing::parseCsv;
using Names = std::vector<std::string>;

ColumnMapping mapOk(const Names& nodes, const Dataset& data, const std::map<std::string, std::string>& overrides = {}) {
  auto result = mapNodesToColumns(nodes, data, overrides);
  if (!result) throw std::runtime_error(result.error().describe());
  return std::move(result).value();
}

TEST(ColumnMapping, ExactThenCaseInsensitive) {
  const Dataset data = parseCsv("treat,AGE,re78,extra\n1,2,3,4\n");
  const ColumnMapping mapping = mapOk({"treat", "age", "re78", "educ"}, data);
  EXPECT_EQ(mapping.mapped, (std::vector<NodeColumn>{{"treat", "treat", 0, MatchKind::Exact},
                                                     {"age", "AGE", 1, MatchKind::IgnoringCase},
                                                     {"re78", "re78", 2, MatchKind::Exact}}));
  EXPECT_EQ(mapping.unmappedNodes, Names{"educ"});
  EXPECT_EQ(mapping.unmappedColumns, Names{"extra"});
  EXPECT_TRUE(mapping.ambiguous.empty());
  EXPECT_EQ(mapping.columnFor("age"), "AGE");
  EXPECT_EQ(mapping.columnFor("educ"), std::nullopt);
}

TEST(ColumnMapping, ExactMatchWinsOverCaseInsensitive) {
  const Dataset data = parseCsv("age,x\n1,2\n");
  const ColumnMapping mapping = mapOk({"Age", "age"}, data);
  EXPECT_EQ(mapping.mapped, (std::vector<NodeColumn>{{"age", "age", 0, MatchKind::Exact}}));
  EXPECT_EQ(mapping.unmappedNodes, Names{"Age"});
}

TEST(ColumnMapping, NodeMatchingSeveralColumnsIsAmbiguous) {
  const Dataset data = parseCsv("Age,AGE\n1,2\n");
  const ColumnMapping mapping = mapOk({"age"}, data);
  EXPECT_TRUE(mapping.mapped.empty());
  EXPECT_TRUE(mapping.unmappedNodes.empty());
  EXPECT_EQ(mapping.ambiguous, (std::vector<AmbiguousMatch>{{"age", {"Age", "AGE"}}}));
  EXPECT_EQ(mapping.unmappedColumns, (Names{"Age", "AGE"}));
}

TEST(ColumnMapping, ColumnMatchedBySeveralNodesIsAmbiguous) {
  const Dataset data = parseCsv("age,y\n1,2\n");
  const ColumnMapping mapping = mapOk({"Age", "AGE", "y"}, data);
  EXPECT_EQ(mapping.mapped, (std::vector<NodeColumn>{{"y", "y", 1, MatchKind::Exact}}));
  EXPECT_EQ(mapping.ambiguous, (std::vector<AmbiguousMatch>{{"Age", {"age"}}, {"AGE", {"age"}}}));
  EXPECT_EQ(mapping.unmappedColumns, Names{"age"});
}

TEST(ColumnMapping, OverridesComeFirst) {
  const Dataset data = parseCsv("earnings,re78,age\n1,2,3\n");
  const ColumnMapping mapping = mapOk({"re78", "income", "age"}, data, {{"income", "re78"}, {"re78", "earnings"}});
  EXPECT_EQ(mapping.mapped, (std::vector<NodeColumn>{{"re78", "earnings", 0, MatchKind::Override},
                                                     {"income", "re78", 1, MatchKind::Override},
                                                     {"age", "age", 2, MatchKind::Exact}}));
  EXPECT_TRUE(mapping.unmappedColumns.empty());
}

TEST(ColumnMapping, OverriddenColumnIsNotMatchedAgain) {
  const Dataset data = parseCsv("x,y\n1,2\n");
  const ColumnMapping mapping = mapOk({"x", "z"}, data, {{"z", "x"}});
  EXPECT_EQ(mapping.mapped, (std::vector<NodeColumn>{{"z", "x", 0, MatchKind::Override}}));
  EXPECT_EQ(mapping.unmappedNodes, Names{"x"});
  EXPECT_EQ(mapping.unmappedColumns, Names{"y"});
}

TEST(ColumnMapping, Errors) {
  const Dataset data = parseCsv("x,y\n1,2\n");
  EXPECT_THAT(mapNodesToColumns(Names{"a", "a"}, data).error(),
              IsError(ErrorCode::DuplicateNode, "node 'a' is listed twice", 0, 0, "a"));
  EXPECT_THAT(mapNodesToColumns(Names{"a"}, data, {{"b", "x"}}).error(),
              IsError(ErrorCode::UnknownNode, "override for unknown node 'b'", 0, 0, "b"));
  EXPECT_THAT(mapNodesToColumns(Names{"a"}, data, {{"a", "w"}}).error(),
              IsError(ErrorCode::InvalidArgument, "unknown column 'w'", 0, 0, "w"));
  EXPECT_THAT(mapNodesToColumns(Names{"a", "b"}, data, {{"a", "x"}, {"b", "X"}}).error(),
              IsError(ErrorCode::InvalidArgument, "column 'x' is assigned to both 'a' and 'b'", 0, 0, "x"));
}

}  // namespace
}  // namespace causeway::data
