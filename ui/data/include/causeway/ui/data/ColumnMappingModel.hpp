#pragma once

#include <QAbstractTableModel>

#include "causeway/ui/data/VariableMapping.hpp"

namespace causeway::ui {

// Node | Column | Status, one row per DAG node. Unmapped observed nodes are flagged in the
// warning colour; latent nodes (expected to be unmapped) are muted.
class ColumnMappingModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Node, DataColumn, Status, ColumnCount };

  explicit ColumnMappingModel(QObject* parent = nullptr);

  void setMapping(VariableMapping mapping);
  [[nodiscard]] const VariableMapping& mapping() const { return mapping_; }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  VariableMapping mapping_;
};

}  // namespace causeway::ui
