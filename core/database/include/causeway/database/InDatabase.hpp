#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/database/AggregateRunner.hpp"

namespace causeway::database {

enum class InDatabaseEstimand { ATE, ATT };

struct InDatabaseRequest {
  std::string treatment;                // a 0/1 column (1 = treated)
  std::string outcome;                  // a numeric column
  std::vector<std::string> covariates;  // numeric columns as they are; text columns become dummies
  InDatabaseEstimand estimand = InDatabaseEstimand::ATE;
  int maxIterations = 50;
};

struct InDatabaseBalanceRow {
  std::string term;
  double meanTreated = 0.0, meanControl = 0.0;                  // unweighted
  double weightedMeanTreated = 0.0, weightedMeanControl = 0.0;  // with the IPW weights
  double smdBefore = 0.0, smdAfter = 0.0;  // mean difference / SD (see InDatabase.cpp)
  double varianceRatioAfter = 0.0;         // weighted variance treated / control
};

// Everything computed from sums over rows inside the database; only these numbers leave it.
struct InDatabaseResult {
  std::size_t n = 0, nTreated = 0;
  std::vector<std::string> terms;  // "(Intercept)", then covariate columns; a dummy is "<column><level>"
  Eigen::VectorXd coefficients;    // the logistic propensity model, by IRLS
  int iterations = 0;
  double estimate = 0.0, se = 0.0;  // Hajek IPW, sandwich SE of the stacked estimating equations
  double essTreated = 0.0, essControl = 0.0;
  std::vector<InDatabaseBalanceRow> balance;
  std::vector<std::string> queries;  // every SQL statement sent, in order
};

// The derived table every in-database query reads: the treatment as t, the outcome as y and
// the covariates as x1..xk (doubles; text columns expanded to 0/1 dummies for each level but
// the first in byte order), complete cases only. `levels` gives the dummies' levels by column.
[[nodiscard]] std::string derivedTableSql(const std::string& sourceSql, const InDatabaseRequest& request,
                                          const std::vector<std::vector<std::string>>& levels);

// Fits the propensity model by IRLS (one aggregate query per iteration returning X'WX and
// X'Wz), then gets the Hajek IPW estimate, its sandwich SE (the same M-estimation variance as
// the in-memory IPW, which accounts for the estimated propensity) and the weighted balance from
// one GROUP BY t query. Only SUM and COUNT over a derived table: the queries run unchanged on
// PostgreSQL, SQLite, and distributed PostgreSQL (postgres_fdw partitions, Citus).
// Errors: MalformedData (treatment not 0/1, an empty group), NotConverged (separation: no MLE),
// SyntaxError (a column that does not exist), Cancelled.
[[nodiscard]] Result<InDatabaseResult> analyseInDatabase(AggregateRunner& runner, const SourceSpec& spec,
                                                         const InDatabaseRequest& request, const Progress& progress = {});

}  // namespace causeway::database
