#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "causeway/estimation/EffectEstimate.hpp"

namespace causeway::ui {

// One row per method: estimate, SE, normal CI, bootstrap percentile CI (when run), E-values
// for the estimate and the CI limit nearer the null, units used. Numbers are the core's.
class EstimatesModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Method, Estimate, Se, Ci, BootstrapCi, EValue, EValueCi, Units, ColumnCount };

  explicit EstimatesModel(QObject* parent = nullptr);

  void setEstimates(std::vector<estimation::EffectEstimate> estimates);
  [[nodiscard]] const std::vector<estimation::EffectEstimate>& estimates() const { return estimates_; }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<estimation::EffectEstimate> estimates_;
};

}  // namespace causeway::ui
