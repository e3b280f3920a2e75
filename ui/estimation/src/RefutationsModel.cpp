#include "causeway/ui/estimation/RefutationsModel.hpp"

#include <QColor>
#include <QFont>

#include "causeway/ui/estimation/NumberFormat.hpp"
#include "causeway/ui/estimation/TableRoles.hpp"

namespace causeway::ui {

RefutationsModel::RefutationsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RefutationsModel::setRefutations(std::vector<estimation::Refutation> refutations) {
  beginResetModel();
  refutations_ = std::move(refutations);
  endResetModel();
}

int RefutationsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(refutations_.size());
}

int RefutationsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RefutationsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const estimation::Refutation& r = refutations_[static_cast<std::size_t>(index.row())];
  const bool concern = r.verdict == estimation::Verdict::Concern;
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case Refuter: return QString::fromStdString(r.name);
        case Original: return formatNumberSig(r.originalEstimate);
        case DrawMean: return formatNumberSig(r.mean);
        case DrawSd: return formatNumberSig(r.sd);
        case Draws:
          return r.failedDraws > 0 ? tr("%1 (%2 failed)").arg(r.estimates.size()).arg(r.failedDraws)
                                   : QString::number(r.estimates.size());
        case Verdict: return concern ? tr("concern") : tr("pass");
        case Explanation: return QString::fromStdString(r.explanation);
        default: return {};
      }
    case Qt::ToolTipRole:
      if (index.column() == Explanation || index.column() == Verdict) return QString::fromStdString(r.explanation);
      return {};
    case RawValueRole:
      switch (index.column()) {
        case Original: return r.originalEstimate;
        case DrawMean: return r.mean;
        case DrawSd: return r.sd;
        default: return {};
      }
    case ConcernRole: return concern;
    case Qt::ForegroundRole:
      if (index.column() == Verdict) return concern ? concernColor() : passColor();
      return {};
    case Qt::FontRole:
      if (index.column() == Verdict) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(Qt::AlignVCenter | (index.column() == Refuter || index.column() >= Verdict
                                                         ? Qt::AlignLeft
                                                         : Qt::AlignRight));
    default: return {};
  }
}

QVariant RefutationsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Refuter: return tr("Check");
    case Original: return tr("Estimate");
    case DrawMean: return tr("Mean of draws");
    case DrawSd: return tr("SD of draws");
    case Draws: return tr("Draws");
    case Verdict: return tr("Verdict");
    case Explanation: return tr("Why");
    default: return {};
  }
}

}  // namespace causeway::ui
