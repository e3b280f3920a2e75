#pragma once

#include <QWidget>

#include "causeway/ui/estimation/EstimationJob.hpp"

class QCheckBox;
class QLabel;
class QTabWidget;
class QTableView;

namespace causeway::ui {

class BalanceTableModel;
class ForestPlotView;
class LovePlotView;
class OverlapChartView;
class WeightDistributionView;

// Diagnostics of the last estimate, one tab each: propensity overlap (before / after
// weighting), balance (love plot over the balance table with its conventions), weight
// distribution with effective sample sizes, and the estimate across every adjustment set.
class DiagnosticsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DiagnosticsPanel(QWidget* parent = nullptr);

  [[nodiscard]] QTabWidget* tabs() const { return tabs_; }
  [[nodiscard]] OverlapChartView* overlapView() const { return overlap_; }
  [[nodiscard]] QCheckBox* weightedCheckBox() const { return weighted_; }
  [[nodiscard]] LovePlotView* lovePlotView() const { return love_; }
  [[nodiscard]] BalanceTableModel* balanceModel() const { return balance_; }
  [[nodiscard]] QTableView* balanceView() const { return balanceView_; }
  [[nodiscard]] QLabel* balanceCaption() const { return balanceCaption_; }
  [[nodiscard]] WeightDistributionView* weightsView() const { return weights_; }
  [[nodiscard]] ForestPlotView* forestView() const { return forest_; }

 public Q_SLOTS:
  void setOutcome(const causeway::ui::EstimationOutcome& outcome);
  void clear();

 private:
  QTabWidget* tabs_ = nullptr;
  OverlapChartView* overlap_ = nullptr;
  QCheckBox* weighted_ = nullptr;
  QLabel* overlapNotes_ = nullptr;
  LovePlotView* love_ = nullptr;
  BalanceTableModel* balance_ = nullptr;
  QTableView* balanceView_ = nullptr;
  QLabel* balanceCaption_ = nullptr;
  QLabel* balanceConventions_ = nullptr;
  WeightDistributionView* weights_ = nullptr;
  QLabel* ess_ = nullptr;
  ForestPlotView* forest_ = nullptr;
  QLabel* forestNotes_ = nullptr;
};

// Forest rows of the comparison across adjustment sets (sets that failed are left out).
[[nodiscard]] std::vector<report::ForestRow> acrossSetRows(const EstimationOutcome& outcome);

}  // namespace causeway::ui
