#include "causeway/ui/sensitivity/SensitivityView.hpp"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "causeway/ui/sensitivity/ContourPlotWidget.hpp"

namespace causeway::ui {

namespace {

QString num(double v) { return QString::number(v, 'g', 4); }
QString pct(double v) { return QString::number(100.0 * v, 'f', 1) + QLatin1Char('%'); }
QString ci(double lo, double hi) { return QStringLiteral("[%1, %2]").arg(num(lo), num(hi)); }

QTableWidget* table(const QStringList& header, QWidget* parent) {
  auto* t = new QTableWidget(0, static_cast<int>(header.size()), parent);
  t->setHorizontalHeaderLabels(header);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->verticalHeader()->hide();
  t->horizontalHeader()->setStretchLastSection(true);
  t->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  return t;
}

void addRow(QTableWidget* t, const QStringList& cells) {
  const int row = t->rowCount();
  t->insertRow(row);
  for (int c = 0; c < cells.size(); ++c) t->setItem(row, c, new QTableWidgetItem(cells[c]));
}

QLabel* wrapped(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

}  // namespace

SensitivityView::SensitivityView(QWidget* parent) : QWidget(parent) {
  auto* content = new QWidget;
  auto* layout = new QVBoxLayout(content);
  sentence_ = wrapped(content);
  plotChoice_ = new QComboBox(content);
  plotChoice_->addItems({tr("Adjusted estimate"), tr("Adjusted t-value"), tr("Extreme scenarios")});
  plot_ = new ContourPlotWidget(content);
  bounds_ = table({tr("benchmark"), tr("kD"), tr("kY"), tr("R²D~Z|X"), tr("R²Y~Z|D,X"), tr("adjusted estimate"),
                   tr("adjusted t"), tr("adjusted CI")},
                  content);
  notes_ = wrapped(content);
  rosenbaumLabel_ = wrapped(content);
  rosenbaum_ = table({tr("Γ"), tr("p upper")}, content);
  controls_ = table({tr("negative-control outcome"), tr("expected zero"), tr("estimate"), tr("95% CI"), tr("why")}, content);
  calibration_ = wrapped(content);
  for (QWidget* w : std::initializer_list<QWidget*>{sentence_, plotChoice_, plot_, bounds_, notes_, rosenbaumLabel_, rosenbaum_,
                                                    controls_, calibration_})
    layout->addWidget(w);
  layout->addStretch();
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setWidget(content);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);
  connect(plotChoice_, &QComboBox::currentIndexChanged, this, &SensitivityView::showPlot);
  clear(tr("Run an estimate to see how strong an unmeasured confounder would have to be."));
}

void SensitivityView::clear(const QString& why) {
  current_ = {};
  sentence_->setText(why);
  plot_->clear();
  for (QTableWidget* t : {bounds_, rosenbaum_, controls_}) {
    t->setRowCount(0);
    t->hide();
  }
  notes_->hide();
  rosenbaumLabel_->hide();
  calibration_->hide();
}

void SensitivityView::setSensitivity(const study::StudySensitivity& s) {
  clear({});
  current_ = s;
  if (s.ols) {
    sentence_->setText(QString::fromStdString(study::robustnessSentence(*s.ols)));
    QStringList notes;
    for (const auto& note : s.ols->notes) notes << QString::fromStdString(note);
    notes_->setText(notes.join(QStringLiteral("\n\n")));
    notes_->setVisible(!notes.isEmpty());
    for (const auto& b : s.ols->bounds)
      addRow(bounds_, {QString::fromStdString(b.benchmark), num(b.kd), num(b.ky), pct(b.adjusted.r2dz), pct(b.adjusted.r2yz),
                       num(b.adjusted.estimate), num(b.adjusted.t), ci(b.adjusted.ciLow, b.adjusted.ciHigh)});
    bounds_->setVisible(bounds_->rowCount() > 0);
  } else {
    sentence_->setText(tr("The omitted-variable-bias analysis could not run: %1").arg(QString::fromStdString(s.olsProblem)));
  }
  if (s.rosenbaum) {
    const auto& r = *s.rosenbaum;
    rosenbaumLabel_->setText(r.gammaCritical ? tr("Rosenbaum bounds on %1 matched pairs: significance at 5% is lost at Γ = %2.")
                                                   .arg(r.nonZeroPairs)
                                                   .arg(num(*r.gammaCritical))
                                             : tr("Rosenbaum bounds on %1 matched pairs: significant at 5% for every Γ up to 1000.")
                                                   .arg(r.nonZeroPairs));
    for (const auto& row : r.rows) addRow(rosenbaum_, {num(row.gamma), num(row.pUpper)});
    rosenbaumLabel_->show();
    rosenbaum_->show();
  }
  const auto& nc = s.negativeControls;
  for (const auto& o : nc.outcomes)
    addRow(controls_, {QString::fromStdString(o.node), o.expectedZero ? tr("yes") : tr("no"),
                       o.estimate ? num(o.estimate->estimate) : QString(),
                       o.estimate ? ci(o.estimate->ciLow, o.estimate->ciHigh) : QString::fromStdString(o.problem),
                       QString::fromStdString(o.explanation)});
  controls_->setVisible(controls_->rowCount() > 0);
  if (nc.calibration) {
    calibration_->setText(tr("Calibrated against the negative controls: p = %1, 95% CI %2 (systematic error mean %3, SD %4).")
                              .arg(num(nc.calibration->p), ci(nc.calibration->ciLow, nc.calibration->ciHigh),
                                   num(nc.calibration->error.mu), num(nc.calibration->error.sigma)));
    calibration_->show();
  } else if (!nc.calibrationNote.empty()) {
    calibration_->setText(QString::fromStdString(nc.calibrationNote));
    calibration_->show();
  }
  showPlot();
}

void SensitivityView::showPlot() {
  if (!current_.ols) {
    plot_->clear();
    return;
  }
  const auto& plots = current_.ols->plots;
  switch (plotChoice_->currentIndex()) {
    case 1: plot_->setPlot(plots.t, plots.benchmarks, true); break;
    case 2: plot_->setExtreme(plots.extreme); break;
    default: plot_->setPlot(plots.estimate, plots.benchmarks, false);
  }
}

}  // namespace causeway::ui
