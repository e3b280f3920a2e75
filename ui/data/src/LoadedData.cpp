#include "causeway/ui/data/LoadedData.hpp"

#include "causeway/ui/data/ColumnHistogram.hpp"

namespace causeway::ui {

LoadedData describeDataset(std::shared_ptr<const data::Dataset> dataset, QString path) {
  LoadedData out;
  out.path = std::move(path);
  if (dataset) {
    out.summaries.reserve(dataset->columnCount());
    out.charts.reserve(dataset->columnCount());
    for (std::size_t i = 0; i < dataset->columnCount(); ++i) {
      out.summaries.push_back(dataset->summary(i));
      const data::Column& column = dataset->column(i);
      if (column.isCategorical()) out.charts.emplace_back(levelCounts(out.summaries.back()));
      else if (column.type() == data::ColumnType::Binary) out.charts.emplace_back(binaryCounts(column));
      else out.charts.emplace_back(numericHistogram(column, out.summaries.back()));
    }
  }
  out.dataset = std::move(dataset);
  return out;
}

}  // namespace causeway::ui
