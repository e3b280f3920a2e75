#pragma once

#include <QWidget>

#include <vector>

#include "causeway/ui/data/LoadedData.hpp"

class QSplitter;
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

 protected:
  // Table beside the chart in a wide, short dock (the bottom area on a laptop), else above it.
  void resizeEvent(QResizeEvent* event) override;

 private:
  void showChart(int index);

  QTableView* table_ = nullptr;
  ColumnSummaryModel* model_ = nullptr;
  HistogramChartView* chart_ = nullptr;
  QSplitter* splitter_ = nullptr;
  std::vector<ColumnChart> charts_;
};

}  // namespace causeway::ui
