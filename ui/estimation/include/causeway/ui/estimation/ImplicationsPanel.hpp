#pragma once

#include <QWidget>

#include "causeway/ui/estimation/ImplicationTesting.hpp"

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace causeway::ui {

class ImplicationsModel;

// The graph's testable implications checked against the data: a summary line, the Holm
// switch, progress with Cancel while testing, the table and its conventions.
class ImplicationsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ImplicationsPanel(QWidget* parent = nullptr);

  [[nodiscard]] ImplicationsModel* implicationsModel() const { return model_; }
  [[nodiscard]] QTableView* tableView() const { return table_; }
  [[nodiscard]] QCheckBox* holmCheckBox() const { return holm_; }

 public Q_SLOTS:
  void showRunning();
  void setProgress(int permille);
  void setResults(const causeway::ui::ImplicationResults& results);
  void showMessage(const QString& message);
  void showIdle();

 Q_SIGNALS:
  void cancelRequested();
  void optionsChanged(const causeway::ui::ImplicationTestOptions& options);

 private:
  void updateSummary();

  QLabel* summary_ = nullptr;
  QCheckBox* holm_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QTableView* table_ = nullptr;
  ImplicationsModel* model_ = nullptr;
  QLabel* conventions_ = nullptr;
};

}  // namespace causeway::ui
