#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

namespace causeway::estimation::detail {

// A column that is (numerically) a linear combination of earlier columns.
struct AliasedColumn {
  Eigen::Index column = 0;
  std::vector<Eigen::Index> combinationOf;  // earlier kept columns with non-negligible weight
};

// Cholesky of the cross-product matrix G taken in column order, skipping a column whose
// residual after projecting on the kept earlier columns is below tolerance * G(j,j) — i.e.
// 1 - R² of that column on the earlier ones. Like R's lm, later columns are the ones flagged.
[[nodiscard]] std::vector<AliasedColumn> findAliasedColumns(const Eigen::MatrixXd& gram,
                                                           double tolerance = 1e-10);

// "'x3' is a linear combination of 'x1', 'x2'" / "'x' is constant"; names[0] is the intercept.
[[nodiscard]] std::string describeAliased(const std::vector<AliasedColumn>& aliased,
                                          const std::vector<std::string>& names);

}  // namespace causeway::estimation::detail
