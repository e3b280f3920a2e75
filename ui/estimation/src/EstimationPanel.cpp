#include "causeway/ui/estimation/EstimationPanel.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "PanelWidgets.hpp"
#include "causeway/ui/estimation/AnswerView.hpp"
#include "causeway/ui/estimation/EstimatesModel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"
#include "causeway/ui/estimation/NumberFormat.hpp"
#include "causeway/ui/estimation/RefutationsModel.hpp"

namespace causeway::ui {

QString describeSample(const EstimationOutcome& outcome) {
  const auto& r = outcome.report();
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
  answer_ = new AnswerView(this);
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

  auto* estimatesPage = new QWidget(this);
  auto* estimatesLayout = new QVBoxLayout(estimatesPage);
  estimatesLayout->setContentsMargins(2, 2, 2, 2);
  estimatesLayout->addWidget(sample_);
  estimatesLayout->addWidget(estimatesView_, 1);
  estimatesLayout->addWidget(detail::scrollingNote(conventions_, 3));

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("estimationTabs"));
  tabs_->setDocumentMode(true);
  tabs_->addTab(answer_, tr("Answer"));
  tabs_->addTab(estimatesPage, tr("Estimates"));
  tabs_->addTab(refutationsView_, tr("Refutations"));
  warningsTab_ = tabs_->addTab(warnings_, tr("Warnings"));
  tabs_->addTab(settings_, tr("Setup"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(tabs_, 1);
  // Run / Cancel stay in view whichever tab is in front: taken out of the Setup tab.
  settings_->layout()->removeWidget(settings_->runBar());
  layout->addWidget(settings_->runBar());
  clearResults();
  tabs_->setCurrentWidget(settings_);
}

void EstimationPanel::setOutcome(const EstimationOutcome& outcome) {
  const auto& r = outcome.report();
  const QString sample = describeSample(outcome);
  sample_->setText(sample);
  answer_->setStudy(*outcome.study, sample);  // in the database too: the engine judged what it computed
  estimates_->setEstimates(r.estimates);
  estimatesView_->resizeColumnsToContents();
  QString conventions = QString::fromStdString(r.conventions);
  if (!r.estimates.empty()) conventions += QStringLiteral(" ") + QString::fromStdString(r.estimates.front().conventions);
  conventions_->setText(conventions);
  refutations_->setRefutations(r.refutations);
  refutationsView_->resizeColumnsToContents();
  warnings_->clear();
  for (const auto& failure : r.failures)
    warnings_->addItem(tr("%1 failed: %2").arg(QString::fromLatin1(estimation::displayName(failure.method)),
                                               QString::fromStdString(failure.error.message)));
  for (const auto& w : outcome.study->warnings) warnings_->addItem(QString::fromStdString(w));
  for (const auto& w : r.warnings) warnings_->addItem(QString::fromStdString(w));
  const int count = warnings_->count();
  if (count == 0) warnings_->addItem(tr("None."));
  tabs_->setTabText(warningsTab_, count == 0 ? tr("Warnings") : tr("Warnings (%1)").arg(count));
}

void EstimationPanel::clearResults() {
  answer_->clear(tr("No estimate yet: load data, check the mapping and the setup, then Run Estimation."));
  sample_->setText(tr("No estimate yet."));
  estimates_->setEstimates({});
  refutations_->setRefutations({});
  conventions_->clear();
  warnings_->clear();
  tabs_->setTabText(warningsTab_, tr("Warnings"));
}

void EstimationPanel::showResults() { tabs_->setCurrentWidget(answer_); }

}  // namespace causeway::ui
