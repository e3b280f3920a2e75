#include "causeway/ui/estimation/DiagnosticsPanel.hpp"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "PanelWidgets.hpp"
#include "causeway/ui/charts/ForestPlotView.hpp"
#include "causeway/ui/charts/LovePlotView.hpp"
#include "causeway/ui/charts/OverlapChartView.hpp"
#include "causeway/ui/charts/WeightDistributionView.hpp"
#include "causeway/ui/estimation/BalanceTableModel.hpp"
#include "causeway/ui/estimation/ChartFeeds.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/NumberFormat.hpp"

namespace causeway::ui {
namespace {

QWidget* page(std::initializer_list<QWidget*> widgets, QWidget* stretch) {
  auto* w = new QWidget;
  auto* layout = new QVBoxLayout(w);
  layout->setContentsMargins(4, 4, 4, 4);
  for (QWidget* child : widgets) layout->addWidget(child, child == stretch ? 1 : 0);
  return w;
}

}  // namespace

std::vector<report::ForestRow> acrossSetRows(const EstimationOutcome& outcome) {
  std::vector<report::ForestRow> rows;
  // Whole sets when they fit beside the plot, else their short names (the table lists the sets).
  std::size_t longest = 0;
  for (const auto& row : outcome.acrossSets) longest = std::max(longest, row.label.size());
  for (const auto& row : outcome.acrossSets)
    if (row.estimate)
      rows.push_back({longest <= 36 ? row.label : row.name, row.estimate->estimate, row.estimate->ciLow, row.estimate->ciHigh});
  return rows;
}

DiagnosticsPanel::DiagnosticsPanel(QWidget* parent) : QWidget(parent) {
  tabs_ = new QTabWidget(this);

  overlap_ = new OverlapChartView;
  weighted_ = new QCheckBox(tr("After weighting"));
  weighted_->setEnabled(false);
  weighted_->setToolTip(tr("Show the propensity densities with each unit weighted by the estimand's weights"));
  connect(weighted_, &QCheckBox::toggled, overlap_, &OverlapChartView::setShowWeighted);
  overlapNotes_ = detail::noteLabel();
  tabs_->addTab(page({weighted_, overlap_, overlapNotes_}, overlap_), tr("Overlap"));

  love_ = new LovePlotView;
  balance_ = new BalanceTableModel(this);
  balanceView_ = detail::compactTable(balance_, QStringLiteral("balanceTable"));
  balanceView_->horizontalHeader()->setStretchLastSection(false);
  balanceCaption_ = detail::noteLabel();
  balanceCaption_->setForegroundRole(QPalette::WindowText);
  balanceConventions_ = detail::noteLabel();
  auto* conventions = detail::scrollingNote(balanceConventions_, 4);
  auto* tableBox = page({balanceCaption_, balanceView_, conventions}, balanceView_);
  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->addWidget(love_);
  splitter->addWidget(tableBox);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 1);
  tabs_->addTab(splitter, tr("Balance"));

  weights_ = new WeightDistributionView;
  ess_ = detail::noteLabel();
  tabs_->addTab(page({weights_, ess_}, weights_), tr("Weights"));

  forest_ = new ForestPlotView;
  forestNotes_ = detail::noteLabel();
  tabs_->addTab(page({forest_, forestNotes_}, forest_), tr("Across adjustment sets"));

  // Charts may shrink well below their comfortable size: the dock must fit a 768-px screen
  // beside the data docks (the window's minimum height is the sum of theirs).
  for (QWidget* chart : std::initializer_list<QWidget*>{overlap_, love_, weights_, forest_}) chart->setMinimumSize(160, 90);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(tabs_);
  clear();
}

void DiagnosticsPanel::setOutcome(const EstimationOutcome& outcome) {
  const auto& r = outcome.report();
  if (outcome.overlapUnweighted) overlap_->setData(*outcome.overlapUnweighted, outcome.overlapWeighted);
  else overlap_->clear();
  weighted_->setEnabled(outcome.overlapWeighted.has_value());
  if (!outcome.overlapWeighted) weighted_->setChecked(false);
  QString notes;
  if (r.overlap) {
    const auto& o = *r.overlap;
    notes = tr("Common support [%1, %2]; outside it: %3 treated, %4 control. Extreme scores: %5 treated, %6 control.")
                .arg(formatFixed(o.supportLow, 3), formatFixed(o.supportHigh, 3))
                .arg(o.treatedOutside).arg(o.controlOutside).arg(o.extremeTreated).arg(o.extremeControl);
    for (const auto& w : o.warnings) notes += QStringLiteral("\n⚠ ") + QString::fromStdString(w);
    notes += QStringLiteral("\n") + QString::fromStdString(o.conventions);
  } else {
    notes = tr("No propensity model (see the warnings).");
  }
  overlapNotes_->setText(notes);

  const auto& table = outcome.primaryBalance();
  balance_->setTable(table, 0.1, r.adjustmentSet);
  // Every column sized to its contents, the covariate names in full (no "Reg…").
  balanceView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  balanceCaption_->setText(balance_->caption());
  balanceConventions_->setText(table ? QString::fromStdString(table->conventions) : QString());
  if (table) {
    auto rows = loveRows(*table);
    for (auto& row : rows) row.covariate = covariateLabel(row.covariate, r.adjustmentSet).toStdString();
    love_->setRows(rows, 0.1, !table->adjustment.empty());
  }
  else love_->clear();

  if (outcome.weights) weights_->setData(*outcome.weights);
  else weights_->clear();
  ess_->setText(describeSample(outcome));

  forest_->setRows(acrossSetRows(outcome), 0.0,
                   tr("%1 of %2 on %3 (%4% CI)")
                       .arg(QString::fromLatin1(estimation::toString(r.estimand)),
                            QString::fromStdString(outcome.settings.exposure), QString::fromStdString(outcome.settings.outcome))
                       .arg(r.estimates.empty() ? 95.0 : r.estimates.front().level * 100));
  QString forestText;
  if (!r.estimates.empty())
    forestText = tr("Method: %1. Every set listed identifies the effect under the graph; estimates that disagree beyond "
                    "their intervals point at a wrong graph or at model dependence.")
                     .arg(QString::fromStdString(r.estimates.front().methodName));
  for (const auto& row : outcome.acrossSets) {
    forestText += QStringLiteral("\n") + QString::fromStdString(row.label);
    if (row.estimate)
      forestText += QStringLiteral(": %1 %2").arg(formatNumberSig(row.estimate->estimate),
                                                  formatIntervalSig(row.estimate->ciLow, row.estimate->ciHigh));
    else
      forestText += tr(": not estimated (%1)").arg(QString::fromStdString(row.error));
  }
  forestNotes_->setText(forestText);
}

void DiagnosticsPanel::clear() {
  overlap_->clear();
  weighted_->setEnabled(false);
  overlapNotes_->clear();
  love_->clear();
  balance_->setTable(std::nullopt);
  balanceCaption_->clear();
  balanceConventions_->clear();
  weights_->clear();
  ess_->clear();
  forest_->clear();
  forestNotes_->clear();
}

}  // namespace causeway::ui
