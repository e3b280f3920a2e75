#pragma once

#include <string>
#include <utility>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/estimation/ChiSquareLocalTests.hpp"
#include "causeway/estimation/LocalTests.hpp"

namespace causeway::ui {

// The numeric columns of some DAG variables, named by node: numeric columns as they are,
// categorical ones as 0/1 dummies for every level but the first (sources = the node), complete
// cases on all of them. `variables` pairs a node with its data column.
// Errors: MissingData when no row is complete, InvalidArgument for an unknown column.
[[nodiscard]] Result<estimation::NamedColumns> nodeColumns(
    const data::Dataset& dataset, const std::vector<std::pair<std::string, std::string>>& variables);

// The same variables as level codes for the chi-square tests: categorical columns by their
// codes, 0/1 columns by their value, complete cases on all of them.
// Errors: InvalidArgument for an unknown column or a numeric column that is not 0/1,
// MissingData when no row is complete.
[[nodiscard]] Result<estimation::CategoricalColumns> nodeCodes(
    const data::Dataset& dataset, const std::vector<std::pair<std::string, std::string>>& variables);

}  // namespace causeway::ui
