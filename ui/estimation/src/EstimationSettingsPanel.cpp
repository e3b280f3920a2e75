#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "causeway/ui/estimation/CustomAdjustmentDialog.hpp"

namespace causeway::ui {
namespace {

constexpr int kCustomItem = -2;  // item data of "Custom…"

}  // namespace

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
  estimand_->setCurrentIndex(1);

  method_ = new QComboBox(this);
  for (auto m : offeredMethods())
    method_->addItem(QString::fromLatin1(estimation::displayName(m)), QString::fromLatin1(estimation::toString(m)));
  method_->addItem(tr("All methods"), QStringLiteral("all"));
  selectMethod(QStringLiteral("ipw"));

  adjustment_ = new QComboBox(this);
  adjustment_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  adjustment_->setMinimumContentsLength(24);
  connect(adjustment_, &QComboBox::activated, this, [this](int index) {
    if (adjustment_->itemData(index).toInt() == kCustomItem) chooseCustom();
  });

  replicates_ = new QSpinBox(this);
  replicates_->setRange(0, 10000);
  replicates_->setSingleStep(100);
  replicates_->setValue(200);
  replicates_->setSpecialValueText(tr("off"));
  replicates_->setToolTip(tr("Nonparametric bootstrap replicates for percentile intervals (0 = off)"));
  seed_ = new QSpinBox(this);
  seed_->setRange(1, 999999);
  seed_->setValue(1);

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
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(cancel_);
  buttons->addWidget(progress_, 1);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(title_);
  layout->addLayout(form);
  layout->addLayout(buttons);
  layout->addWidget(status_);
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

EstimationSettings EstimationSettingsPanel::settings() const {
  EstimationSettings s;
  s.exposure = question_.exposure;
  s.outcome = question_.outcome;
  s.estimand = static_cast<estimation::Estimand>(estimand_->currentData().toInt());
  const QString method = method_->currentData().toString();
  if (method == QLatin1String("all")) {
    s.methods = offeredMethods();
  } else if (auto m = estimation::parseMethod(method.toStdString())) {
    s.methods = {*m};
  }
  const int item = adjustment_->currentData().toInt();
  if (item == kCustomItem || item < 0) {
    s.adjustment = custom_;
    s.adjustmentLabel = "custom " + formatNodeSet(custom_);
  } else if (static_cast<std::size_t>(item) < question_.options.size()) {
    s.adjustment = question_.options[static_cast<std::size_t>(item)].nodes;
    s.adjustmentLabel = question_.options[static_cast<std::size_t>(item)].label;
  }
  s.bootstrapReplicates = replicates_->value();
  s.seed = static_cast<std::uint64_t>(seed_->value());
  return s;
}

void EstimationSettingsPanel::setQuestion(const AdjustmentQuestion& question) {
  // Keep the user's pick when the same set is still offered.
  const std::vector<std::string> previous = settings().adjustment;
  const bool wasCustom = adjustment_->currentData().toInt() == kCustomItem;
  question_ = question;
  title_->setText(question.ok() ? tr("Effect of %1 on %2").arg(QString::fromStdString(question.exposure),
                                                               QString::fromStdString(question.outcome))
                                : QString::fromStdString(question.problem));
  const QSignalBlocker block(adjustment_);
  adjustment_->clear();
  int keep = -1;
  for (std::size_t i = 0; i < question.options.size(); ++i) {
    adjustment_->addItem(QString::fromStdString(question.options[i].label), static_cast<int>(i));
    if (question.options[i].nodes == previous && keep < 0) keep = static_cast<int>(i);
  }
  if (question.ok()) {
    const QString customLabel = hasCustom_ ? tr("custom %1").arg(QString::fromStdString(formatNodeSet(custom_)))
                                           : tr("Custom…");
    adjustment_->addItem(customLabel, kCustomItem);
  }
  if (wasCustom && hasCustom_) adjustment_->setCurrentIndex(adjustment_->count() - 1);
  else adjustment_->setCurrentIndex(keep >= 0 ? keep : std::max(0, question.defaultIndex()));
  updateRunEnabled();
}

void EstimationSettingsPanel::setCustomAdjustment(const std::vector<std::string>& nodes) {
  custom_ = nodes;
  hasCustom_ = true;
  setQuestion(question_);
  adjustment_->setCurrentIndex(adjustment_->findData(kCustomItem));
}

void EstimationSettingsPanel::chooseCustom() {
  CustomAdjustmentDialog dialog(question_, hasCustom_ ? custom_ : settings().adjustment, this);
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

}  // namespace causeway::ui
