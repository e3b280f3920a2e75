#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/database/InDatabase.hpp"

namespace causeway::database::detail {

// How the per-row subqueries are written. Every query is SUMs over nested subqueries that add
// eta, p and the weights to each row; the planner must compute those once per row, not once
// per SUM (PostgreSQL has no common-subexpression elimination: pasted into 250 SUMs, exp() and
// the 21-term eta cost 70 times more, measured). Three shapes:
// - PostgreSQL, one server: each level carries clock_timestamp(), a volatile but parallel-safe
//   function, which keeps the level from being pulled up yet allows a Parallel Seq Scan under
//   Partial Aggregate + Gather (an OFFSET 0 fence would forbid the parallel plan).
// - PostgreSQL, sharded (request.shardKey set): no fence at all, so the planner flattens the
//   levels into the scan of the partitioned table and partitionwise aggregation can push each
//   partition's SUMs to its postgres_fdw server; each shard then evaluates the pasted
//   expressions itself (slower per row, but on every shard at once).
// - SQLite: LIMIT -1 OFFSET 0, SQLite's own fence (it has no parallel plans to lose).
struct QueryShape {
  SourceKind kind = SourceKind::Postgres;
  bool sharded = false;
};

// Wraps `inner` in a level that adds `columns` (a select list) to each of its rows.
[[nodiscard]] std::string rowLevel(const std::string& inner, const std::string& columns, int level, const QueryShape& shape);

// The derived table plus eta and the fitted probability p at `beta` (two levels).
[[nodiscard]] std::string withPropensity(const std::string& derived, const Eigen::VectorXd& beta, const QueryShape& shape);

// The SQL of one IRLS step at coefficients `beta` (intercept first) over `derived`: one row
// (one per shard when sharded; the caller adds them) with COUNT(*), SUM(t), the number of rows
// whose t is not 0 or 1, then the upper triangle of X'WX row by row, then X'Wz, for
// X = (1, x1..xk), W = p(1 - p) and z = eta + (t - p) / W (so X'Wz = SUM(x (W eta + t - p))).
[[nodiscard]] std::string irlsStepSql(const std::string& derived, const Eigen::VectorXd& beta, const QueryShape& shape);

// The SQL of the final pass, grouped by t (and by shard when sharded: the caller adds the
// rows of each t), controls first, in this column order: t, COUNT(*), SUM(w), SUM(w y),
// SUM(w^2), SUM(w^2 y), SUM(w^2 y^2), SUM(y), SUM(y^2); then for each z_j of
// z = (1, x1..xk): SUM(s y z_j), SUM(s z_j), SUM((t-p) w y z_j), SUM((t-p) w z_j), SUM(z_j y),
// SUM(w x_j), SUM(w x_j^2) (the last two only for j >= 1); then for i <= j:
// SUM((t-p)^2 z_i z_j), SUM(z_i z_j); then MIN(p), MAX(p), the count of p outside
// [kExtremeScore, 1 - kExtremeScore] and, per covariate x_j, the count of its values other than 0
// and 1. w is the estimand's weight and s = dw/d(eta).
[[nodiscard]] std::string finalPassSql(const std::string& derived, const Eigen::VectorXd& beta, InDatabaseEstimand estimand,
                                       const QueryShape& shape);

// Scores below this or above 1 minus it are extreme (estimation::OverlapOptions::extremeLow).
inline constexpr double kExtremeScore = 0.01;

// The rows outside the common support [low, high] of the scores at `beta`, grouped by t (and by
// shard when sharded), controls first: t, COUNT of p < low or p > high. The scores are the
// final pass's, from the same SQL, so the arms' MIN and MAX fed back as `low` and `high` are
// exactly the boundary.
[[nodiscard]] std::string outsideSupportSql(const std::string& derived, const Eigen::VectorXd& beta, double low,
                                            double high, const QueryShape& shape);

// sum_j coefficient_j * z_j as SQL, z = (1, x1..xk).
[[nodiscard]] std::string linearSql(const Eigen::VectorXd& coefficients);

// z_j as SQL ("1.0" for the intercept) and z_i z_j with the intercept's factor left out.
[[nodiscard]] std::string zSql(Eigen::Index j);
[[nodiscard]] std::string productSql(Eigen::Index i, Eigen::Index j);

// A text as an SQL string literal ('it''s').
[[nodiscard]] std::string sqlText(const std::string& text);

// A double as an SQL literal that reads back to the same double.
[[nodiscard]] std::string sqlNumber(double value);

// " GROUP BY shard" / " GROUP BY t, shard ORDER BY t" and the like.
[[nodiscard]] std::string groupBy(bool byTreatment, const QueryShape& shape);

}  // namespace causeway::database::detail
