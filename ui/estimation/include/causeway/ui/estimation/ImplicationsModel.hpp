#pragma once

#include <QAbstractTableModel>

#include "causeway/ui/estimation/ImplicationTesting.hpp"

namespace causeway::ui {

// The implied independencies tested on data: implication, the test used, its statistic (partial
// correlation r with its CI, or the stratified chi-square with its df), p-value, Holm-adjusted p,
// n and a verdict; failing rows are highlighted.
class ImplicationsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Implication, Test, Estimate, Ci, Df, PValue, PHolm, N, Verdict, ColumnCount };

  explicit ImplicationsModel(QObject* parent = nullptr);

  void setResults(ImplicationResults results);
  [[nodiscard]] const ImplicationResults& results() const { return results_; }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  ImplicationResults results_;
};

}  // namespace causeway::ui
