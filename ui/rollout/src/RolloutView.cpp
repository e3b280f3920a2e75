#include "causeway/ui/rollout/RolloutView.hpp"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSvgWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <type_traits>

#include "AttHeatTable.hpp"
#include "causeway/panel/ColumnGuess.hpp"
#include "causeway/panel/RolloutSettings.hpp"
#include "causeway/report/EventStudyPlotSvg.hpp"
#include "causeway/ui/rollout/CohortTrendChart.hpp"
#include "causeway/ui/rollout/CohortTrends.hpp"

namespace causeway::ui {

namespace {

// The verdict's colours (issue 11): supported, fragile, not supported.
constexpr const char* kSupported = "#1e7b34";
constexpr const char* kFragile = "#a66a00";
constexpr const char* kNotSupported = "#b3261e";

void selectText(QComboBox* box, const std::string& text) {
  const int index = box->findText(QString::fromStdString(text));
  if (index >= 0) box->setCurrentIndex(index);
}

const char* checkMark(panel::RolloutCheckStatus status) {
  switch (status) {
    case panel::RolloutCheckStatus::Pass: return "\u2714";
    case panel::RolloutCheckStatus::Warn: return "\u26a0";
    case panel::RolloutCheckStatus::Fail: return "\u2718";
    case panel::RolloutCheckStatus::NotRun: break;
  }
  return "\u2013";
}

}  // namespace

RolloutView::RolloutView(QWidget* parent) : QWidget(parent) {
  // Two label-field pairs a row, so the charts keep most of the dock's height.
  auto* form = new QGridLayout;
  unit_ = new QComboBox(this);
  time_ = new QComboBox(this);
  cohortKind_ = new QComboBox(this);
  cohortKind_->addItems({tr("First treated period"), tr("Treated now (0/1)")});
  cohort_ = new QComboBox(this);
  outcome_ = new QComboBox(this);
  control_ = new QComboBox(this);
  control_->addItems({QStringLiteral("never-treated"), QStringLiteral("not-yet-treated")});
  method_ = new QComboBox(this);
  method_->addItems({QStringLiteral("dr"), QStringLiteral("regression"), QStringLiteral("ipw")});
  period_ = new QLineEdit(this);
  period_->setPlaceholderText(tr("e.g. 5min; empty: as in the data"));
  covariateLabel_ = new QLabel(tr("No covariates: the waves are assumed to trend like their controls."), this);
  covariateLabel_->setWordWrap(true);
  auto* cohortRow = new QHBoxLayout;
  cohortRow->addWidget(cohortKind_);
  cohortRow->addWidget(cohort_, 1);
  const auto pair = [this, form](int row, int column, const QString& label, auto* field) {
    form->addWidget(new QLabel(label, this), row, 2 * column);
    if constexpr (std::is_base_of_v<QLayout, std::remove_pointer_t<decltype(field)>>) form->addLayout(field, row, 2 * column + 1);
    else form->addWidget(field, row, 2 * column + 1);
  };
  pair(0, 0, tr("Unit"), unit_);
  pair(0, 1, tr("Time"), time_);
  pair(1, 0, tr("Outcome"), outcome_);
  pair(1, 1, tr("Period"), period_);
  form->addWidget(new QLabel(tr("Rollout"), this), 2, 0);
  form->addLayout(cohortRow, 2, 1, 1, 3);
  pair(3, 0, tr("Compare with"), control_);
  pair(3, 1, tr("Estimator"), method_);
  form->addWidget(covariateLabel_, 4, 0, 1, 4);
  form->setColumnStretch(1, 1);
  form->setColumnStretch(3, 1);

  runButton_ = new QPushButton(tr("Run rollout analysis"), this);
  cancelButton_ = new QPushButton(tr("Cancel"), this);
  cancelButton_->setEnabled(false);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(runButton_);
  buttons->addWidget(cancelButton_);
  buttons->addWidget(progress_, 1);

  headline_ = new QLabel(tr("Load panel data (one row per unit and period) and run."), this);
  headline_->setWordWrap(true);
  preTrend_ = new QLabel(this);
  preTrend_->setWordWrap(true);
  // The three charts share one tab area, so each gets the dock's full height.
  charts_ = new QTabWidget(this);
  cohortChart_ = new detail::CohortTrendChart(charts_);
  auto* eventPage = new QWidget(charts_);
  plot_ = new QSvgWidget(eventPage);
  plot_->setMinimumHeight(160);
  twfe_ = new QLabel(eventPage);
  twfe_->setWordWrap(true);
  auto* eventLayout = new QVBoxLayout(eventPage);
  eventLayout->setContentsMargins(0, 0, 0, 0);
  eventLayout->addWidget(plot_, 1);
  eventLayout->addWidget(twfe_);
  auto* heatPage = new QWidget(charts_);
  heat_ = new QTableWidget(heatPage);
  heat_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  heat_->setMinimumHeight(120);
  auto* heatLayout = new QVBoxLayout(heatPage);
  heatLayout->setContentsMargins(0, 0, 0, 0);
  auto* heatCaption = new QLabel(tr("One row per wave, one column per period (pre-periods in italics)"), heatPage);
  heatCaption->setWordWrap(true);
  heatLayout->addWidget(heatCaption);
  heatLayout->addWidget(heat_, 1);
  charts_->addTab(cohortChart_, tr("Outcome by cohort"));
  charts_->addTab(eventPage, tr("Event study"));
  charts_->addTab(heatPage, tr("ATT(g, t)"));

  // In a scroll area: a short dock scrolls instead of squeezing the charts (or the window).
  auto* content = new QWidget;
  auto* layout = new QVBoxLayout(content);
  // The choices fold away after a run (the toggle then summarises them), leaving the charts room.
  optionsToggle_ = new QToolButton(content);
  optionsToggle_->setCheckable(true);
  optionsToggle_->setChecked(true);
  optionsToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  optionsToggle_->setArrowType(Qt::DownArrow);
  optionsToggle_->setAutoRaise(true);
  optionsToggle_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
  optionsToggle_->setText(tr("Columns and options"));
  auto* options = new QWidget(content);
  options->setLayout(form);
  form->setContentsMargins(0, 0, 0, 0);
  connect(optionsToggle_, &QToolButton::toggled, options, [this, options](bool open) {
    options->setVisible(open);
    optionsToggle_->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
  });
  layout->addWidget(optionsToggle_);
  layout->addWidget(options);
  layout->addLayout(buttons);
  layout->addWidget(headline_);
  layout->addWidget(preTrend_);
  layout->addWidget(charts_, 1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setWidget(content);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);

  connect(runButton_, &QPushButton::clicked, this, &RolloutView::run);
  connect(cancelButton_, &QPushButton::clicked, this, &RolloutView::cancel);
  connect(&watcher_, &QFutureWatcherBase::progressValueChanged, progress_, &QProgressBar::setValue);
  connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
    runButton_->setEnabled(true);
    cancelButton_->setEnabled(false);
    const auto future = watcher_.future();
    if (future.isCanceled() || future.resultCount() == 0) {
      showFailure(tr("Cancelled."));
      return;
    }
    const auto& result = future.result();
    if (result.ok()) showOutcome(result.value());
    else showFailure(QString::fromStdString(result.error().describe()));
  });
}

RolloutView::~RolloutView() {
  if (running()) {
    auto future = watcher_.future();
    cancelRun(cancel_, future);
    future.waitForFinished();
  }
}

bool RolloutView::running() const { return watcher_.isRunning(); }

void RolloutView::setData(std::shared_ptr<const data::Dataset> dataset) {
  data_ = std::move(dataset);
  fillChoices();
}

void RolloutView::setCovariates(const std::vector<std::string>& columns, const QString& source) {
  covariates_ = columns;
  covariateSource_ = source;
  showCovariates();
}

void RolloutView::showCovariates() {
  // A project that lists its covariates keeps them; otherwise the diagram's set is used.
  const bool listed = saved_ && !saved_->covariatesFromModel && !saved_->covariates.empty();
  QString names;
  if (listed)
    for (const auto& c : saved_->covariates) names += (names.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(c);
  const QString source = listed ? tr("the project's covariates {%1}").arg(names) : covariateSource_;
  const bool none = listed ? false : covariates_.empty();
  if (source.isEmpty())
    covariateLabel_->setText(tr("No covariates: the waves are assumed to trend like their controls."));
  else
    covariateLabel_->setText(none ? tr("None needed (%1): the waves are assumed to trend like their controls.").arg(source)
                                  : tr("%1, at their values before each comparison: parallel trends are assumed given them.")
                                        .arg(source));
}

void RolloutView::setSettings(const panel::RolloutSettings& settings) {
  saved_ = settings;
  applySaved();
  showCovariates();
}

void RolloutView::reset() {
  if (running()) {
    auto future = watcher_.future();
    cancelRun(cancel_, future);
    future.waitForFinished();
  }
  saved_.reset();
  ran_ = false;
  control_->setCurrentIndex(0);
  method_->setCurrentIndex(0);
  period_->clear();
  fillChoices();  // back to the guesses from the data's columns
  showCovariates();
  headline_->setText(tr("Load panel data (one row per unit and period) and run."));
  preTrend_->clear();
  twfe_->clear();
  heat_->clear();
  heat_->setRowCount(0);
  heat_->setColumnCount(0);
  cohortChart_->setTrends({}, {}, QString());
  plot_->load(QByteArray());
}

void RolloutView::applySaved() {
  if (!saved_ || !data_) return;
  const auto& s = *saved_;
  selectText(unit_, s.unit);
  selectText(time_, s.time);
  selectText(outcome_, s.outcome);
  cohortKind_->setCurrentIndex(s.cohort.empty() && !s.treated.empty() ? 1 : 0);
  selectText(cohort_, s.cohort.empty() ? s.treated : s.cohort);
  selectText(control_, s.control);
  selectText(method_, s.method);
  period_->setText(QString::fromStdString(s.period));
}

panel::RolloutSettings RolloutView::settings() const {
  // What the panel does not show (anticipation, bootstrap, seed, …) stays as the project had it.
  panel::RolloutSettings s = saved_.value_or(panel::RolloutSettings{});
  s.unit = unit_->currentText().toStdString();
  s.time = time_->currentText().toStdString();
  s.cohort.clear();
  s.treated.clear();
  (cohortKind_->currentIndex() == 0 ? s.cohort : s.treated) = cohort_->currentText().toStdString();
  s.outcome = outcome_->currentText().toStdString();
  s.control = control_->currentText().toStdString();
  s.method = method_->currentText().toStdString();
  s.period = period_->text().trimmed().toStdString();
  if (!saved_ || saved_->covariatesFromModel || saved_->covariates.empty()) {
    s.covariatesFromModel = true;
    s.covariates.clear();
  }
  return s;
}

void RolloutView::fillChoices() {
  for (auto* box : {unit_, time_, cohort_, outcome_}) box->clear();
  if (!data_) return;
  for (const auto& name : data_->columnNames())
    for (auto* box : {unit_, time_, cohort_, outcome_}) box->addItem(QString::fromStdString(name));
  const auto guess = panel::guessRolloutColumns(*data_);
  selectText(unit_, guess.unit);
  selectText(time_, guess.time);
  selectText(outcome_, guess.outcome);
  cohortKind_->setCurrentIndex(guess.cohort.empty() && !guess.treated.empty() ? 1 : 0);
  selectText(cohort_, guess.cohort.empty() ? guess.treated : guess.cohort);
  // Timestamps every few seconds are binned; 5 minutes is the telemetry default of the issue.
  if (const auto index = data_->indexOf(guess.time); index && data_->column(*index).isCategorical() && period_->text().isEmpty())
    period_->setText(QStringLiteral("5min"));
  applySaved();
}

void RolloutView::run() {
  if (!data_ || running()) return;
  panel::RolloutSettings settings = this->settings();
  if (settings.covariatesFromModel) settings.covariates = covariates_;
  settings.covariatesFromModel = false;
  ran_ = true;
  auto plan = panel::planRollout(settings);
  if (!plan) {
    showFailure(QString::fromStdString(plan.error().message));
    return;
  }
  cancel_ = CancelHandle{};
  runButton_->setEnabled(false);
  cancelButton_->setEnabled(true);
  progress_->setValue(0);
  headline_->setText(tr("Running…"));
  watcher_.setFuture(runJob<Result<Outcome>>(cancel_, [dataset = data_, plan = std::move(plan).value()](const Progress& progress) -> Result<Outcome> {
    auto built = panel::buildPanel(*dataset, plan.spec);
    if (!built) return built.error();
    // The main run fills the bar to 90%, the control-group check the rest.
    const Progress main(progress.stopToken(), [&progress](double f) { progress.report(0.9 * f); });
    auto result = panel::runRollout(*built, plan.options, main);
    if (!result) return result.error();
    const Progress check(progress.stopToken(), [&progress](double f) { progress.report(0.9 + 0.1 * f); });
    auto answer = panel::answerRollout(*result, *built, plan.spec.outcome, check);
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
    return Outcome{std::move(built).value(), std::move(result).value(), std::move(answer)};
  }));
}

void RolloutView::cancel() {
  if (!running()) return;
  auto future = watcher_.future();
  cancelRun(cancel_, future);
}

void RolloutView::showOutcome(const Outcome& outcome) {
  optionsToggle_->setText(tr("Options: %1 by %2, %3, %4").arg(outcome_->currentText(), unit_->currentText(),
                                                                 control_->currentText(), method_->currentText()));
  optionsToggle_->setToolTip(tr("%1 per %2 over %3, rollout from %4, compared with the %5 units (%6 estimator)")
                                 .arg(outcome_->currentText(), unit_->currentText(), time_->currentText(),
                                      cohort_->currentText(), control_->currentText(), method_->currentText()));
  optionsToggle_->setChecked(false);
  const auto& r = outcome.result;
  const auto& verdict = outcome.answer;
  // On a dark palette the verdict's colours are lightened to stay readable.
  const bool dark = palette().color(QPalette::Window).lightness() < 128;
  const char* colour = verdict.level == panel::RolloutLevel::Supported
                           ? (dark ? "#6cc884" : kSupported)
                           : (verdict.level == panel::RolloutLevel::Fragile ? (dark ? "#f0b548" : kFragile)
                                                                            : (dark ? "#f28b82" : kNotSupported));
  const QString level = verdict.level == panel::RolloutLevel::Supported
                            ? tr("Supported")
                            : (verdict.level == panel::RolloutLevel::Fragile ? tr("Fragile") : tr("Not supported"));
  headline_->setText(QStringLiteral("<span style=\"color:%1\"><b>%3.</b> %2</span>")
                         .arg(QLatin1String(colour), QString::fromStdString(verdict.sentence).toHtmlEscaped(), level));
  QStringList checks;
  for (const auto& check : verdict.checks)
    checks << QStringLiteral("%1 <b>%2</b>: %3")
                  .arg(QString::fromUtf8(checkMark(check.status)), QString::fromStdString(check.name),
                       QString::fromStdString(check.explanation).toHtmlEscaped());
  preTrend_->setText(checks.join(QStringLiteral("<br>")));
  // Beside the event study it departs from, not among the checks.
  twfe_->setText(r.twfe && !r.twfe->warning.empty()
                     ? tr("Not the answer: the two-way fixed-effects regression (%1) weights %2 treated cells negatively.")
                           .arg(r.twfe->staticEstimate, 0, 'f', 3)
                           .arg(r.twfe->negativeWeights)
                     : QString());
  std::vector<QString> labels;
  for (int t = 0; t < outcome.panel.periods(); ++t) labels.push_back(QString::fromStdString(outcome.panel.periodLabel(t)));
  cohortChart_->setTrends(cohortTrends(outcome.panel), std::move(labels), outcome_->currentText());
  plot_->load(QByteArray::fromStdString(report::renderEventStudySvg(r.aggregates, panel::periodWord(outcome.panel) + "s")));
  detail::fillAttHeatTable(*heat_, r.groupTime, outcome.panel);
  Q_EMIT finished(true);
}

void RolloutView::showFailure(const QString& message) {
  headline_->setText(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(QLatin1String(kNotSupported), message.toHtmlEscaped()));
  preTrend_->clear();
  Q_EMIT finished(false);
}

}  // namespace causeway::ui
