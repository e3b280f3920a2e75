#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "causeway/data/ColumnSummary.hpp"

namespace causeway::ui {

// One row per column of the dataset: name, type, missing, mean, SD (sample, n - 1), min, max,
// and for categorical columns the number of levels and the most common ones.
class ColumnSummaryModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { Name, Type, Missing, Mean, Sd, Min, Max, Levels, ColumnCount };

  explicit ColumnSummaryModel(QObject* parent = nullptr);

  void setSummaries(std::vector<data::ColumnSummary> summaries);
  [[nodiscard]] const std::vector<data::ColumnSummary>& summaries() const { return summaries_; }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<data::ColumnSummary> summaries_;
};

// Compact display of a statistic: 4 significant digits, "–" when not applicable.
[[nodiscard]] QString formatStatistic(double value, int digits = 4);

}  // namespace causeway::ui
