#pragma once

#include <QDialog>

#include "causeway/database/DataSource.hpp"
#include "causeway/ui/database/CatalogTasks.hpp"

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace causeway::ui {

class ConnectionForm;
class DatasetTableModel;

// File > Open Data from Database…: connect (PostgreSQL or SQLite), browse tables and their
// columns, write or pick the SQL, preview the first 200 rows, count the rows on demand, and
// choose whether the analysis runs in the database. Every query runs off the GUI thread with
// progress and Cancel (CatalogTasks). Accepting hands source() to the normal data load.
class DatabaseDialog : public QDialog {
  Q_OBJECT

 public:
  static constexpr std::size_t kPreviewRows = 200;

  explicit DatabaseDialog(QWidget* parent = nullptr);

  // The connection plus the clicked table (while the SQL box still shows its SELECT *) or the
  // SQL as typed. Holds the typed password, in memory only.
  [[nodiscard]] database::SourceSpec source() const;
  [[nodiscard]] bool analyseInDatabase() const;
  void setAnalyseInDatabase(bool on);

  // ---- For tests and scripted use ----------------------------------------------------------
  [[nodiscard]] ConnectionForm* connectionForm() const { return form_; }
  [[nodiscard]] QTreeWidget* tables() const { return tables_; }
  [[nodiscard]] QPlainTextEdit* sqlEdit() const { return sql_; }
  [[nodiscard]] QTableView* previewView() const { return preview_; }
  [[nodiscard]] QLabel* messageLabel() const { return message_; }
  [[nodiscard]] QLabel* countLabel() const { return count_; }
  [[nodiscard]] CatalogTasks* tasks() const { return tasks_; }
  void connectToDatabase();
  void previewRows();
  void countRows();
  void chooseTable(const QString& name);

 private:
  void setBusy(bool busy);
  void showTables(const CatalogTasks::Tables& tables);
  void showMessage(const QString& text, bool error);
  void updateButtons();

  ConnectionForm* form_;
  CatalogTasks* tasks_;
  QPushButton* connect_;
  QTreeWidget* tables_;
  QPlainTextEdit* sql_;
  QPushButton* previewButton_;
  QPushButton* countButton_;
  QLabel* count_;
  QTableView* preview_;
  DatasetTableModel* previewModel_;
  QLabel* message_;
  QProgressBar* progress_;
  QPushButton* cancel_;
  QCheckBox* inDatabase_;
  QDialogButtonBox* buttons_;
  QString table_;      // the clicked table, while the SQL box shows its SELECT *
  QString tableSql_;   // that SELECT *
};

}  // namespace causeway::ui
