#include "causeway/ui/database/DatabaseDialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "causeway/ui/data/DatasetTableModel.hpp"
#include "causeway/ui/database/ConnectionForm.hpp"

namespace causeway::ui {

DatabaseDialog::DatabaseDialog(QWidget* parent)
    : QDialog(parent),
      form_(new ConnectionForm(this)),
      tasks_(new CatalogTasks(this)),
      connect_(new QPushButton(tr("Connect"), this)),
      tables_(new QTreeWidget(this)),
      sql_(new QPlainTextEdit(this)),
      previewButton_(new QPushButton(tr("Preview"), this)),
      countButton_(new QPushButton(tr("Count Rows"), this)),
      count_(new QLabel(this)),
      preview_(new QTableView(this)),
      previewModel_(new DatasetTableModel(this)),
      message_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      cancel_(new QPushButton(tr("Cancel Query"), this)),
      inDatabase_(new QCheckBox(tr("Analyse in the database"), this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
  setWindowTitle(tr("Open Data from Database"));
  setObjectName(QStringLiteral("databaseDialog"));

  auto* connection = new QGroupBox(tr("Connection"), this);
  auto* connectionRow = new QHBoxLayout(connection);
  connectionRow->addWidget(form_, 1);
  connectionRow->addWidget(connect_, 0, Qt::AlignBottom);
  connect_->setToolTip(tr("Connect and list the tables and views"));
  connect_->setDefault(true);

  tables_->setHeaderLabels({tr("Table / column"), tr("Type")});
  tables_->setObjectName(QStringLiteral("databaseTables"));
  tables_->setToolTip(tr("Click a table to read all of it (SELECT *); expand it to see its columns"));
  tables_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  tables_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  tables_->header()->setStretchLastSection(false);

  sql_->setObjectName(QStringLiteral("databaseSql"));
  sql_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  sql_->setPlaceholderText(tr("SELECT … FROM … — or click a table"));
  sql_->setToolTip(tr("The rows to load: any SELECT the database accepts"));
  sql_->setMaximumHeight(sql_->fontMetrics().lineSpacing() * 6);
  previewButton_->setToolTip(tr("Show the first %1 rows").arg(kPreviewRows));
  countButton_->setToolTip(tr("Count the rows in the database (SELECT COUNT(*))"));
  count_->setObjectName(QStringLiteral("databaseCount"));
  preview_->setModel(previewModel_);
  preview_->setObjectName(QStringLiteral("databasePreview"));
  preview_->verticalHeader()->setDefaultSectionSize(preview_->fontMetrics().height() + 6);

  auto* queryPane = new QWidget(this);
  auto* queryLayout = new QVBoxLayout(queryPane);
  queryLayout->setContentsMargins(0, 0, 0, 0);
  queryLayout->addWidget(new QLabel(tr("SQL"), queryPane));
  queryLayout->addWidget(sql_);
  auto* queryButtons = new QHBoxLayout;
  queryButtons->addWidget(previewButton_);
  queryButtons->addWidget(countButton_);
  queryButtons->addWidget(count_, 1);
  queryLayout->addLayout(queryButtons);
  queryLayout->addWidget(preview_, 1);

  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(tables_);
  split->addWidget(queryPane);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 3);
  split->setChildrenCollapsible(false);
  split->setSizes({300, 640});  // room for "Table / column" and types such as "double precision"

  message_->setObjectName(QStringLiteral("databaseMessage"));
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setRange(0, 0);
  progress_->setMaximumWidth(160);
  progress_->setVisible(false);
  cancel_->setVisible(false);
  cancel_->setToolTip(tr("Stop the running query"));
  inDatabase_->setObjectName(QStringLiteral("analyseInDatabase"));
  inDatabase_->setToolTip(tr("Fit the propensity model, IPW and balance by aggregate queries inside the database "
                             "(only sums leave it); the rows are still loaded for the data views"));
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Load Data"));
  buttons_->button(QDialogButtonBox::Ok)->setToolTip(tr("Read the rows into Causeway, as when opening a CSV file"));

  auto* status = new QHBoxLayout;
  status->addWidget(message_, 1);
  status->addWidget(progress_);
  status->addWidget(cancel_);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(inDatabase_);
  bottom->addStretch(1);
  bottom->addWidget(buttons_);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(connection);
  layout->addWidget(split, 1);
  layout->addLayout(status);
  layout->addLayout(bottom);
  resize(960, 600);  // fits a 1366x768 screen with room for the window frame

  connect(connect_, &QPushButton::clicked, this, &DatabaseDialog::connectToDatabase);
  connect(previewButton_, &QPushButton::clicked, this, &DatabaseDialog::previewRows);
  connect(countButton_, &QPushButton::clicked, this, &DatabaseDialog::countRows);
  connect(cancel_, &QPushButton::clicked, tasks_, &CatalogTasks::cancel);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(form_, &ConnectionForm::changed, this, &DatabaseDialog::updateButtons);
  connect(form_->kindBox(), &QComboBox::currentIndexChanged, this, [this] {
    // Another kind of database: what was listed and previewed belongs to the old one.
    tables_->clear();
    previewModel_->setDataset(nullptr);
    count_->clear();
    table_.clear();
    showMessage(QString(), false);
  });
  connect(sql_, &QPlainTextEdit::textChanged, this, &DatabaseDialog::updateButtons);
  connect(tables_, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
    QTreeWidgetItem* table = item->parent() ? item->parent() : item;
    chooseTable(table->text(0));
  });

  connect(tasks_, &CatalogTasks::started, this, [this](const QString& what) {
    showMessage(what, false);
    setBusy(true);
  });
  connect(tasks_, &CatalogTasks::idle, this, [this] { setBusy(false); });
  connect(tasks_, &CatalogTasks::failed, this, [this](const QString& message) { showMessage(message, true); });
  connect(tasks_, &CatalogTasks::cancelled, this, [this] { showMessage(tr("Cancelled."), false); });
  connect(tasks_, &CatalogTasks::tablesReady, this, &DatabaseDialog::showTables);
  connect(tasks_, &CatalogTasks::previewReady, this, [this](const CatalogTasks::Preview& rows) {
    previewModel_->setDataset(rows);
    showMessage(rows->rowCount() < kPreviewRows ? tr("All %1 rows shown.").arg(rows->rowCount())
                                               : tr("The first %1 rows.").arg(rows->rowCount()),
                false);
  });
  connect(tasks_, &CatalogTasks::countReady, this, [this](quint64 rows) {
    count_->setText(tr("%1 rows").arg(QLocale().toString(rows)));
    showMessage(tr("Counted in the database."), false);
  });
  updateButtons();
}

database::SourceSpec DatabaseDialog::source() const {
  database::SourceSpec spec = form_->connection();
  const QString sql = sql_->toPlainText();
  if (!table_.isEmpty() && sql == tableSql_) spec.table = table_.toStdString();
  else spec.query = sql.trimmed().toStdString();
  return spec;
}

bool DatabaseDialog::analyseInDatabase() const { return inDatabase_->isChecked(); }
void DatabaseDialog::setAnalyseInDatabase(bool on) { inDatabase_->setChecked(on); }

void DatabaseDialog::connectToDatabase() {
  if (const QString missing = form_->missing(); !missing.isEmpty()) {
    showMessage(missing, true);
    return;
  }
  tasks_->listTables(form_->connection());
}

void DatabaseDialog::previewRows() {
  count_->clear();
  tasks_->preview(source(), kPreviewRows);
}

void DatabaseDialog::countRows() {
  count_->clear();
  tasks_->count(source());
}

void DatabaseDialog::chooseTable(const QString& name) {
  table_ = name;
  tableSql_ = QStringLiteral("SELECT * FROM ") + QString::fromStdString(database::quoteQualifiedName(name.toStdString()));
  sql_->setPlainText(tableSql_);
  count_->clear();
  previewRows();
}

void DatabaseDialog::showTables(const CatalogTasks::Tables& tables) {
  tables_->clear();
  for (const auto& table : tables) {
    auto* item = new QTreeWidgetItem(tables_, {QString::fromStdString(table.name)});
    item->setToolTip(0, tr("%1: %2 columns").arg(QString::fromStdString(table.name)).arg(table.columns.size()));
    for (const auto& column : table.columns)
      new QTreeWidgetItem(item, {QString::fromStdString(column.name), QString::fromStdString(column.type)});
  }
  showMessage(tables.empty() ? tr("Connected; the database has no tables. Write a query.")
                             : tr("Connected: %1 tables and views. Click one, or write a query.").arg(tables.size()),
              false);
  updateButtons();
}

void DatabaseDialog::showMessage(const QString& text, bool error) {
  message_->setText(text);
  // A red that reads on light and dark backgrounds alike (as the data panel's errors).
  message_->setStyleSheet(error ? QStringLiteral("QLabel { color: #d0433a; }") : QString());
}

void DatabaseDialog::setBusy(bool busy) {
  progress_->setVisible(busy);
  cancel_->setVisible(busy);
  updateButtons();
}

void DatabaseDialog::updateButtons() {
  const bool busy = tasks_->isRunning();
  const bool hasSql = !sql_->toPlainText().trimmed().isEmpty();
  connect_->setEnabled(!busy);
  previewButton_->setEnabled(!busy && hasSql);
  countButton_->setEnabled(!busy && hasSql);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(!busy && hasSql && form_->missing().isEmpty());
}

}  // namespace causeway::ui
