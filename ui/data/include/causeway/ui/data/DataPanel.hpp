#pragma once

#include <QWidget>

#include "causeway/ui/data/LoadedData.hpp"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QStackedWidget;

namespace causeway::ui {

class DatasetTableModel;

// The data dock: which file is loaded (rows × columns, load time), a progress bar with Cancel
// while a file loads, and the data table.
class DataPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DataPanel(QWidget* parent = nullptr);

  [[nodiscard]] QTableView* tableView() const { return table_; }
  [[nodiscard]] DatasetTableModel* tableModel() const { return model_; }
  [[nodiscard]] QProgressBar* progressBar() const { return progress_; }
  [[nodiscard]] QPushButton* cancelButton() const { return cancel_; }
  [[nodiscard]] QLabel* statusLabel() const { return status_; }  // what is loaded
  [[nodiscard]] QLabel* errorLabel() const { return error_; }    // why the last load failed

 public Q_SLOTS:
  void showLoading(const QString& path);
  void setProgress(int permille);
  void showLoaded(const causeway::ui::LoadedData& loaded);
  void showFailed(const QString& path, const QString& message);
  void showCancelled(const QString& path);

 Q_SIGNALS:
  void cancelRequested();

 private:
  void setBusy(bool busy);

  QLabel* status_ = nullptr;
  QLabel* error_ = nullptr;  // the last failed load, until the next load starts
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QStackedWidget* stack_ = nullptr;
  QTableView* table_ = nullptr;
  DatasetTableModel* model_ = nullptr;
  QString loadedSummary_;
};

}  // namespace causeway::ui
