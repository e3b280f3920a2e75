#pragma once

#include <QWidget>

#include "causeway/ui/data/VariableMapping.hpp"

class QLabel;
class QPushButton;
class QTableView;

namespace causeway::ui {

class ColumnMappingModel;

// Which DAG node reads which column: a one-line summary, the node table and Edit Mapping….
class ColumnMappingPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ColumnMappingPanel(QWidget* parent = nullptr);

  [[nodiscard]] ColumnMappingModel* mappingModel() const { return model_; }
  [[nodiscard]] QPushButton* editButton() const { return edit_; }

 public Q_SLOTS:
  void setMapping(const causeway::ui::VariableMapping& mapping, bool hasData);

 Q_SIGNALS:
  void editRequested();

 private:
  QLabel* summary_ = nullptr;
  QTableView* table_ = nullptr;
  ColumnMappingModel* model_ = nullptr;
  QPushButton* edit_ = nullptr;
};

}  // namespace causeway::ui
