#include "causeway/ui/estimation/EstimatesModel.hpp"

#include <QFont>

#include "PanelWidgets.hpp"
#include "causeway/ui/estimation/NumberFormat.hpp"
#include "causeway/ui/estimation/TableRoles.hpp"

namespace causeway::ui {

EstimatesModel::EstimatesModel(QObject* parent) : QAbstractTableModel(parent) {}

void EstimatesModel::setEstimates(std::vector<estimation::EffectEstimate> estimates) {
  beginResetModel();
  estimates_ = std::move(estimates);
  endResetModel();
}

int EstimatesModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(estimates_.size());
}

int EstimatesModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EstimatesModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const estimation::EffectEstimate& e = estimates_[static_cast<std::size_t>(index.row())];
  const auto& boot = e.bootstrap;
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Method: return detail::shortMethodName(e.method);
      case Estimate: return formatNumberSig(e.estimate);
      case Se: return formatNumberSig(e.se);
      case Ci: return formatIntervalSig(e.ciLow, e.ciHigh);
      case BootstrapCi:
        return boot ? formatIntervalSig(boot->percentileLow, boot->percentileHigh) : QStringLiteral("–");
      case EValue: return formatFixed(e.eValue, 2);
      case EValueCi: return formatFixed(e.eValueCi, 2);
      case Units: return tr("%1 (%2 T / %3 C)").arg(e.n).arg(e.nTreated).arg(e.nControl);
      default: return {};
    }
  }
  if (role == RawValueRole) {
    switch (index.column()) {
      case Method: return static_cast<int>(e.method);
      case Estimate: return e.estimate;
      case Se: return e.se;
      case Ci: return QVariantList{e.ciLow, e.ciHigh};
      case BootstrapCi: return boot ? QVariant(QVariantList{boot->percentileLow, boot->percentileHigh}) : QVariant();
      case EValue: return e.eValue;
      case EValueCi: return e.eValueCi;
      case Units: return static_cast<qulonglong>(e.n);
      default: return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    QString tip = QString::fromStdString(e.methodName.empty() ? estimation::displayName(e.method) : e.methodName) +
                  QStringLiteral(" (") + QString::fromLatin1(estimation::toString(e.estimand)) + QStringLiteral(")\n") +
                  QString::fromStdString(e.conventions);
    for (const auto& note : e.notes) tip += QStringLiteral("\n• ") + QString::fromStdString(note);
    if (boot)
      tip += tr("\nBootstrap: %1 replicates (%2 failed), seed %3, SE %4").arg(boot->replicates).arg(boot->failed)
                 .arg(boot->seed).arg(formatNumberSig(boot->se));
    return tip;
  }
  if (role == Qt::TextAlignmentRole)
    return QVariant::fromValue(Qt::AlignVCenter | (index.column() == Method ? Qt::AlignLeft : Qt::AlignRight));
  if (role == Qt::FontRole && index.column() == Estimate) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  return {};
}

QVariant EstimatesModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  const double level = estimates_.empty() ? 0.95 : estimates_.front().level;
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Ci: return tr("Normal interval: estimate ± z·SE");
      case BootstrapCi: return tr("Percentile interval of the nonparametric bootstrap");
      case EValue: return tr("E-value: how strongly an unmeasured confounder would have to be associated with both "
                             "treatment and outcome (risk-ratio scale) to explain the estimate away");
      case EValueCi: return tr("E-value for the confidence limit nearer the null (1 when the CI includes it)");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Method:
      return estimates_.empty() ? tr("Method")
                                : tr("Method (%1)").arg(QString::fromLatin1(estimation::toString(estimates_.front().estimand)));
    case Estimate: return tr("Estimate");
    case Se: return tr("SE");
    case Ci: return tr("%1% CI").arg(level * 100);
    case BootstrapCi: return tr("Bootstrap %1% CI").arg(level * 100);
    case EValue: return tr("E-value");
    case EValueCi: return tr("E-value (CI)");
    case Units: return tr("Units");
    default: return {};
  }
}

}  // namespace causeway::ui
