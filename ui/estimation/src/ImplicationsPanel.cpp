#include "causeway/ui/estimation/ImplicationsPanel.hpp"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "PanelWidgets.hpp"
#include "causeway/ui/estimation/ImplicationsModel.hpp"

namespace causeway::ui {

ImplicationsPanel::ImplicationsPanel(QWidget* parent) : QWidget(parent) {
  summary_ = new QLabel(tr("Load data to test the graph's implications."), this);
  summary_->setWordWrap(true);
  holm_ = new QCheckBox(tr("Holm correction"), this);
  holm_->setChecked(true);
  holm_->setToolTip(tr("Flag violations by Holm-adjusted p-values, since many implications are tested at once"));
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  progress_->setMaximumWidth(160);
  cancel_ = new QPushButton(tr("Cancel"), this);
  connect(cancel_, &QPushButton::clicked, this, &ImplicationsPanel::cancelRequested);
  connect(holm_, &QCheckBox::toggled, this, [this](bool on) {
    ImplicationTestOptions options = model_->results().options;
    options.holm = on;
    ImplicationResults results = model_->results();
    flagFailures(results, options);
    setResults(results);
    Q_EMIT optionsChanged(options);
  });

  model_ = new ImplicationsModel(this);
  table_ = detail::compactTable(model_, QStringLiteral("implicationsTable"), this);
  conventions_ = detail::noteLabel();

  auto* top = new QHBoxLayout;
  top->addWidget(summary_, 1);
  top->addWidget(holm_);
  top->addWidget(progress_);
  top->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addWidget(table_, 1);
  layout->addWidget(detail::scrollingNote(conventions_, 4));
  showIdle();
}

void ImplicationsPanel::showRunning() {
  progress_->setValue(0);
  progress_->show();
  cancel_->show();
  summary_->setText(tr("Testing implications…"));
}

void ImplicationsPanel::setProgress(int permille) { progress_->setValue(permille); }

void ImplicationsPanel::showIdle() {
  progress_->hide();
  cancel_->hide();
  if (!model_->results().rows.empty()) updateSummary();
}

void ImplicationsPanel::showMessage(const QString& message) { summary_->setText(message); }

void ImplicationsPanel::setResults(const ImplicationResults& results) {
  model_->setResults(results);
  table_->resizeColumnsToContents();
  const QSignalBlocker block(holm_);
  holm_->setChecked(results.options.holm);
  updateSummary();
}

void ImplicationsPanel::updateSummary() {
  const ImplicationResults& r = model_->results();
  if (r.rows.empty()) {
    summary_->setText(tr("The graph implies no conditional independencies (every pair of observed variables is adjacent)."));
    conventions_->clear();
    return;
  }
  const QString rule = r.options.holm ? tr("Holm-adjusted p < %1").arg(r.options.alpha) : tr("p < %1").arg(r.options.alpha);
  QString text = tr("%1 implications, %2 tested: ").arg(r.rows.size()).arg(r.testedCount());
  text += r.failingCount() == 0 ? tr("none violated (%1)").arg(rule)
                                : tr("<b>%1 violated</b> (%2)").arg(r.failingCount()).arg(rule);
  summary_->setText(text);
  conventions_->setText(QString::fromStdString(r.conventions) + tr("Flagged as violated when %1.").arg(rule));
}

}  // namespace causeway::ui
