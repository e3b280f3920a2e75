// The small files in tests/data/csv, read from disk.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/stat.h>
#include <unistd.h>
#endif

#include <gtest/gtest.h>

#include "CsvTestSupport.hpp"
#include "causeway/data/CsvReader.hpp"

namespace causeway::data {
namespace {

using testing::columnNamed;

Dataset readFile(const char* name) {
  auto result = readCsvFile(std::filesystem::path(CAUSEWAY_TEST_DATA_DIR) / "csv" / name);
  if (!result) throw std::runtime_error(result.error().describe());
  return std::move(result).value();
}

TEST(CsvFiles, BomAndCrLf) {
  const Dataset data = readFile("bom_crlf.csv");
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"id", "group", "score"}));
  EXPECT_EQ(columnNamed(data, "group").levels(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(columnNamed(data, "score").missingCount(), 1U);
  EXPECT_EQ(columnNamed(data, "score").values()[2], 4.0);
}

TEST(CsvFiles, Semicolon) {
  const Dataset data = readFile("semicolon.csv");
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"id", "price", "city"}));
  EXPECT_EQ(columnNamed(data, "city").cellText(1), "Lyon; Rh\xC3\xB4ne");
  EXPECT_EQ(columnNamed(data, "price").missingCount(), 1U);
}

TEST(CsvFiles, Tab) {
  const Dataset data = readFile("tab.tsv");
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"id", "name", "value"}));
  EXPECT_EQ(columnNamed(data, "name").cellText(1), "Bob, Jr.");
  EXPECT_EQ(columnNamed(data, "value").missingCount(), 1U);
}

TEST(CsvFiles, Pipe) {
  const Dataset data = readFile("pipe.txt");
  EXPECT_EQ(data.columnNames(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(columnNamed(data, "c").type(), ColumnType::Binary);
}

TEST(CsvFiles, Quoted) {
  const Dataset data = readFile("quoted.csv");
  EXPECT_EQ(data.rowCount(), 3U);
  const Column& comment = columnNamed(data, "comment");
  EXPECT_EQ(comment.cellText(0), "said \"hi\"\nthen left");
  EXPECT_TRUE(comment.isMissing(1));  // "" is the empty missing marker, quoted or not
  EXPECT_EQ(comment.cellText(2), "multi\r\nline, with comma");
  EXPECT_EQ(columnNamed(data, "name").cellText(2), "O'Neil");
  EXPECT_EQ(columnNamed(data, "score").values()[2], 3.0);
}

TEST(CsvFiles, MissingMarkers) {
  const Dataset data = readFile("missing.csv");
  EXPECT_EQ(columnNamed(data, "x").missingCount(), 3U);
  EXPECT_EQ(columnNamed(data, "y").missingCount(), 3U);
  EXPECT_EQ(columnNamed(data, "z").missingCount(), 2U);
  EXPECT_EQ(columnNamed(data, "z").levels(), (std::vector<std::string>{"a", "b", "c"}));
}

#if defined(__unix__) || defined(__APPLE__)
// A pipe has no size up front, so it is read block by block into a growing buffer.
TEST(CsvFiles, ReadsFromAPipe) {
  std::string name = "causeway_csv_pipe_";
  name += std::to_string(::getpid());
  const std::filesystem::path fifo = std::filesystem::temp_directory_path() / name;
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string text = "a,b\n";
  while (text.size() < (std::size_t{20} << 20)) text += "1.5,x\n2.5,y\n";
  std::thread writer([&] {
    std::FILE* out = std::fopen(fifo.c_str(), "wb");
    if (out == nullptr) return;
    std::fwrite(text.data(), 1, text.size(), out);
    std::fclose(out);
  });
  auto result = readCsvFile(fifo);
  writer.join();
  std::filesystem::remove(fifo);
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_EQ(result->rowCount(), (std::count(text.begin(), text.end(), '\n') - 1));
  EXPECT_EQ(columnNamed(*result, "b").levels(), (std::vector<std::string>{"x", "y"}));
}
#endif

}  // namespace
}  // namespace causeway::data
