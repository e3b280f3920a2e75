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
  // A column to group every aggregate by (empty = none): on a table partitioned by it, each
  // partition's SUMs can run on its own server (see docs/databases.md, "Sharded PostgreSQL").
  // The queries then have no optimisation fences, and the per-shard sums are added here.
  std::string shardKey;
  // Also fit per-arm OLS outcome models: regression adjustment, g-computation, AIPW (one more pass).
  bool outcomeModels = false;
};

// An estimate besides IPW, named as estimation::toString(Method): from the outcome pass
// "regression" (ATE only), "g-computation" and "aipw"; or "difference-in-means".
struct InDatabaseEffect {
  std::string method;
  double estimate = 0.0, se = 0.0;
};

struct InDatabaseBalanceRow {
  std::string term;
  double meanTreated = 0.0, meanControl = 0.0;                  // unweighted
  double weightedMeanTreated = 0.0, weightedMeanControl = 0.0;  // with the IPW weights
  double smdBefore = 0.0, smdAfter = 0.0;  // mean difference / SD (see InDatabase.cpp)
  // Weighted variances sum w (x - m)^2 / (sum w - sum w^2 / sum w), treated / control (as in memory).
  double varianceRatioAfter = 0.0;
  bool binary = false;  // every complete row holds 0 or 1 (the verdict skips its variance ratio)
};

// The propensity scores' overlap, from MIN, MAX and COUNT over rows: the numbers the verdict's
// overlap and extrapolation checks need (estimation::OverlapSummary without the histogram).
struct InDatabaseOverlap {
  double minTreated = 0.0, maxTreated = 0.0, minControl = 0.0, maxControl = 0.0;
  // Outside the common support [max of the minima, min of the maxima]; extreme: p < 0.01 or p > 0.99.
  std::size_t outsideTreated = 0, outsideControl = 0, extremeTreated = 0, extremeControl = 0;
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
  std::vector<InDatabaseEffect> outcomeEstimates;  // when request.outcomeModels
  InDatabaseEffect differenceInMeans{"difference-in-means"};  // unadjusted, Welch SE
  InDatabaseOverlap overlap;
  double outcomeSd = 0.0;  // sample SD (n - 1) of the outcome over the complete rows: for E-values
  std::vector<std::string> queries;  // every SQL statement sent, in order
};

// The derived table every in-database query reads: the treatment as t, the outcome as y and
// the covariates as x1..xk (doubles; text columns expanded to 0/1 dummies for each level but
// the first in byte order), and the shard key as shard when set; complete cases only. `levels`
// gives the dummies' levels by column.
[[nodiscard]] std::string derivedTableSql(const std::string& sourceSql, const InDatabaseRequest& request,
                                          const std::vector<std::vector<std::string>>& levels);

// Fits the propensity model by IRLS (one aggregate query per iteration returning X'WX and
// X'Wz), then gets the Hajek IPW estimate, its sandwich SE (the same M-estimation variance as
// the in-memory IPW, which accounts for the estimated propensity), the difference in means, the
// weighted balance and each arm's X'X and X'y from one GROUP BY t query; with
// request.outcomeModels one more GROUP BY t query gives regression adjustment (HC2),
// g-computation and AIPW,
// defined as the in-memory estimators. The final pass also gives each arm's MIN and MAX score
// and its count of extreme scores; one more GROUP BY t query counts the rows outside the common
// support. Only SUM, COUNT, MIN and MAX over a derived table: the queries run
// unchanged on PostgreSQL, SQLite, and distributed PostgreSQL (postgres_fdw partitions, Citus).
// Errors: MalformedData (treatment not 0/1, an empty group), NotConverged (separation: no MLE),
// Collinearity (a singular propensity or outcome model), SyntaxError (a column that does not
// exist), Cancelled.
[[nodiscard]] Result<InDatabaseResult> analyseInDatabase(AggregateRunner& runner, const SourceSpec& spec,
                                                         const InDatabaseRequest& request, const Progress& progress = {});

}  // namespace causeway::database
