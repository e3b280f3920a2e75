#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"
#include "causeway/database/AggregateRunner.hpp"
#include "causeway/database/InDatabase.hpp"

namespace causeway::database::detail {

// The sums of the final pass for one arm (see finalPassSql for the column order), added over
// shards when the query groups by one.
struct ArmSums {
  double count = 0, w = 0, wy = 0, w2 = 0, w2y = 0, w2y2 = 0, y = 0, y2 = 0;
  Eigen::VectorXd sy, s, ty, tz, zy;  // per z_j: s y z, s z, (t-p) w y z, (t-p) w z, z y
  Eigen::VectorXd wx, wx2;            // per covariate
  Eigen::MatrixXd residual2, gram;    // sum (t-p)^2 z z', sum z z'
  // MIN and MAX of p (of MINs and MAXes over shards), count of extreme p, per covariate the
  // count of values other than 0 and 1.
  double pMin = std::numeric_limits<double>::infinity(), pMax = -std::numeric_limits<double>::infinity(), extreme = 0;
  Eigen::VectorXd nonBinary;
};

// The levels of a text column of `sourceSql`, sorted by bytes (as in-memory categoricals are).
// GROUP BY, not DISTINCT, and grouped by the shard key too when given, so that each shard lists
// its own levels (partitionwise aggregation); merged here.
[[nodiscard]] Result<std::vector<std::string>> textLevels(AggregateRunner& runner, const std::string& sourceSql,
                                                          const std::string& column, const std::string& shardKey);

// Adds one result row (t first) of the final pass to `arm` (zero-initialised on first use).
void addArm(ArmSums& arm, const std::vector<double>& row, Eigen::Index q);

// Reads the upper triangle (row by row) starting at row[at] into a symmetric matrix.
[[nodiscard]] Eigen::MatrixXd symmetric(const std::vector<double>& row, std::size_t& at, Eigen::Index q,
                                        std::size_t stride = 1);

// Solves H b = g for a symmetric positive definite H, scaled to unit diagonal first so that
// covariates in thousands and in fractions do not spoil the factorisation.
[[nodiscard]] std::optional<Eigen::MatrixXd> solveScaled(const Eigen::MatrixXd& h, const Eigen::MatrixXd& g);

// The outcome pass: per-arm OLS from the arms' X'X and X'y, then one GROUP BY t query for the
// residual sums of regression adjustment (HC2), g-computation (per-arm HC2) and AIPW, defined
// as the in-memory estimators.
[[nodiscard]] Result<std::vector<InDatabaseEffect>> outcomeEstimates(AggregateRunner& runner, const std::string& derived,
                                                                     const Eigen::VectorXd& beta, const ArmSums& control,
                                                                     const ArmSums& treated, const InDatabaseRequest& request);

}  // namespace causeway::database::detail
