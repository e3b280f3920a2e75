#include "causeway/ui/data/ColumnSummaryModel.hpp"

#include <algorithm>
#include <cmath>

#include "causeway/common/NumberFormat.hpp"

namespace causeway::ui {

QString formatStatistic(double value, int digits) {
  if (!std::isfinite(value)) return QStringLiteral("–");
  // core/common's significant digits, as the estimates and the CLI: "4.012", "1388", never "1e+04".
  return QString::fromStdString(format::significant(value, digits));
}

ColumnSummaryModel::ColumnSummaryModel(QObject* parent) : QAbstractTableModel(parent) {}

void ColumnSummaryModel::setSummaries(std::vector<data::ColumnSummary> summaries) {
  beginResetModel();
  summaries_ = std::move(summaries);
  endResetModel();
}

int ColumnSummaryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(summaries_.size());
}

int ColumnSummaryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ColumnSummaryModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const data::ColumnSummary& s = summaries_[static_cast<std::size_t>(index.row())];
  if (role == Qt::TextAlignmentRole)
    return QVariant::fromValue(Qt::AlignVCenter | (index.column() <= Type || index.column() == Levels ? Qt::AlignLeft
                                                                                                       : Qt::AlignRight));
  if (role == Qt::ToolTipRole && index.column() == Missing) {
    const double total = static_cast<double>(s.present + s.missing);
    return tr("%1 of %2 cells missing (%3%)").arg(s.missing).arg(s.present + s.missing)
        .arg(total > 0 ? 100.0 * static_cast<double>(s.missing) / total : 0.0, 0, 'f', 1);
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case Name: return QString::fromStdString(s.name);
    case Type: return QString::fromLatin1(data::toString(s.type));
    case Missing: return QString::number(s.missing);
    case Mean: return formatStatistic(s.mean);
    case Sd: return formatStatistic(s.sd);
    case Min: return formatStatistic(s.min);
    case Max: return formatStatistic(s.max);
    case Levels: {
      if (s.levels.empty()) return QString();
      std::vector<data::LevelCount> top = s.levels;
      std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
      QStringList parts;
      for (std::size_t i = 0; i < std::min<std::size_t>(3, top.size()); ++i)
        parts << QStringLiteral("%1 (%2)").arg(QString::fromStdString(top[i].level)).arg(top[i].count);
      if (top.size() > 3) parts << QStringLiteral("…");
      return tr("%1 levels: %2").arg(s.levels.size()).arg(parts.join(QStringLiteral(", ")));
    }
    default: return {};
  }
}

QVariant ColumnSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole && section == Sd) return tr("Sample standard deviation (n − 1 denominator)");
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Name: return tr("Column");
    case Type: return tr("Type");
    case Missing: return tr("Missing");
    case Mean: return tr("Mean");
    case Sd: return tr("SD");
    case Min: return tr("Min");
    case Max: return tr("Max");
    case Levels: return tr("Levels");
    default: return {};
  }
}

}  // namespace causeway::ui
