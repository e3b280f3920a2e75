#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "causeway/estimation/Refuters.hpp"

namespace causeway::ui {

// The refutation checks of the primary estimate: refuter, original estimate, mean and SD of
// the draws, verdict (pass / concern) and the core's one-line explanation.
class RefutationsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Refuter, Original, DrawMean, DrawSd, Draws, Verdict, Explanation, ColumnCount };

  explicit RefutationsModel(QObject* parent = nullptr);

  void setRefutations(std::vector<estimation::Refutation> refutations);
  [[nodiscard]] const std::vector<estimation::Refutation>& refutations() const { return refutations_; }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<estimation::Refutation> refutations_;
};

}  // namespace causeway::ui
