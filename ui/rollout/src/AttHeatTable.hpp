#pragma once

#include "causeway/panel/GroupTime.hpp"
#include "causeway/panel/Panel.hpp"

class QTableWidget;

namespace causeway::ui::detail {

// ATT(g, t) as a heat table: one row per cohort, one column per period, cells coloured from blue
// (negative) through white to red (positive) by the effect over the largest |effect|; pre-period
// cells in italics. The tooltip gives the estimate, SE and group sizes.
void fillAttHeatTable(QTableWidget& table, const panel::GroupTimeEffects& effects, const panel::Panel& panel);

}  // namespace causeway::ui::detail
