#include "causeway/estimation/DesignOps.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "causeway/common/Parallel.hpp"

namespace causeway::estimation {

namespace {

// Finite and no larger in magnitude than kLargestAnalysableMagnitude (NaN compares false).
bool withinLimit(const double* x, Eigen::Index n) {
  bool ok = true;
  for (Eigen::Index i = 0; i < n; ++i) ok &= std::fabs(x[i]) <= kLargestAnalysableMagnitude;
  return ok;
}

// The first non-finite column (outcome first), else the first too large: the error for it.
Result<void> describeBadValue(const data::Design& d) {
  if (!d.outcome.allFinite())
    return makeError(ErrorCode::MissingData, "Outcome '" + d.outcomeName + "' has missing or non-finite values",
                     {{}, 0, 0, d.outcomeName});
  for (Eigen::Index j = 0; j < d.covariates.cols(); ++j)
    if (!d.covariates.col(j).allFinite()) {
      const std::string& name = d.covariateNames[static_cast<std::size_t>(j)];
      return makeError(ErrorCode::MissingData, "Covariate '" + name + "' has missing or non-finite values", {{}, 0, 0, name});
    }
  // Means, variances and sums of squares of such values overflow (a column holding 1e308 once
  // would look constant after standardising): refuse rather than compute a wrong number.
  auto tooLarge = [&](const Eigen::VectorXd& column, const std::string& name) -> Result<void> {
    Eigen::Index at = 0;
    if (column.size() == 0 || column.cwiseAbs().maxCoeff(&at) <= kLargestAnalysableMagnitude) return Ok{};
    const std::size_t row = d.dataRow(at);
    std::ostringstream value;
    value << column(at);
    return makeError(ErrorCode::InvalidArgument,
                     "'" + name + "' has a value too large to analyse (" + value.str() + " in data row " +
                         std::to_string(row + 1) + "): its squares overflow double precision; check the value or "
                         "rescale the column",
                     {{}, 0, 0, name});
  };
  if (auto ok = tooLarge(d.outcome, d.outcomeName); !ok) return ok;
  for (Eigen::Index j = 0; j < d.covariates.cols(); ++j)
    if (auto ok = tooLarge(d.covariates.col(j), d.covariateNames[static_cast<std::size_t>(j)]); !ok) return ok;
  return Ok{};
}

Result<void> checkConstantOutcome(const data::Design& d) {
  const Eigen::Index n = d.outcome.size();
  // A constant outcome has no effect to estimate: every method would return 0 with a spurious,
  // rounding-sized CI that excludes 0.
  if (n > 0 && (d.outcome.array() == d.outcome(0)).all()) {
    std::ostringstream value;
    value << d.outcome(0);
    return makeError(ErrorCode::InvalidArgument,
                     "The outcome '" + d.outcomeName + "' is constant (every value is " + value.str() +
                         ") in the analysis sample: there is no effect to estimate",
                     {{}, 0, 0, d.outcomeName});
  }
  return Ok{};
}

}  // namespace

Result<void> validateDesign(const data::Design& d, unsigned threads) {
  const Eigen::Index n = d.treatment.size();
  if (d.outcome.size() != n || d.covariates.rows() != n)
    return makeError(ErrorCode::InvalidArgument, "Design: treatment, outcome and covariates differ in length");
  if (static_cast<std::size_t>(d.covariates.cols()) != d.covariateNames.size())
    return makeError(ErrorCode::InvalidArgument, "Design: covariate names do not match the covariate columns");
  Eigen::Index treated = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (d.treatment(i) != 0.0 && d.treatment(i) != 1.0)
      return makeError(ErrorCode::NonBinaryTreatment,
                       "Treatment '" + d.treatmentName + "' must be 0/1; row " + std::to_string(i + 1) + " is not",
                       {{}, 0, 0, d.treatmentName});
    treated += d.treatment(i) == 1.0 ? 1 : 0;
  }
  if (treated == 0 || treated == n)
    return makeError(ErrorCode::EmptyGroup,
                     "Treatment '" + d.treatmentName + "' has no " + (treated == 0 ? "treated" : "control") +
                         " units (" + (treated == 0 ? d.treatedLabel : d.controlLabel) + ") in the analysis sample",
                     {{}, 0, 0, d.treatmentName});
  // One pass over each column answers the usual case (every value finite and small enough);
  // only a design that fails it is searched again for the exact message below.
  // Columns in parallel: on millions of rows this pass is memory-bound.
  const auto columns = static_cast<std::size_t>(d.covariates.cols()) + 1;
  std::vector<char> within(columns);
  parallelFor(columns, threads, [&](std::size_t j) {
    within[j] = withinLimit(j == 0 ? d.outcome.data() : d.covariates.col(static_cast<Eigen::Index>(j - 1)).data(), n);
  });
  if (std::find(within.begin(), within.end(), 0) != within.end()) {
    if (auto problem = describeBadValue(d); !problem) return problem;
  }
  return checkConstantOutcome(d);
}

data::Design subsetRows(const data::Design& d, const std::vector<Eigen::Index>& rows) {
  data::Design out;
  out.treatmentName = d.treatmentName;
  out.outcomeName = d.outcomeName;
  out.covariateNames = d.covariateNames;
  out.covariateSources = d.covariateSources;
  out.referenceLevels = d.referenceLevels;
  out.treatedLabel = d.treatedLabel;
  out.controlLabel = d.controlLabel;
  out.rowsDropped = d.rowsDropped;
  out.missingByVariable = d.missingByVariable;
  out.treatment = d.treatment(rows);
  out.outcome = d.outcome(rows);
  out.covariates = d.covariates(rows, Eigen::all);
  out.rows.reserve(rows.size());
  for (Eigen::Index r : rows) out.rows.push_back(d.dataRow(r));
  return out;
}

Result<std::vector<Eigen::Index>> covariateColumns(const data::Design& d, const std::vector<std::string>& names) {
  std::vector<Eigen::Index> columns;
  for (const auto& name : names) {
    bool found = false;
    for (std::size_t j = 0; j < d.covariateNames.size(); ++j) {
      const bool bySource = j < d.covariateSources.size() && d.covariateSources[j] == name;
      if (d.covariateNames[j] == name || bySource) {
        found = true;
        if (std::find(columns.begin(), columns.end(), static_cast<Eigen::Index>(j)) == columns.end())
          columns.push_back(static_cast<Eigen::Index>(j));
      }
    }
    if (!found)
      return makeError(ErrorCode::UnknownNode, "Covariate '" + name + "' is not among the design's covariates",
                       {{}, 0, 0, name});
  }
  std::sort(columns.begin(), columns.end());  // keep the design's column order
  return columns;
}

Result<data::Design> selectCovariates(const data::Design& d, const std::vector<std::string>& names) {
  auto columns = covariateColumns(d, names);
  if (!columns) return columns.error();
  // Every member but the covariate matrix, which is copied once, column by column.
  data::Design out;
  out.treatment = d.treatment;
  out.outcome = d.outcome;
  out.treatmentName = d.treatmentName;
  out.outcomeName = d.outcomeName;
  out.referenceLevels = d.referenceLevels;
  out.treatedLabel = d.treatedLabel;
  out.controlLabel = d.controlLabel;
  out.rows = d.rows;
  out.rowsDropped = d.rowsDropped;
  out.missingByVariable = d.missingByVariable;
  out.covariates = d.covariates(Eigen::all, *columns);
  for (Eigen::Index j : *columns) {
    out.covariateNames.push_back(d.covariateNames[static_cast<std::size_t>(j)]);
    if (static_cast<std::size_t>(j) < d.covariateSources.size())
      out.covariateSources.push_back(d.covariateSources[static_cast<std::size_t>(j)]);
  }
  return out;
}

std::vector<std::string> covariateVariables(const data::Design& d) {
  std::vector<std::string> out;
  for (std::size_t j = 0; j < d.covariateNames.size(); ++j) {
    const std::string& v = j < d.covariateSources.size() ? d.covariateSources[j] : d.covariateNames[j];
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

}  // namespace causeway::estimation
