// The Lalonde (1986) NSW/PSID sample shipped with the app, checked against figures computed
// independently of Causeway.
#include <filesystem>

#include <gtest/gtest.h>

#include "causeway/data/CsvReader.hpp"
#include "causeway/data/DesignBuilder.hpp"

namespace causeway::data {
namespace {

const std::filesystem::path kLalonde = std::filesystem::path(CAUSEWAY_EXAMPLES_DIR) / "lalonde.csv";

Dataset loadLalonde(const CsvOptions& options = {}) {
  auto result = readCsvFile(kLalonde, options);
  if (!result) throw std::runtime_error(result.error().describe());
  return std::move(result).value();
}

TEST(Lalonde, ShapeAndTypes) {
  const Dataset data = loadLalonde();
  EXPECT_EQ(data.rowCount(), 614U);
  EXPECT_EQ(data.columnCount(), 9U);
  EXPECT_EQ(data.columnNames(),
            (std::vector<std::string>{"treat", "age", "educ", "race", "married", "nodegree", "re74", "re75", "re78"}));
  EXPECT_EQ(data.sourcePath(), kLalonde.string());
  const Column& race = data.column(*data.indexOf("race"));
  EXPECT_EQ(race.type(), ColumnType::Categorical);
  EXPECT_EQ(race.levels(), (std::vector<std::string>{"black", "hispan", "white"}));
  EXPECT_EQ(data.column(0).type(), ColumnType::Binary);
  EXPECT_EQ(data.column(*data.indexOf("re78")).type(), ColumnType::Numeric);
  for (const Column& column : data.columns()) EXPECT_EQ(column.missingCount(), 0U) << column.name();
}

TEST(Lalonde, NaiveDifferenceInMeans) {
  const Dataset data = loadLalonde();
  const std::vector<std::string> covariates{"age", "educ", "race", "married", "nodegree", "re74", "re75"};
  auto result = buildDesign(data, "treat", "re78", covariates);
  ASSERT_TRUE(result) << result.error().describe();
  const Design& design = *result;
  EXPECT_EQ(design.size(), 614);
  EXPECT_EQ(design.rowsDropped, 0U);
  EXPECT_EQ(design.covariateNames, (std::vector<std::string>{"age", "educ", "racehispan", "racewhite", "married",
                                                             "nodegree", "re74", "re75"}));
  const double treated = design.treatment.sum();
  EXPECT_EQ(treated, 185.0);
  EXPECT_EQ(static_cast<double>(design.size()) - treated, 429.0);
  const double treatedMean = design.treatment.dot(design.outcome) / treated;
  const double controlMean = (design.outcome.sum() - design.treatment.dot(design.outcome)) / (614.0 - treated);
  // Reference from Python's csv module on the same file: mean(re78 | treat=1) - mean(re78 | treat=0).
  EXPECT_NEAR(treatedMean - controlMean, -635.0262120374273, 1e-9);
}

TEST(Lalonde, ParallelParseMatchesSerial) {
  CsvOptions serial;
  serial.threads = 1;
  CsvOptions parallel;
  parallel.threads = 4;
  parallel.minBytesPerThread = 1;
  EXPECT_TRUE(loadLalonde(serial) == loadLalonde(parallel));
}

}  // namespace
}  // namespace causeway::data
