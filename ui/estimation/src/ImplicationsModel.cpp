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
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case Implication: return QString::fromStdString(row.label).replace(QStringLiteral("_||_"), QStringLiteral("⊥"));
      case Estimate: return r ? formatFixed(r->estimate, 3) : QString();
      case Ci: return r ? formatInterval(r->ciLow, r->ciHigh, 3) : QString();
      case PValue: return r ? formatPValue(r->pValue) : QString();
      case PHolm: return r ? formatPValue(row.pHolm) : QString();
      case N: return r ? QString::number(r->n) : QString();
      case Verdict:
        if (!r) return tr("not tested: %1").arg(QString::fromStdString(row.problem));
        return row.fails ? tr("violated") : tr("consistent");
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole)
    return QVariant::fromValue(Qt::AlignVCenter |
                               (index.column() == Implication || index.column() == Verdict ? Qt::AlignLeft : Qt::AlignRight));
  if (role == Qt::ForegroundRole) {
    if (row.fails && (index.column() == Verdict || index.column() == Implication)) return concernColor();
    if (!r) return QGuiApplication::palette().color(QPalette::PlaceholderText);
  }
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
      case Estimate: return tr("Partial correlation of the two variables given the conditioning set");
      case Ci: return tr("%1% CI by Fisher's z transform").arg(results_.options.level * 100);
      case PHolm: return tr("Holm-adjusted p-value over all tested implications");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Implication: return tr("Implication");
    case Estimate: return tr("r");
    case Ci: return tr("%1% CI").arg(results_.options.level * 100);
    case PValue: return tr("p");
    case PHolm: return tr("p (Holm)");
    case N: return tr("n");
    case Verdict: return tr("Verdict");
    default: return {};
  }
}

}  // namespace causeway::ui
