#include "causeway/ui/data/DatasetTableModel.hpp"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <climits>

namespace causeway::ui {

DatasetTableModel::DatasetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatasetTableModel::setDataset(std::shared_ptr<const data::Dataset> dataset) {
  beginResetModel();
  dataset_ = std::move(dataset);
  endResetModel();
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const {
  if (parent.isValid() || !dataset_) return 0;
  // Views index rows with int; beyond that the table shows the first INT_MAX rows.
  return static_cast<int>(std::min<std::size_t>(dataset_->rowCount(), INT_MAX));
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const {
  if (parent.isValid() || !dataset_) return 0;
  return static_cast<int>(dataset_->columnCount());
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
  if (!dataset_ || !index.isValid()) return {};
  const data::Column& column = dataset_->column(static_cast<std::size_t>(index.column()));
  const auto row = static_cast<std::size_t>(index.row());
  switch (role) {
    case Qt::DisplayRole:
      if (column.isMissing(row)) return QStringLiteral("NA");
      return QString::fromStdString(column.cellText(row));
    case Qt::ForegroundRole:
      if (column.isMissing(row)) return QGuiApplication::palette().color(QPalette::PlaceholderText);
      return {};
    case Qt::TextAlignmentRole:
      return QVariant::fromValue(Qt::AlignVCenter | (column.isNumeric() ? Qt::AlignRight : Qt::AlignLeft));
    default:
      return {};
  }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (!dataset_ || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
  if (orientation == Qt::Vertical) return section + 1;
  if (section < 0 || static_cast<std::size_t>(section) >= dataset_->columnCount()) return {};
  const data::Column& column = dataset_->column(static_cast<std::size_t>(section));
  if (role == Qt::ToolTipRole)
    return tr("%1: %2, %3 missing").arg(QString::fromStdString(column.name()), QString::fromLatin1(data::toString(column.type())))
        .arg(column.missingCount());
  return QString::fromStdString(column.name());
}

}  // namespace causeway::ui
