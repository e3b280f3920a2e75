#pragma once

#include <QString>

#include "causeway/estimation/EffectEstimate.hpp"

class QAbstractItemModel;
class QLabel;
class QTableView;
class QWidget;

namespace causeway::ui::detail {

// A small, muted, selectable, word-wrapped label for conventions and notes (readable in light
// and dark themes: the palette's placeholder colour, not the disabled one).
QLabel* noteLabel(QWidget* parent = nullptr);
// The label inside a frameless scroll area at most `lines` lines high (long conventions).
QWidget* scrollingNote(QLabel* label, int lines);
// A read-only table of rows with fixed heights and no row header.
QTableView* compactTable(QAbstractItemModel* model, const QString& objectName, QWidget* parent = nullptr);
// Caps a table's height at its header plus `rows` rows (short tables stay short).
void fitTableHeight(QTableView* view, int minRows, int maxRows);
// "IPW (Hájek)", "AIPW", ... for table cells; the core's display name goes in the tooltip.
QString shortMethodName(estimation::Method method);

}  // namespace causeway::ui::detail
