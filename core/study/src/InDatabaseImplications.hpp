#pragma once

#include <optional>
#include <string>

#include "causeway/data/ColumnMapping.hpp"
#include "causeway/database/AggregateRunner.hpp"
#include "causeway/estimation/LocalTests.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::study::detail {

struct InDatabaseImplicationRun {
  std::optional<estimation::LocalTestsReport> report;  // unset when nothing was testable
  std::size_t skipped = 0;  // an unmeasured variable, or a text x or y (chi-square: rows needed)
  std::optional<Error> error;
};

// The model's implied independencies with numeric x and y, by partial correlation from moments
// computed in the database (database::momentsInDatabase over their complete cases, text
// conditioning variables as dummies): the tests and definitions of the in-memory study.
InDatabaseImplicationRun testImplicationsInDatabase(database::AggregateRunner& runner, const database::SourceSpec& source,
                                                    const graph::IndexedGraph& g,
                                                    const identification::IdentificationSummary& summary,
                                                    const data::ColumnMapping& mapping, const std::string& shardKey,
                                                    std::size_t maxTests);

}  // namespace causeway::study::detail
