#pragma once

#include <QWidget>

#include <vector>

#include "causeway/ui/data/LoadedData.hpp"

class QTableView;

namespace causeway::ui {

class ColumnSummaryModel;
class HistogramChartView;

// Per-column summary (type, missing, mean/SD or levels) above a small histogram of the
// selected column.
class ColumnSummaryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ColumnSummaryPanel(QWidget* parent = nullptr);

  [[nodiscard]] QTableView* tableView() const { return table_; }
  [[nodiscard]] ColumnSummaryModel* summaryModel() const { return model_; }
  [[nodiscard]] HistogramChartView* histogramView() const { return chart_; }

 public Q_SLOTS:
  void setLoadedData(const causeway::ui::LoadedData& loaded);
  void selectColumn(int index);

 private:
  void showChart(int index);

  QTableView* table_ = nullptr;
  ColumnSummaryModel* model_ = nullptr;
  HistogramChartView* chart_ = nullptr;
  std::vector<ColumnChart> charts_;
};

}  // namespace causeway::ui
