#pragma once

#include <optional>

#include "causeway/data/ColumnMapping.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/estimation/ChiSquareLocalTests.hpp"
#include "causeway/estimation/LocalTests.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::study::detail {

struct ImplicationTestRun {
  std::optional<estimation::LocalTestsReport> report;  // unset when nothing was testable
  std::optional<estimation::ChiSquareTestsReport> categorical;  // categorical x or y
  std::size_t skipped = 0;  // implications left untested (unmeasured, or mixed types, see below)
  std::optional<Error> error;
};

// Tests the model's implied independencies on the data. Numeric x and y: partial correlation
// (DAGitty's local tests), categorical conditioning variables as dummies. A categorical x or y:
// stratified chi-square when every variable of the test is categorical or 0/1 (DAGitty's
// "cis.chisq"); with a continuous variable among them it is skipped. Each family uses the
// complete cases on the variables its tests involve.
ImplicationTestRun testImplications(const graph::IndexedGraph& g, const identification::IdentificationSummary& summary,
                                    const data::ColumnMapping& mapping, const data::Dataset& data,
                                    std::size_t maxTests, unsigned threads = 0);

}  // namespace causeway::study::detail
