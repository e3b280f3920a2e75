#pragma once

#include "causeway/data/Column.hpp"
#include "causeway/data/ColumnSummary.hpp"
#include "causeway/ui/charts/ChartData.hpp"

namespace causeway::ui {

// Equal-width histogram of the non-missing values on [min, max]: Sturges' bin count, capped at
// `maxBins`.
[[nodiscard]] HistogramData numericHistogram(const data::Column& column, const data::ColumnSummary& summary,
                                             int maxBins = 40);

// A 0/1 column as two labelled bars, "0" then "1" (a histogram's axis would read -0.5 to 1.5).
[[nodiscard]] CategoryCounts binaryCounts(const data::Column& column);

// Level counts from a summary; beyond `maxLevels` the smallest are pooled into "(other)".
[[nodiscard]] CategoryCounts levelCounts(const data::ColumnSummary& summary, std::size_t maxLevels = 12);

}  // namespace causeway::ui
