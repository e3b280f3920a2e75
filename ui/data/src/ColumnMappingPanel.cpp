#include "causeway/ui/data/ColumnMappingPanel.hpp"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "causeway/ui/data/ColumnMappingModel.hpp"

namespace causeway::ui {

ColumnMappingPanel::ColumnMappingPanel(QWidget* parent) : QWidget(parent) {
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  edit_ = new QPushButton(tr("Edit Mapping…"), this);
  edit_->setEnabled(false);
  connect(edit_, &QPushButton::clicked, this, &ColumnMappingPanel::editRequested);
  model_ = new ColumnMappingModel(this);
  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("mappingTable"));
  table_->setModel(model_);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->horizontalHeader()->setStretchLastSection(true);
  // Every graph edit remaps: sizing columns from the first rows keeps that cheap on big graphs.
  table_->horizontalHeader()->setResizeContentsPrecision(200);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  connect(table_, &QTableView::doubleClicked, this, [this] {
    if (edit_->isEnabled()) Q_EMIT editRequested();
  });

  auto* top = new QHBoxLayout;
  top->addWidget(summary_, 1);
  top->addWidget(edit_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addWidget(table_, 1);
  setMapping({}, false);
}

void ColumnMappingPanel::setMapping(const VariableMapping& mapping, bool hasData) {
  model_->setMapping(mapping);
  table_->resizeColumnsToContents();
  edit_->setEnabled(hasData && !mapping.rows.empty());
  if (!hasData) {
    summary_->setText(tr("Load data to map the graph's nodes to columns."));
    return;
  }
  std::size_t latent = 0;
  for (const auto& row : mapping.rows) latent += row.latent ? 1 : 0;
  const auto unmapped = mapping.unmappedNodes();
  QString text = tr("%1 of %2 observed nodes mapped").arg(mapping.mappedCount()).arg(mapping.rows.size() - latent);
  if (latent > 0) text += tr("; %n latent", nullptr, static_cast<int>(latent));
  if (!unmapped.empty()) text += tr("; <b>%n without a column</b>", nullptr, static_cast<int>(unmapped.size()));
  if (!mapping.unusedColumns.empty()) text += tr("; %n unused column(s)", nullptr, static_cast<int>(mapping.unusedColumns.size()));
  summary_->setText(text);
}

}  // namespace causeway::ui
