#include "causeway/ui/data/ColumnMappingModel.hpp"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace causeway::ui {

ColumnMappingModel::ColumnMappingModel(QObject* parent) : QAbstractTableModel(parent) {}

void ColumnMappingModel::setMapping(VariableMapping mapping) {
  beginResetModel();
  mapping_ = std::move(mapping);
  endResetModel();
}

int ColumnMappingModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(mapping_.rows.size());
}

int ColumnMappingModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ColumnMappingModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const NodeMappingRow& row = mapping_.rows[static_cast<std::size_t>(index.row())];
  const bool problem = row.column.empty() && !row.latent && row.status != MappingStatus::LeftUnmapped;
  switch (role) {
    case Qt::DisplayRole:
      switch (index.column()) {
        case Node: return QString::fromStdString(row.node);
        case DataColumn: return row.column.empty() ? QStringLiteral("—") : QString::fromStdString(row.column);
        case Status: {
          QString text = QString::fromLatin1(toString(row.status));
          if (row.status == MappingStatus::Ambiguous) {
            QStringList names;
            for (const auto& c : row.candidates) names << QString::fromStdString(c);
            text += QStringLiteral(": ") + names.join(QStringLiteral(", "));
          }
          return text;
        }
        default: return {};
      }
    case Qt::ForegroundRole:
      if (problem && index.column() != Node) {
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
        return dark ? QColor(0xFF, 0x7A, 0x6E) : QColor(0xC0, 0x39, 0x2B);
      }
      if (row.latent) return QGuiApplication::palette().color(QPalette::PlaceholderText);
      return {};
    case Qt::ToolTipRole:
      if (problem) return tr("No column for this node: estimates that need it cannot run. Use Edit Mapping… to choose one.");
      if (row.latent) return tr("Latent node: not measured, so no column is expected.");
      return {};
    case Qt::UserRole: return problem;  // "needs attention", for tests and delegates
    default: return {};
  }
}

QVariant ColumnMappingModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Node: return tr("Node");
    case DataColumn: return tr("Column");
    case Status: return tr("Match");
    default: return {};
  }
}

}  // namespace causeway::ui
