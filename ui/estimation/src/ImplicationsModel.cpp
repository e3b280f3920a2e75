#include "causeway/ui/estimation/ImplicationsModel.hpp"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include "causeway/ui/estimation/NumberFormat.hpp"
#include "causeway/ui/estimation/TableRoles.hpp"

namespace causeway::ui {

ImplicationsModel::ImplicationsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImplicationsModel::setResults(ImplicationResults results) {
  beginResetModel();
  results_ = std::move(results);
  endResetModel();
}

int ImplicationsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(results_.rows.size());
}

int ImplicationsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ImplicationsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const ImplicationRow& row = results_.rows[static_cast<std::size_t>(index.row())];
  const auto& r = row.result;
  const auto& chi = row.chiSquare;
  const bool tested = row.tested();
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Implication: return QString::fromStdString(row.label).replace(QStringLiteral("_||_"), QStringLiteral("⊥"));
      case Test: return r ? tr("partial r") : chi ? tr("chi-square") : QString();
      case Estimate: return r ? formatFixed(r->estimate, 3) : chi ? formatFixed(chi->statistic, 3) : QString();
      case Ci: return r ? formatInterval(r->ciLow, r->ciHigh, 3) : QString();
      case Df: return chi ? QString::number(chi->df) : QString();
      case PValue: return tested ? formatPValue(row.pValue()) : QString();
      case PHolm: return tested ? formatPValue(row.pHolm) : QString();
      case N: return tested ? QString::number(row.n()) : QString();
      case Verdict:
        if (!tested) return tr("not tested: %1").arg(QString::fromStdString(row.problem));
        return row.fails ? tr("violated") : tr("consistent");
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole)
    return QVariant::fromValue(Qt::AlignVCenter |
                               (index.column() == Implication || index.column() == Verdict ? Qt::AlignLeft : Qt::AlignRight));
  if (role == Qt::ForegroundRole) {
    if (row.fails && (index.column() == Verdict || index.column() == Implication)) return concernColor();
    if (!tested) return QGuiApplication::palette().color(QPalette::PlaceholderText);
  }
  if (role == Qt::ToolTipRole && index.column() == Test && tested) return QString::fromStdString(row.testName());
  if (role == Qt::FontRole && row.fails && index.column() == Verdict) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  if (role == Qt::UserRole) return row.fails;
  return {};
}

QVariant ImplicationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case Test: return tr("Partial correlation (Fisher z) for numeric variables; stratified Pearson chi-square when "
                           "a categorical variable is tested against categorical or 0/1 ones");
      case Estimate: return tr("Partial correlation r, or the chi-square statistic summed over the strata of the "
                               "conditioning set");
      case Df: return tr("Degrees of freedom of the chi-square test, summed over the strata");
      case Ci: return tr("%1% CI by Fisher's z transform").arg(results_.options.level * 100);
      case PHolm: return tr("Holm-adjusted p-value over all tested implications");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Implication: return tr("Implication");
    case Test: return tr("Test");
    case Estimate: return tr("r / χ²");
    case Ci: return tr("%1% CI").arg(results_.options.level * 100);
    case Df: return tr("df");
    case PValue: return tr("p");
    case PHolm: return tr("p (Holm)");
    case N: return tr("n");
    case Verdict: return tr("Verdict");
    default: return {};
  }
}

}  // namespace causeway::ui
