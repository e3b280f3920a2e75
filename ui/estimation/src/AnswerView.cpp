#include "causeway/ui/estimation/AnswerView.hpp"

#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

#include "PanelWidgets.hpp"
#include "causeway/ui/estimation/NumberFormat.hpp"

namespace causeway::ui {
namespace {

QLabel* wrapped(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

// Colours that read on light and dark backgrounds alike.
QString levelColour(study::VerdictLevel level) {
  switch (level) {
    case study::VerdictLevel::Supported: return QStringLiteral("#2e9d4f");
    case study::VerdictLevel::Fragile: return QStringLiteral("#d08a12");
    case study::VerdictLevel::NotSupported: return QStringLiteral("#d0433a");
  }
  return {};
}

QString statusMark(study::CheckStatus status) {
  switch (status) {
    case study::CheckStatus::Pass: return QStringLiteral("<span style='color:#2e9d4f'>✔</span>");
    case study::CheckStatus::Warn: return QStringLiteral("<span style='color:#d08a12'>▲</span>");
    case study::CheckStatus::Fail: return QStringLiteral("<span style='color:#d0433a'>✖</span>");
    case study::CheckStatus::NotRun: return QStringLiteral("–");
  }
  return {};
}

QString checkLine(const study::VerdictCheck& check) {
  QString figure;
  if (check.value) {
    figure = formatNumberSig(*check.value);
    if (check.threshold) figure += QObject::tr(" (threshold %1)").arg(formatNumberSig(*check.threshold));
    figure = QStringLiteral(" <i>%1</i>").arg(figure.toHtmlEscaped());
  }
  return QStringLiteral("<tr><td valign='top'>%1&nbsp;</td><td><b>%2</b>%3 — %4</td></tr>")
      .arg(statusMark(check.status), QString::fromStdString(check.name).toHtmlEscaped(), figure,
           QString::fromStdString(check.explanation).toHtmlEscaped());
}

// Which value is "treated" is the user's question: always say it, as the data write it.
QString treatedLine(const study::StudyResult& result) {
  const estimation::EstimationReport& r = result.estimation;
  if (r.treatedValue.empty() && r.controlValue.empty()) return {};
  const QString column = QString::fromStdString(r.treatment.empty() ? result.exposureColumn : r.treatment);
  const QLocale english(QLocale::English);  // "2,293" whatever the system locale
  return QObject::tr("Treated: %1 = %2 (%3 units); control: %1 = %4 (%5 units).")
      .arg(column, QString::fromStdString(r.treatedValue), english.toString(static_cast<qulonglong>(r.nTreated)),
           QString::fromStdString(r.controlValue), english.toString(static_cast<qulonglong>(r.nControl)));
}

}  // namespace

QString verdictWord(study::VerdictLevel level) {
  switch (level) {
    case study::VerdictLevel::Supported: return QObject::tr("Supported");
    case study::VerdictLevel::Fragile: return QObject::tr("Fragile");
    case study::VerdictLevel::NotSupported: return QObject::tr("Not supported");
  }
  return {};
}

AnswerView::AnswerView(QWidget* parent) : QWidget(parent) {
  headline_ = wrapped(this);
  headline_->setObjectName(QStringLiteral("answerHeadline"));
  QFont big = headline_->font();
  big.setPointSizeF(big.pointSizeF() * 1.25);
  big.setBold(true);
  headline_->setFont(big);
  treated_ = wrapped(this);
  treated_->setObjectName(QStringLiteral("treatedLabel"));
  estimate_ = wrapped(this);
  verdict_ = wrapped(this);
  verdict_->setObjectName(QStringLiteral("verdictLabel"));
  verdict_->setTextFormat(Qt::RichText);
  checks_ = wrapped(this);
  checks_->setObjectName(QStringLiteral("verdictChecks"));
  checks_->setTextFormat(Qt::RichText);
  sample_ = detail::noteLabel(this);

  // Everything scrolls as one page, so a short dock still shows the headline first.
  auto* page = new QWidget;
  auto* column = new QVBoxLayout(page);
  column->setContentsMargins(6, 6, 6, 6);
  column->addWidget(headline_);
  column->addWidget(treated_);
  column->addWidget(estimate_);
  column->addWidget(verdict_);
  column->addWidget(checks_);
  column->addWidget(sample_);
  column->addStretch(1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(page);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(scroll);
}

void AnswerView::setStudy(const study::StudyResult& result, const QString& sample) {
  if (result.answer) {
    const study::Answer& a = *result.answer;
    headline_->setText(QString::fromStdString(a.sentence));
    estimate_->setText(tr("%1 %2 = %3, 95% CI %4 (SE %5). %6")
                           .arg(QString::fromLatin1(estimation::toString(a.estimand)),
                                QString::fromLatin1(estimation::displayName(a.method)), formatNumberSig(a.estimate),
                                formatIntervalSig(a.ciLow, a.ciHigh), formatNumberSig(a.se),
                                QString::fromStdString(a.rule)));
  } else {
    headline_->setText(tr("No answer: no estimate can stand for this study."));
    estimate_->setText(tr("See the warnings and the per-method estimates."));
  }
  const QString treated = treatedLine(result);
  treated_->setText(treated);
  treated_->setVisible(!treated.isEmpty());
  const study::Verdict& v = result.verdict;
  verdict_->setText(tr("Verdict: <b style='color:%1'>%2</b> — %3")
                        .arg(levelColour(v.level), verdictWord(v.level), QString::fromStdString(v.summary).toHtmlEscaped()));
  QString rows;
  for (const auto& check : v.checks) rows += checkLine(check);
  checks_->setText(rows.isEmpty() ? QString() : QStringLiteral("<table cellspacing='2'>%1</table>").arg(rows));
  checks_->setVisible(!rows.isEmpty());
  sample_->setText(sample);
}

void AnswerView::clear(const QString& why) {
  headline_->setText(why);
  treated_->clear();
  treated_->hide();
  estimate_->clear();
  verdict_->clear();
  checks_->clear();
  checks_->hide();
  sample_->clear();
}

}  // namespace causeway::ui
