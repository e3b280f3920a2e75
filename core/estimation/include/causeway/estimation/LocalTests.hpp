#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"
#include "causeway/estimation/ColumnMoments.hpp"
#include "causeway/data/Design.hpp"

namespace causeway::estimation {

// "x is independent of y given `given`", as implied by a DAG (plain names; no graph types).
struct ImpliedIndependence {
  std::string x;
  std::string y;
  std::vector<std::string> given;
};

// One row of DAGitty's localTests(type = "cis") output.
struct LocalTestResult {
  ImpliedIndependence test;
  std::string label;  // "x _||_ y | a, b"
  double estimate = 0.0;  // partial correlation
  double pValue = 1.0;
  double ciLow = 0.0;     // "2.5%"
  double ciHigh = 0.0;    // "97.5%"
  std::size_t n = 0;
  std::size_t conditioningColumns = 0;  // |Z| in columns (a categorical counts its dummies)
};

struct LocalTestsReport {
  std::vector<LocalTestResult> results;
  std::string conventions;
};

// A numeric table: columns with names and (optionally) the variable each column came from, so
// a categorical variable named in `given` brings in all its dummy columns.
struct NamedColumns {
  Eigen::MatrixXd values;
  std::vector<std::string> names;
  std::vector<std::string> sources;  // empty = same as names
};

// Partial correlation of x and y given Z from the residuals of least-squares regressions of x
// and of y on Z (with intercept), derived from one centred cross-product matrix of all columns
// (the residual cross products are a Schur complement of it); Fisher z = atanh(r) sqrt(n - |Z| - 3), two-sided normal
// p-value, CI tanh(atanh(r) -/+ z_{(1+level)/2} / sqrt(n - |Z| - 3)).
// Errors: UnknownNode (a name not in the data), InvalidArgument (x or y with several columns,
// too few units), Collinearity (x or y fully determined by Z).
[[nodiscard]] Result<LocalTestsReport> runLocalTests(const NamedColumns& data,
                                                     const std::vector<ImpliedIndependence>& tests,
                                                     double level = 0.95);
// Same from moments computed already (one pass over the rows, see ColumnMoments.hpp).
[[nodiscard]] Result<LocalTestsReport> runLocalTests(const NamedMoments& data,
                                                     const std::vector<ImpliedIndependence>& tests,
                                                     double level = 0.95);
// Same on a Design: its treatment, outcome and covariate columns.
[[nodiscard]] Result<LocalTestsReport> runLocalTests(const data::Design& design,
                                                     const std::vector<ImpliedIndependence>& tests,
                                                     double level = 0.95);

}  // namespace causeway::estimation
