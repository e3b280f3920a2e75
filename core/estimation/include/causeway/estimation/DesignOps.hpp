#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"
#include "causeway/data/Design.hpp"

namespace causeway::estimation {

// Beyond this magnitude squares overflow a double (1e154^2 ~ 1e308).
inline constexpr double kLargestAnalysableMagnitude = 1e150;

// Checks a Design before estimation: consistent sizes, treatment exactly 0/1 with both groups
// present (EmptyGroup names the treatment otherwise), finite outcome and covariates no larger
// in magnitude than kLargestAnalysableMagnitude (the message names the column and data row),
// and an outcome that is not constant (InvalidArgument naming it).
[[nodiscard]] Result<void> validateDesign(const data::Design& design, unsigned threads = 0);

// The rows `rows` (0-based, repeats allowed) of a Design; `rows` of the result maps back to
// the original data rows.
[[nodiscard]] data::Design subsetRows(const data::Design& design, const std::vector<Eigen::Index>& rows);

// Only the covariates named: each name is a column name ("racehispan") or a source variable
// ("race" selects all its dummy columns). UnknownNode names the first unknown one.
[[nodiscard]] Result<data::Design> selectCovariates(const data::Design& design, const std::vector<std::string>& names);

// The design columns selectCovariates would keep, in design order (no copy).
[[nodiscard]] Result<std::vector<Eigen::Index>> covariateColumns(const data::Design& design,
                                                                 const std::vector<std::string>& names);

// The source variables of the covariate columns, each once, in column order ("race" once).
[[nodiscard]] std::vector<std::string> covariateVariables(const data::Design& design);

}  // namespace causeway::estimation
