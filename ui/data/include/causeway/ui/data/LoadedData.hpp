#pragma once

#include <QString>

#include <memory>
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "causeway/data/ColumnSummary.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/ui/charts/ChartData.hpp"

namespace causeway::ui {

// What a column's small chart shows: a histogram (numeric) or level counts (categorical).
using ColumnChart = std::variant<HistogramData, CategoryCounts>;

// A dataset as the workspace holds it: shared read-only between the GUI and analyses, with the
// per-column summaries and charts computed on the loading thread (so millions of rows never
// cost the GUI thread a pass).
struct LoadedData {
  std::shared_ptr<const data::Dataset> dataset;
  std::vector<data::ColumnSummary> summaries;  // one per column
  std::vector<ColumnChart> charts;             // one per column
  QString path;  // the file, or for a database a label without '/' (database::sourceLabel)
  double seconds = 0.0;  // wall time of reading and summarising
  // Set when the rows came from a database (the password, if typed, stays in memory only).
  std::optional<database::SourceSpec> source;
  // Set when only a random sample of the source's rows was read (the analysis then runs in the
  // database): the source's row count, counted there.
  std::optional<std::uint64_t> sampledFrom;
};

// Summaries and charts of every column (what the loader adds to a freshly read Dataset).
[[nodiscard]] LoadedData describeDataset(std::shared_ptr<const data::Dataset> dataset, QString path);

}  // namespace causeway::ui
