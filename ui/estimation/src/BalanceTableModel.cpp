#include "causeway/ui/estimation/BalanceTableModel.hpp"

#include <QColor>
#include <QFont>

#include <cmath>

#include "causeway/ui/estimation/NumberFormat.hpp"
#include "causeway/ui/estimation/TableRoles.hpp"

namespace causeway::ui {

QString covariateLabel(const std::string& column, const std::vector<std::string>& variables) {
  const std::string* factor = nullptr;
  for (const auto& v : variables) {
    if (v == column) return QString::fromStdString(column);  // a variable of its own
    if (column.size() > v.size() && column.starts_with(v) && (!factor || v.size() > factor->size())) factor = &v;
  }
  if (!factor) return QString::fromStdString(column);
  return QStringLiteral("%1 = %2").arg(QString::fromStdString(*factor), QString::fromStdString(column.substr(factor->size())));
}

BalanceTableModel::BalanceTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void BalanceTableModel::setTable(std::optional<estimation::BalanceTable> table, double threshold,
                                 std::vector<std::string> variables) {
  beginResetModel();
  table_ = std::move(table);
  threshold_ = threshold;
  variables_ = std::move(variables);
  endResetModel();
}

QString BalanceTableModel::smdDenominator(estimation::Estimand estimand) {
  switch (estimand) {
    case estimation::Estimand::ATT: return tr("the treated group's SD");
    case estimation::Estimand::ATC: return tr("the control group's SD");
    default: return tr("the pooled SD √((s₁² + s₀²)/2)");
  }
}

QString BalanceTableModel::caption() const {
  if (!table_) return {};
  QString text = tr("SMD = (mean treated − mean control) / %1 of the unadjusted sample (n − 1 denominators), for "
                    "every covariate, binary ones included.")
                     .arg(smdDenominator(table_->estimand));
  if (!table_->adjustment.empty())
    text += tr(" Adjusted columns use %1; weighted means do not depend on how the weights are scaled.")
                .arg(QString::fromStdString(table_->adjustment));
  text += tr(" |SMD| > %1 is highlighted.").arg(threshold_);
  return text;
}

int BalanceTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !table_ ? 0 : static_cast<int>(table_->rows.size());
}

int BalanceTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant BalanceTableModel::data(const QModelIndex& index, int role) const {
  if (!table_ || !index.isValid() || index.row() >= rowCount()) return {};
  const estimation::BalanceRow& row = table_->rows[static_cast<std::size_t>(index.row())];
  const estimation::BalanceStatistics* after = row.adjusted ? &*row.adjusted : nullptr;
  const auto raw = [&]() -> std::optional<double> {
    switch (index.column()) {
      case MeanTreated: return row.unadjusted.meanTreated;
      case MeanControl: return row.unadjusted.meanControl;
      case SmdBefore: return row.unadjusted.smd;
      case MeanTreatedAfter: return after ? std::optional(after->meanTreated) : std::nullopt;
      case MeanControlAfter: return after ? std::optional(after->meanControl) : std::nullopt;
      case SmdAfter: return after ? std::optional(after->smd) : std::nullopt;
      case VarianceRatioAfter: return after && !row.binary ? std::optional(after->varianceRatio) : std::nullopt;
      case KsAfter: return after ? std::optional(after->ks) : std::nullopt;
      default: return std::nullopt;
    }
  }();
  const bool smdColumn = index.column() == SmdBefore || index.column() == SmdAfter;
  switch (role) {
    case Qt::DisplayRole:
      if (index.column() == Covariate)
        return covariateLabel(row.name, variables_) + (row.binary ? tr(" (binary)") : QString());
      if (!raw) return QStringLiteral("–");
      if (smdColumn || index.column() == VarianceRatioAfter || index.column() == KsAfter) return formatFixed(*raw, 3);
      return formatNumberSig(*raw, 4);
    case RawValueRole:
      if (index.column() == Covariate) return QString::fromStdString(row.name);
      return raw ? QVariant(*raw) : QVariant();
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(Qt::AlignVCenter | (index.column() == Covariate ? Qt::AlignLeft : Qt::AlignRight));
    case Qt::ForegroundRole:
      if (smdColumn && raw && std::abs(*raw) > threshold_) return concernColor();
      return {};
    case Qt::FontRole:
      if (index.column() == SmdAfter) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    case ConcernRole: return after ? std::abs(after->smd) > threshold_ : std::abs(row.unadjusted.smd) > threshold_;
    default: return {};
  }
}

QVariant BalanceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    if (section == SmdBefore || section == SmdAfter) return caption();
    if (section == VarianceRatioAfter) return tr("Weighted variance ratio treated / control (not shown for binary covariates)");
    if (section == KsAfter) return tr("Kolmogorov–Smirnov statistic of the weighted distributions");
    return {};
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Covariate: return tr("Covariate");
    case MeanTreated: return tr("Mean T\n(before)");
    case MeanControl: return tr("Mean C\n(before)");
    case SmdBefore: return tr("SMD\n(before)");
    case MeanTreatedAfter: return tr("Mean T\n(after)");
    case MeanControlAfter: return tr("Mean C\n(after)");
    case SmdAfter: return tr("SMD\n(after)");
    case VarianceRatioAfter: return tr("Var. ratio\n(after)");
    case KsAfter: return tr("KS\n(after)");
    default: return {};
  }
}

}  // namespace causeway::ui
