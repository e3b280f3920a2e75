#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/database/InDatabase.hpp"

namespace causeway::database::detail {

// The SQL of one IRLS step at coefficients `beta` (intercept first) over `derived`: one row with
// COUNT(*), SUM(t), the number of rows whose t is not 0 or 1, then the upper triangle of X'WX row by row, then X'Wz, for X = (1, x1..xk),
// W = p(1 - p) and z = eta + (t - p) / W (so X'Wz = SUM(x (W eta + t - p))).
[[nodiscard]] std::string irlsStepSql(const std::string& derived, const Eigen::VectorXd& beta, const std::string& fence);

// The SQL of the final pass, grouped by t (two rows, controls first), in this column order:
// t, COUNT(*), SUM(w), SUM(w y), SUM(w^2), SUM(w^2 y), SUM(w^2 y^2); then for each z_j of
// z = (1, x1..xk): SUM(s y z_j), SUM(s z_j), SUM((t-p) w y z_j), SUM((t-p) w z_j); then for
// i <= j: SUM((t-p)^2 z_i z_j), SUM(p(1-p) z_i z_j); then for each covariate x_j: SUM(x_j),
// SUM(x_j^2), SUM(w x_j), SUM(w x_j^2). w is the estimand's weight and s = dw/d(eta).
[[nodiscard]] std::string finalPassSql(const std::string& derived, const Eigen::VectorXd& beta, InDatabaseEstimand estimand,
                                       const std::string& fence);

// Appended to a subquery so the planner keeps it as a step instead of pasting its expressions
// (eta, p, w) into every SUM, which would evaluate exp() hundreds of times a row. PostgreSQL
// and SQLite both keep a subquery with an OFFSET; SQLite needs a LIMIT before it.
[[nodiscard]] std::string optimisationFence(SourceKind kind);

// A double as an SQL literal that reads back to the same double.
[[nodiscard]] std::string sqlNumber(double value);

}  // namespace causeway::database::detail
