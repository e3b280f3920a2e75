#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "causeway/data/Dataset.hpp"

namespace causeway::ui {

// A read-only, virtual table over a columnar Dataset: cells are formatted on request straight
// from the column arrays, nothing is stored per row, so millions of rows scroll smoothly.
// Missing cells show "NA" in a muted colour; numbers are right-aligned.
class DatasetTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  explicit DatasetTableModel(QObject* parent = nullptr);

  void setDataset(std::shared_ptr<const data::Dataset> dataset);
  [[nodiscard]] const std::shared_ptr<const data::Dataset>& dataset() const { return dataset_; }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::shared_ptr<const data::Dataset> dataset_;
};

}  // namespace causeway::ui
