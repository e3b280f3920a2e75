#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <string>
#include <vector>

#include "causeway/estimation/Balance.hpp"

namespace causeway::ui {

// Covariate balance before and after adjustment, straight from the core's BalanceTable:
// means per group, SMD, variance ratio and KS after adjustment. |SMD| above the threshold is
// highlighted. caption() states the conventions the header must carry (which SD the SMD
// divides by; how weights enter).
// "Region = eu-west" for the indicator column "Regioneu-west" of factor Region (the longest
// variable the name extends); other names as they are.
[[nodiscard]] QString covariateLabel(const std::string& column, const std::vector<std::string>& variables);

class BalanceTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    Covariate,
    MeanTreated,
    MeanControl,
    SmdBefore,
    MeanTreatedAfter,
    MeanControlAfter,
    SmdAfter,
    VarianceRatioAfter,
    KsAfter,
    ColumnCount
  };

  explicit BalanceTableModel(QObject* parent = nullptr);

  // `variables`: the adjustment set's variables, to show a factor's indicator "Regioneu-west"
  // as "Region = eu-west".
  void setTable(std::optional<estimation::BalanceTable> table, double threshold = 0.1,
                std::vector<std::string> variables = {});
  [[nodiscard]] const std::optional<estimation::BalanceTable>& table() const { return table_; }
  // One line for above the table: SD convention, adjustment, threshold.
  [[nodiscard]] QString caption() const;

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // The SD the SMD divides by, in words, for an estimand (the core's convention).
  [[nodiscard]] static QString smdDenominator(estimation::Estimand estimand);

 private:
  std::optional<estimation::BalanceTable> table_;
  std::vector<std::string> variables_;
  double threshold_ = 0.1;
};

}  // namespace causeway::ui
