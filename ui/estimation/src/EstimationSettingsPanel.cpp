#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

#include <algorithm>
#include <limits>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "causeway/study/Defaults.hpp"
#include "causeway/ui/estimation/CustomAdjustmentDialog.hpp"

namespace causeway::ui {
namespace {

constexpr int kCustomItem = -2;  // item data of "Custom…"
constexpr int kAutoItem = -3;    // item data of "Automatic": the study picks the set, as the CLI does

QString automaticTreated() { return QObject::tr("Automatic"); }

}  // namespace

project::AnalysisSettings EstimationSettings::defaultAnalysis() {
  project::AnalysisSettings a;
  a.estimand = estimation::toString(study::defaults::kEstimand);
  a.methods.clear();
  for (auto m : study::defaults::methods()) a.methods.emplace_back(estimation::toString(m));
  a.bootstrap = study::defaults::kBootstrapReplicates;
  a.seed = study::defaults::kSeed;
  return a;
}

std::vector<estimation::Method> offeredMethods() {
  return {estimation::Method::RegressionAdjustment, estimation::Method::Ipw, estimation::Method::Matching,
          estimation::Method::Aipw, estimation::Method::GComputation, estimation::Method::DifferenceInMeans};
}

EstimationSettingsPanel::EstimationSettingsPanel(QWidget* parent) : QWidget(parent) {
  title_ = new QLabel(this);
  title_->setWordWrap(true);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);

  estimand_ = new QComboBox(this);
  for (auto e : {estimation::Estimand::ATE, estimation::Estimand::ATT, estimation::Estimand::ATC,
                 estimation::Estimand::ATO})
    estimand_->addItem(QString::fromLatin1(estimation::toString(e)), static_cast<int>(e));
  estimand_->setItemData(0, tr("Average effect over all units"), Qt::ToolTipRole);
  estimand_->setItemData(1, tr("Average effect on the treated"), Qt::ToolTipRole);
  estimand_->setItemData(2, tr("Average effect on the controls"), Qt::ToolTipRole);
  estimand_->setItemData(3, tr("Average effect in the overlap population (weights e(1 − e))"), Qt::ToolTipRole);
  selectEstimand(study::defaults::kEstimand);

  method_ = new QComboBox(this);
  for (auto m : offeredMethods())
    method_->addItem(QString::fromLatin1(estimation::displayName(m)), QString::fromLatin1(estimation::toString(m)));
  method_->addItem(tr("All methods"), QStringLiteral("all"));
  selectMethods(kept_.methods);

  adjustment_ = new QComboBox(this);
  adjustment_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  adjustment_->setMinimumContentsLength(24);
  connect(adjustment_, &QComboBox::activated, this, [this](int index) {
    if (adjustment_->itemData(index).toInt() == kCustomItem) chooseCustom();
  });

  replicates_ = new QSpinBox(this);
  replicates_->setRange(0, project::kMaxBootstrapReplicates);  // any value a project may hold
  replicates_->setSingleStep(100);
  replicates_->setValue(study::defaults::kBootstrapReplicates);
  replicates_->setSpecialValueText(tr("off"));
  replicates_->setToolTip(tr("Nonparametric bootstrap replicates for percentile intervals (0 = off)"));
  seed_ = new QSpinBox(this);
  seed_->setRange(0, std::numeric_limits<int>::max());
  seed_->setValue(static_cast<int>(study::defaults::kSeed));

  // Editable: a value typed before the data are loaded (or not among them) is kept as typed.
  treatedValue_ = new QComboBox(this);
  treatedValue_->setEditable(true);
  treatedValue_->setInsertPolicy(QComboBox::NoInsert);
  treatedValue_->addItem(automaticTreated());
  treatedValue_->setToolTip(tr("The exposure value that means \"treated\", as written in the data. Automatic: 1 of "
                               "0/1, or the first of a known pair (yes/no, treated/untreated, ...)."));
  matchingOrder_ = new QComboBox(this);
  matchingOrder_->addItem(tr("Greedy nearest neighbour (default)"), QString::fromLatin1(project::kMatchingOrderGreedy));
  matchingOrder_->addItem(tr("MatchIt 4.5.1 order"), QString::fromLatin1(project::kMatchingOrderMatchIt));
  matchingOrder_->setToolTip(tr("Order in which treated units pick their nearest control in propensity matching. "
                                "MatchIt order reproduces R MatchIt 4.5.1's matches and estimate."));

  run_ = new QPushButton(tr("Run Estimation"), this);
  run_->setDefault(true);
  cancel_ = new QPushButton(tr("Cancel"), this);
  progress_ = new QProgressBar(this);
  progress_->setRange(0, 1000);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  connect(run_, &QPushButton::clicked, this, [this] { Q_EMIT runRequested(settings()); });
  connect(cancel_, &QPushButton::clicked, this, &EstimationSettingsPanel::cancelRequested);

  auto* form = new QFormLayout;
  form->addRow(tr("Estimand"), estimand_);
  form->addRow(tr("Method"), method_);
  form->addRow(tr("Adjust for"), adjustment_);
  auto* bootRow = new QHBoxLayout;
  bootRow->addWidget(replicates_, 1);
  bootRow->addWidget(new QLabel(tr("seed"), this));
  bootRow->addWidget(seed_, 1);
  form->addRow(tr("Bootstrap"), bootRow);
  form->addRow(tr("Treated value"), treatedValue_);
  form->addRow(tr("Matching order"), matchingOrder_);
  inDatabase_ = new QCheckBox(tr("Analyse in the database"), this);
  inDatabase_->setObjectName(QStringLiteral("runInDatabase"));
  inDatabase_->setEnabled(false);
  inDatabase_->setToolTip(tr("For data read from a database: fit the propensity model, the estimates (all methods but "
                             "matching), balance and overlap by aggregate queries there; only sums leave it. The verdict "
                             "runs every check but the refutations, which need the rows."));
  form->addRow(tr("Where"), inDatabase_);
  connect(inDatabase_, &QCheckBox::clicked, this, &EstimationSettingsPanel::inDatabaseSwitched);
  // Run / Cancel / progress / status live in their own strip, which the estimation panel keeps
  // in view under its result tabs.
  runBar_ = new QWidget(this);
  auto* buttons = new QHBoxLayout;
  buttons->setContentsMargins(0, 0, 0, 0);
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  buttons->addWidget(progress_, 1);
  auto* bar = new QVBoxLayout(runBar_);
  bar->setContentsMargins(0, 0, 0, 0);
  bar->addLayout(buttons);
  bar->addWidget(status_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(title_);
  layout->addLayout(form);
  layout->addWidget(runBar_);
  layout->addStretch(1);
  showIdle({});
  setQuestion({});
}

bool EstimationSettingsPanel::selectMethod(const QString& key) {
  const int index = method_->findData(key);
  if (index < 0) return false;
  method_->setCurrentIndex(index);
  return true;
}

bool EstimationSettingsPanel::selectEstimand(estimation::Estimand estimand) {
  const int index = estimand_->findData(static_cast<int>(estimand));
  if (index < 0) return false;
  estimand_->setCurrentIndex(index);
  return true;
}

void EstimationSettingsPanel::selectMethods(const std::vector<std::string>& names) {
  std::vector<std::string> all;
  for (auto m : estimation::allMethods()) all.emplace_back(estimation::toString(m));
  if (names.size() == 1 && selectMethod(QString::fromStdString(names.front()))) return;
  // "All" runs the core's order; the same methods in another order keep their own item, so the
  // estimates come out in the project's order, as the CLI prints them.
  if (names == all && selectMethod(QStringLiteral("all"))) return;
  // Another list (a project's): one item that runs exactly it, in its order.
  QStringList keys, labels;
  for (const auto& name : names) {
    keys << QString::fromStdString(name);
    const auto m = estimation::parseMethod(name);
    labels << (m ? QString::fromLatin1(estimation::displayName(*m)) : QString::fromStdString(name));
  }
  const QString key = keys.join(QLatin1Char(','));
  if (!selectMethod(key)) {
    method_->addItem(labels.join(QStringLiteral(", ")), key);
    selectMethod(key);
  }
}

void EstimationSettingsPanel::setAnalysis(const project::AnalysisSettings& analysis) {
  kept_ = analysis;
  if (auto estimand = estimation::parseEstimand(analysis.estimand)) selectEstimand(*estimand);
  selectMethods(analysis.methods);
  replicates_->setValue(std::clamp(analysis.bootstrap, replicates_->minimum(), replicates_->maximum()));
  seed_->setValue(static_cast<int>(std::min<std::uint64_t>(analysis.seed, static_cast<std::uint64_t>(seed_->maximum()))));
  treatedValue_->setCurrentText(analysis.treatedValue ? QString::fromStdString(*analysis.treatedValue) : automaticTreated());
  const QString order = QString::fromStdString(analysis.matchingOrder);
  // An unknown order stays as read, so the run reports it (study::studySpec) instead of hiding it.
  if (matchingOrder_->findData(order) < 0) matchingOrder_->addItem(order, order);
  matchingOrder_->setCurrentIndex(matchingOrder_->findData(order));
  if (analysis.adjustmentSet) {
    setCustomAdjustment(*analysis.adjustmentSet);
  } else {
    hasCustom_ = false;
    setQuestion(question_);
    adjustment_->setCurrentIndex(std::max(0, adjustment_->findData(kAutoItem)));
  }
}

EstimationSettings EstimationSettingsPanel::settings() const {
  EstimationSettings s;
  s.exposure = question_.exposure;
  s.outcome = question_.outcome;
  s.analysis = kept_;
  s.analysis.estimand = estimation::toString(static_cast<estimation::Estimand>(estimand_->currentData().toInt()));
  const QString method = method_->currentData().toString();
  s.analysis.methods.clear();
  if (method == QLatin1String("all")) {
    for (auto m : estimation::allMethods()) s.analysis.methods.emplace_back(estimation::toString(m));
  } else {
    for (const QString& key : method.split(QLatin1Char(','), Qt::SkipEmptyParts)) s.analysis.methods.push_back(key.toStdString());
  }
  const int item = adjustment_->currentData().toInt();
  if (item == kAutoItem) {
    s.analysis.adjustmentSet.reset();
    s.adjustmentLabel = "automatic";
  } else if (item == kCustomItem || item < 0) {
    s.analysis.adjustmentSet = custom_;
    s.adjustmentLabel = "custom " + formatNodeSet(custom_);
  } else if (static_cast<std::size_t>(item) < question_.options.size()) {
    s.analysis.adjustmentSet = question_.options[static_cast<std::size_t>(item)].nodes;
    s.adjustmentLabel = question_.options[static_cast<std::size_t>(item)].label;
  }
  s.analysis.bootstrap = replicates_->value();
  s.analysis.seed = static_cast<std::uint64_t>(seed_->value());
  const QString treated = treatedValue_->currentText().trimmed();
  if (treated.isEmpty() || treated == automaticTreated()) s.analysis.treatedValue.reset();
  else s.analysis.treatedValue = treated.toStdString();
  s.analysis.matchingOrder = matchingOrder_->currentData().toString().toStdString();
  return s;
}

void EstimationSettingsPanel::setQuestion(const AdjustmentQuestion& question) {
  // Keep the user's pick when the same set is still offered.
  const std::vector<std::string> previous = settings().analysis.adjustmentSet.value_or(std::vector<std::string>{});
  const bool wasCustom = adjustment_->currentData().toInt() == kCustomItem;
  const bool wasAuto = adjustment_->count() == 0 || adjustment_->currentData().toInt() == kAutoItem;
  question_ = question;
  title_->setText(question.ok() ? tr("Effect of %1 on %2").arg(QString::fromStdString(question.exposure),
                                                               QString::fromStdString(question.outcome))
                                : QString::fromStdString(question.problem));
  const QSignalBlocker block(adjustment_);
  adjustment_->clear();
  int keep = -1;
  if (question.ok())
    adjustment_->addItem(tr("Automatic: first minimal set in the data"), kAutoItem);
  for (std::size_t i = 0; i < question.options.size(); ++i) {
    adjustment_->addItem(QString::fromStdString(question.options[i].label), static_cast<int>(i));
    if (!wasAuto && question.options[i].nodes == previous && keep < 0) keep = adjustment_->count() - 1;
  }
  if (question.ok()) {
    const QString customLabel = hasCustom_ ? tr("custom %1").arg(QString::fromStdString(formatNodeSet(custom_)))
                                           : tr("Custom…");
    adjustment_->addItem(customLabel, kCustomItem);
  }
  if (wasCustom && hasCustom_) adjustment_->setCurrentIndex(adjustment_->count() - 1);
  else adjustment_->setCurrentIndex(keep >= 0 ? keep : 0);
  updateRunEnabled();
}

void EstimationSettingsPanel::setTreatedChoices(const std::vector<std::string>& values) {
  const QString text = treatedValue_->currentText();
  const QSignalBlocker block(treatedValue_);
  treatedValue_->clear();
  treatedValue_->addItem(automaticTreated());
  for (const auto& value : values) treatedValue_->addItem(QString::fromStdString(value));
  treatedValue_->setCurrentText(text);
}

void EstimationSettingsPanel::setCustomAdjustment(const std::vector<std::string>& nodes) {
  custom_ = nodes;
  hasCustom_ = true;
  setQuestion(question_);
  adjustment_->setCurrentIndex(adjustment_->findData(kCustomItem));
}

void EstimationSettingsPanel::chooseCustom() {
  CustomAdjustmentDialog dialog(question_, hasCustom_ ? custom_ : settings().analysis.adjustmentSet.value_or(std::vector<std::string>{}), this);
  if (dialog.exec() == QDialog::Accepted) {
    setCustomAdjustment(dialog.selectedNodes());
  } else if (!hasCustom_) {
    setQuestion(question_);  // back to the previous pick
  }
}

void EstimationSettingsPanel::setReadiness(bool ready, const QString& why) {
  ready_ = ready;
  // A finished run's message stays until there is a reason not to run.
  if (!running_ && (!why.isEmpty() || !ready)) {
    status_->setText(why);
    status_->setVisible(!why.isEmpty());
  }
  updateRunEnabled();
}

void EstimationSettingsPanel::updateRunEnabled() {
  run_->setEnabled(ready_ && question_.ok() && !running_);
  run_->setToolTip(run_->isEnabled() ? QString() : status_->text());
}

void EstimationSettingsPanel::showRunning(const QString& what) {
  running_ = true;
  progress_->setValue(0);
  progress_->show();
  cancel_->show();
  cancel_->setEnabled(true);
  status_->setText(what);
  status_->setVisible(!what.isEmpty());
  updateRunEnabled();
}

void EstimationSettingsPanel::setProgress(int permille) { progress_->setValue(permille); }

void EstimationSettingsPanel::showIdle(const QString& message) {
  running_ = false;
  progress_->hide();
  cancel_->hide();
  status_->setText(message);
  status_->setVisible(!message.isEmpty());
  updateRunEnabled();
}

void EstimationSettingsPanel::setDatabaseAvailable(bool available) { inDatabase_->setEnabled(available); }
void EstimationSettingsPanel::setInDatabase(bool on) { inDatabase_->setChecked(on); }
bool EstimationSettingsPanel::inDatabaseChecked() const { return inDatabase_->isChecked(); }
bool EstimationSettingsPanel::runsInDatabase() const { return inDatabase_->isEnabled() && inDatabase_->isChecked(); }

}  // namespace causeway::ui
