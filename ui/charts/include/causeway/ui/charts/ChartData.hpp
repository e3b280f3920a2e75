#pragma once

#include <string>
#include <vector>

namespace causeway::ui {

// Plain inputs of the chart views that causeway::report's chart structs do not cover
// (the overlap, love, weight and forest views take report::MirroredHistogram, LovePlotRow and
// ForestRow, so the GUI and the report draw the same numbers).

// A histogram of one numeric column: bins.size() + 1 edges.
struct HistogramData {
  std::vector<double> edges;
  std::vector<double> counts;
  std::string xLabel;
};

// Counts per level of a categorical column, in level order.
struct CategoryCounts {
  std::vector<std::string> labels;
  std::vector<double> counts;
};

}  // namespace causeway::ui
