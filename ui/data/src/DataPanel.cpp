#include "causeway/ui/data/DataPanel.hpp"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "causeway/ui/data/DatasetTableModel.hpp"

namespace causeway::ui {

DataPanel::DataPanel(QWidget* parent) : QWidget(parent) {
  status_ = new QLabel(this);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  progress_->setTextVisible(true);
  progress_->setFormat(tr("%p%"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  connect(cancel_, &QPushButton::clicked, this, &DataPanel::cancelRequested);

  auto* strip = new QHBoxLayout;
  strip->addWidget(status_, 1);
  strip->addWidget(progress_, 1);
  strip->addWidget(cancel_);

  model_ = new DatasetTableModel(this);
  table_ = new QTableView(this);
  table_->setModel(model_);
  table_->setObjectName(QStringLiteral("dataTable"));
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->setSelectionBehavior(QAbstractItemView::SelectItems);
  // Fixed row heights: the view never measures rows, so millions of them cost nothing.
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  table_->horizontalHeader()->setDefaultSectionSize(96);

  auto* hint = new QLabel(tr("Open a CSV file with File ▸ Open Data… (Ctrl+Shift+O),\nor drop one on the window."), this);
  hint->setAlignment(Qt::AlignCenter);
  hint->setEnabled(false);
  stack_ = new QStackedWidget(this);
  stack_->addWidget(hint);
  stack_->addWidget(table_);

  // A failed load is said here, apart from the header, which keeps describing the data that
  // are actually loaded (their rows stay in the table).
  error_ = new QLabel(this);
  error_->setObjectName(QStringLiteral("dataLoadError"));
  error_->setWordWrap(true);
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  error_->setStyleSheet(QStringLiteral("QLabel { color: #d0433a; }"));
  error_->hide();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(strip);
  layout->addWidget(error_);
  layout->addWidget(stack_, 1);

  status_->setText(tr("No data loaded"));
  setBusy(false);
}

void DataPanel::setBusy(bool busy) {
  progress_->setVisible(busy);
  cancel_->setVisible(busy);
  cancel_->setEnabled(busy);
}

void DataPanel::showLoading(const QString& path) {
  progress_->setValue(0);
  status_->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
  error_->hide();
  setBusy(true);
}

void DataPanel::setProgress(int permille) { progress_->setValue(permille); }

void DataPanel::showLoaded(const LoadedData& loaded) {
  model_->setDataset(loaded.dataset);
  stack_->setCurrentWidget(table_);
  const QLocale locale;
  const auto rows = loaded.dataset ? loaded.dataset->rowCount() : 0;
  const auto columns = loaded.dataset ? loaded.dataset->columnCount() : 0;
  if (loaded.sampledFrom) {
    loadedSummary_ = tr("%1 — a random sample of %2 of its %3 rows × %4 columns")
                         .arg(QFileInfo(loaded.path).fileName(), locale.toString(static_cast<qulonglong>(rows)),
                              locale.toString(static_cast<qulonglong>(*loaded.sampledFrom)))
                         .arg(columns);
    status_->setToolTip(tr("%1\nread in %2 s\nThe analysis runs in the database over every row; these rows, drawn "
                           "at random there, are for looking at the data and mapping its columns. Turn \"Analyse in "
                           "the database\" off to read every row.")
                            .arg(loaded.path)
                            .arg(loaded.seconds, 0, 'f', 2));
  } else {
    loadedSummary_ = tr("%1 — %2 rows × %3 columns").arg(QFileInfo(loaded.path).fileName(),
                                                         locale.toString(static_cast<qulonglong>(rows)))
                         .arg(columns);
    status_->setToolTip(tr("%1\nread in %2 s").arg(loaded.path).arg(loaded.seconds, 0, 'f', 2));
  }
  status_->setText(loadedSummary_);
  setBusy(false);
}

void DataPanel::showFailed(const QString& path, const QString& message) {
  setBusy(false);
  status_->setText(loadedSummary_.isEmpty() ? tr("No data loaded") : loadedSummary_);
  error_->setText(tr("Could not load %1: %2").arg(QFileInfo(path).fileName(), message));
  error_->show();
}

void DataPanel::showCancelled(const QString& path) {
  setBusy(false);
  status_->setText(loadedSummary_.isEmpty() ? tr("Loading %1 cancelled").arg(QFileInfo(path).fileName())
                                            : loadedSummary_);
}

}  // namespace causeway::ui
