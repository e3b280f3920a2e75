#include "causeway/ui/data/ColumnSummaryPanel.hpp"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "causeway/ui/charts/HistogramChartView.hpp"
#include "causeway/ui/data/ColumnSummaryModel.hpp"

namespace causeway::ui {

ColumnSummaryPanel::ColumnSummaryPanel(QWidget* parent) : QWidget(parent) {
  model_ = new ColumnSummaryModel(this);
  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("columnSummaryTable"));
  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setWordWrap(false);
  chart_ = new HistogramChartView(this);
  // Small minimums: the Columns dock shares the bottom area, and the window must fit 768 px.
  chart_->setMinimumSize(160, 90);
  table_->setMinimumHeight(table_->verticalHeader()->defaultSectionSize() * 3);

  splitter_ = new QSplitter(Qt::Vertical, this);
  splitter_->addWidget(table_);
  splitter_->addWidget(chart_);
  splitter_->setStretchFactor(0, 3);
  splitter_->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(splitter_);

  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { showChart(current.isValid() ? current.row() : -1); });
}

void ColumnSummaryPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  // Side by side unless the panel is taller than wide: stacked in a short bottom dock, the chart
  // would be squeezed to a strip (1366x768 laptops).
  const Qt::Orientation wanted = width() >= height() ? Qt::Horizontal : Qt::Vertical;
  if (splitter_->orientation() != wanted) splitter_->setOrientation(wanted);
}

void ColumnSummaryPanel::setLoadedData(const LoadedData& loaded) {
  charts_ = loaded.charts;
  model_->setSummaries(loaded.summaries);
  table_->resizeColumnsToContents();
  selectColumn(charts_.empty() ? -1 : 0);
}

void ColumnSummaryPanel::selectColumn(int index) {
  if (index < 0 || index >= model_->rowCount()) {
    showChart(-1);
    return;
  }
  table_->selectionModel()->setCurrentIndex(model_->index(index, 0),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  showChart(index);
}

void ColumnSummaryPanel::showChart(int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= charts_.size()) {
    chart_->clear();
    return;
  }
  std::visit(
      [this](const auto& chart) {
        using T = std::decay_t<decltype(chart)>;
        if constexpr (std::is_same_v<T, HistogramData>) chart_->setHistogram(chart);
        else chart_->setCategories(chart);
      },
      charts_[static_cast<std::size_t>(index)]);
}

}  // namespace causeway::ui
