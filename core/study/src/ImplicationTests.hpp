#pragma once

#include <optional>

#include "causeway/data/ColumnMapping.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/estimation/LocalTests.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::study::detail {

struct ImplicationTestRun {
  std::optional<estimation::LocalTestsReport> report;  // unset when nothing was testable
  std::size_t skipped = 0;  // implications with an unmeasured or categorical x / y
  std::optional<Error> error;
};

// Tests the model's implied independencies on the data by partial correlation (DAGitty's local
// tests): complete cases on the variables involved, categorical conditioning variables as dummies.
ImplicationTestRun testImplications(const graph::IndexedGraph& g, const identification::IdentificationSummary& summary,
                                    const data::ColumnMapping& mapping, const data::Dataset& data,
                                    std::size_t maxTests);

}  // namespace causeway::study::detail
