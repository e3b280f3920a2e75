#pragma once

#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/ColumnMapping.hpp"
#include "causeway/identification/Identify.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::study::detail {

// The user's set (checked), else the first minimal sufficient set whose variables all have
// columns, else the O-set when measured.
Result<AdjustmentChoice> chooseAdjustmentSet(const graph::IndexedGraph& g,
                                             const identification::IdentificationSummary& summary,
                                             const data::ColumnMapping& mapping,
                                             const std::optional<std::vector<std::string>>& requested);

// Every measured minimal set (then the O-set if different), as column lists, for the comparison.
std::vector<std::vector<std::string>> measuredAlternatives(const graph::IndexedGraph& g,
                                                           const identification::IdentificationSummary& summary,
                                                           const data::ColumnMapping& mapping, std::size_t maxSets);

}  // namespace causeway::study::detail
