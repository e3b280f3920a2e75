#include "causeway/ui/estimation/EstimationPanel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "PanelWidgets.hpp"
#include "causeway/ui/estimation/EstimatesModel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"
#include "causeway/ui/estimation/NumberFormat.hpp"
#include "causeway/ui/estimation/RefutationsModel.hpp"

namespace causeway::ui {
namespace {

QLabel* heading(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  QFont bold = label->font();
  bold.setBold(true);
  label->setFont(bold);
  return label;
}

}  // namespace

QString describeSample(const EstimationOutcome& outcome) {
  const auto& r = outcome.report;
  QString text = QObject::tr("n = %1 (%2 treated, %3 control)").arg(r.nUsed).arg(r.nTreated).arg(r.nControl);
  if (r.nDroppedMissing > 0) text += QObject::tr(", %1 rows dropped for missing values").arg(r.nDroppedMissing);
  for (const auto* table : {&r.balanceWeighted, &r.balanceMatched}) {
    if (!*table) continue;
    text += QObject::tr(" · ESS after %1: %2 treated / %3 control")
                .arg(QString::fromStdString((*table)->adjustment), formatNumberSig((*table)->essTreated, 4),
                     formatNumberSig((*table)->essControl, 4));
  }
  return text;
}

EstimationPanel::EstimationPanel(QWidget* parent) : QWidget(parent) {
  settings_ = new EstimationSettingsPanel(this);
  sample_ = new QLabel(this);
  sample_->setWordWrap(true);
  sample_->setObjectName(QStringLiteral("sampleLabel"));
  estimates_ = new EstimatesModel(this);
  estimatesView_ = detail::compactTable(estimates_, QStringLiteral("estimatesTable"), this);
  conventions_ = detail::noteLabel();
  refutations_ = new RefutationsModel(this);
  refutationsView_ = detail::compactTable(refutations_, QStringLiteral("refutationsTable"), this);
  warnings_ = new QListWidget(this);
  warnings_->setObjectName(QStringLiteral("warningsList"));
  warnings_->setWordWrap(true);
  warnings_->setMinimumHeight(warnings_->fontMetrics().lineSpacing() * 3);

  auto* results = new QWidget(this);
  auto* resultsLayout = new QVBoxLayout(results);
  resultsLayout->setContentsMargins(0, 0, 0, 0);
  resultsLayout->addWidget(sample_);
  resultsLayout->addWidget(heading(tr("Estimates"), results));
  resultsLayout->addWidget(estimatesView_);
  resultsLayout->addWidget(detail::scrollingNote(conventions_, 4));
  resultsLayout->addWidget(heading(tr("Refutation checks"), results));
  resultsLayout->addWidget(refutationsView_);
  resultsLayout->addWidget(heading(tr("Warnings"), results));
  resultsLayout->addWidget(warnings_, 1);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(settings_);
  layout->addWidget(results, 1);
  clearResults();
}

void EstimationPanel::setOutcome(const EstimationOutcome& outcome) {
  sample_->setText(describeSample(outcome));
  estimates_->setEstimates(outcome.report.estimates);
  estimatesView_->resizeColumnsToContents();
  detail::fitTableHeight(estimatesView_, 1, 6);
  QString conventions = QString::fromStdString(outcome.report.conventions);
  if (!outcome.report.estimates.empty())
    conventions += QStringLiteral(" ") + QString::fromStdString(outcome.report.estimates.front().conventions);
  conventions_->setText(conventions);
  refutations_->setRefutations(outcome.report.refutations);
  refutationsView_->resizeColumnsToContents();
  detail::fitTableHeight(refutationsView_, 1, 3);
  warnings_->clear();
  for (const auto& failure : outcome.report.failures)
    warnings_->addItem(tr("%1 failed: %2").arg(QString::fromLatin1(estimation::displayName(failure.method)),
                                               QString::fromStdString(failure.error.message)));
  for (const auto& w : outcome.report.warnings) warnings_->addItem(QString::fromStdString(w));
  if (warnings_->count() == 0) warnings_->addItem(tr("None."));
}

void EstimationPanel::clearResults() {
  sample_->setText(tr("No estimate yet: load data, check the mapping, then Run Estimation."));
  estimates_->setEstimates({});
  refutations_->setRefutations({});
  conventions_->clear();
  warnings_->clear();
  detail::fitTableHeight(estimatesView_, 1, 6);
  detail::fitTableHeight(refutationsView_, 1, 3);
}

}  // namespace causeway::ui
