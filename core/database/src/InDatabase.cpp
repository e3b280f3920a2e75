#include "causeway/database/InDatabase.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

#include "InDatabaseSql.hpp"
#include "InDatabaseSums.hpp"
#include "causeway/data/Column.hpp"

namespace causeway::database {
using detail::solveScaled;
using detail::symmetric;
using detail::sqlText;

std::string derivedTableSql(const std::string& sourceSql, const InDatabaseRequest& request,
                            const std::vector<std::vector<std::string>>& levels) {
  const auto number = [](const std::string& column) { return "CAST(" + quoteIdentifier(column) + " AS DOUBLE PRECISION)"; };
  std::string select = number(request.treatment) + " AS t, " + number(request.outcome) + " AS y";
  std::string where = quoteIdentifier(request.treatment) + " IS NOT NULL AND " + quoteIdentifier(request.outcome) + " IS NOT NULL";
  int x = 0;
  for (std::size_t c = 0; c < request.covariates.size(); ++c) {
    const std::string& column = request.covariates[c];
    where += " AND " + quoteIdentifier(column) + " IS NOT NULL";
    if (levels[c].empty()) {
      select += ", " + number(column) + " AS x" + std::to_string(++x);
      continue;
    }
    for (std::size_t l = 1; l < levels[c].size(); ++l)
      select += ", CASE WHEN " + quoteIdentifier(column) + " = " + sqlText(levels[c][l]) + " THEN 1.0 ELSE 0.0 END AS x" +
                std::to_string(++x);
  }
  if (!request.shardKey.empty()) select += ", " + quoteIdentifier(request.shardKey) + " AS shard";
  return "SELECT " + select + " FROM (" + sourceSql + ") AS src WHERE " + where;
}

namespace {

// The arms' score ranges from the final pass, then one query for the rows outside the common support.
Result<InDatabaseOverlap> overlapOf(AggregateRunner& runner, const std::string& derived, const Eigen::VectorXd& beta,
                                   const detail::ArmSums& c, const detail::ArmSums& t, const detail::QueryShape& shape) {
  InDatabaseOverlap o{t.pMin, t.pMax, c.pMin, c.pMax, 0, 0, static_cast<std::size_t>(t.extreme),
                      static_cast<std::size_t>(c.extreme)};
  auto rows = runner.numbers(detail::outsideSupportSql(derived, beta, std::max(t.pMin, c.pMin), std::min(t.pMax, c.pMax), shape));
  if (!rows) return rows.error();
  for (const auto& row : *rows) (row[0] == 1.0 ? o.outsideTreated : o.outsideControl) += static_cast<std::size_t>(row[1]);
  return o;
}

}  // namespace

Result<InDatabaseResult> analyseInDatabase(AggregateRunner& runner, const SourceSpec& spec, const InDatabaseRequest& request,
                                           const Progress& progress) {
  const std::string source = effectiveQuery(spec);
  const std::string& where = runner.where();
  InDatabaseResult out;
  out.terms = {"(Intercept)"};
  // Text covariates become dummies: their levels, sorted by bytes as in-memory categoricals are.
  auto textual = runner.textColumns(source, request.covariates);
  if (!textual) return textual.error();
  std::vector<std::vector<std::string>> levels(request.covariates.size());
  for (std::size_t c = 0; c < request.covariates.size(); ++c) {
    if (!(*textual)[c]) {
      out.terms.push_back(request.covariates[c]);
      continue;
    }
    auto found = detail::textLevels(runner, source, request.covariates[c], request.shardKey);
    if (!found) return found.error();
    levels[c] = std::move(found).value();
    for (std::size_t l = 1; l < levels[c].size(); ++l) out.terms.push_back(request.covariates[c] + levels[c][l]);
  }
  const std::string derived = derivedTableSql(source, request, levels);
  const auto q = static_cast<Eigen::Index>(out.terms.size());
  const detail::QueryShape shape{runner.kind(), !request.shardKey.empty()};

  // IRLS: each step one aggregate query returning X'WX and X'Wz.
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(q);
  Eigen::MatrixXd info;  // X'WX at the last step: the information matrix at the (converged) MLE
  bool converged = false;
  for (int iteration = 1; iteration <= request.maxIterations && !converged; ++iteration) {
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "In-database analysis on " + where + " was cancelled");
    auto rows = runner.numbers(detail::irlsStepSql(derived, beta, shape));
    if (!rows) return rows.error();
    if (rows->empty()) return makeError(ErrorCode::EmptyGroup, "No rows to analyse in " + where);
    // One row per shard when grouped by one: add them (a shard's empty SUM is NULL).
    std::vector<double> row(rows->front().size(), 0.0);
    for (const auto& shardRow : *rows)
      for (std::size_t j = 0; j < row.size(); ++j) row[j] += std::isnan(shardRow[j]) ? 0.0 : shardRow[j];
    out.n = static_cast<std::size_t>(row[0]);
    out.nTreated = static_cast<std::size_t>(row[1]);
    if (row[2] > 0)
      return makeError(ErrorCode::NonBinaryTreatment, "The treatment '" + request.treatment + "' must be 0 (control) or 1 (treated); " +
                                                          data::formatNumber(row[2]) + " complete rows hold other values (in " + where + ")",
                       {where, 0, 0, request.treatment});
    if (out.nTreated == 0 || out.nTreated == out.n)
      return makeError(ErrorCode::EmptyGroup, "The treatment '" + request.treatment + "' has " +
                                                  (out.nTreated == 0 ? "no treated" : "no control") + " units among the " +
                                                  std::to_string(out.n) + " complete rows (in " + where + ")",
                       {where, 0, 0, request.treatment});
    std::size_t at = 3;
    info = symmetric(row, at, q);
    Eigen::VectorXd g(q);
    for (Eigen::Index i = 0; i < q; ++i) g(i) = row[at++];
    auto next = solveScaled(info, g);
    if (!next || !next->allFinite())
      return makeError(ErrorCode::Collinearity, "The propensity model's X'WX is singular (collinear covariates or a constant "
                                                "column) in " + where);
    const Eigen::VectorXd step = next->col(0) - beta;
    converged = (step.array().abs() / (beta.array().abs() + 0.1)).maxCoeff() < 1e-10;
    beta = next->col(0);
    out.iterations = iteration;
    progress.report(0.7 * iteration / request.maxIterations);
    if (beta.array().abs().maxCoeff() > 1e8) break;  // separation: the MLE does not exist
  }
  if (!converged)
    return makeError(ErrorCode::NotConverged, "The propensity model did not converge in the database after " +
                                                  std::to_string(out.iterations) +
                                                  " IRLS steps (separation: some covariate predicts treatment perfectly)");
  out.coefficients = beta;

  auto rows = runner.numbers(detail::finalPassSql(derived, beta, request.estimand, shape));
  if (!rows) return rows.error();
  detail::ArmSums c, t;
  for (const auto& row : *rows) {
    if (row[0] != 0.0 && row[0] != 1.0)
      return makeError(ErrorCode::MalformedData, "The treatment '" + request.treatment +
                                                     "' must be 0 (control) or 1 (treated) in every complete row (in " + where + ")",
                       {where, 0, 0, request.treatment});
    detail::addArm(row[0] == 1.0 ? t : c, row, q);
  }
  if (c.count == 0 || t.count == 0)
    return makeError(ErrorCode::EmptyGroup, "The treatment '" + request.treatment + "' lost an arm between queries in " + where);
  const double mu0 = c.wy / c.w, mu1 = t.wy / t.w;
  out.estimate = mu1 - mu0;

  // Sandwich of the stacked equations, from the sums: see docs/databases.md for the algebra.
  Eigen::MatrixXd abg(2, q);
  abg.row(0) = -((c.sy - mu0 * c.s) + (t.sy - mu1 * t.s)).transpose();
  abg.row(1) = -(t.sy - mu1 * t.s).transpose();
  auto correction = solveScaled(info, abg.transpose());
  if (!correction) return makeError(ErrorCode::Collinearity, "The propensity model's information is singular in " + where);
  const Eigen::MatrixXd cMatrix = correction->transpose();  // A_bg G^-1, 2 x q
  const double r0 = c.w2y2 - 2 * mu0 * c.w2y + mu0 * mu0 * c.w2, r1 = t.w2y2 - 2 * mu1 * t.w2y + mu1 * mu1 * t.w2;
  Eigen::Matrix2d pbb;
  pbb << r0 + r1, r1, r1, r1;
  Eigen::MatrixXd pgb(q, 2);
  pgb.col(0) = (c.ty - mu0 * c.tz) + (t.ty - mu1 * t.tz);
  pgb.col(1) = t.ty - mu1 * t.tz;
  const Eigen::Matrix2d cross = cMatrix * pgb;
  const Eigen::Matrix2d meat = pbb - cross - cross.transpose() + cMatrix * (c.residual2 + t.residual2) * cMatrix.transpose();
  Eigen::Matrix2d abb;
  abb << c.w + t.w, t.w, t.w, t.w;
  const Eigen::Matrix2d abbInverse = abb.inverse();
  out.se = std::sqrt((abbInverse * meat * abbInverse.transpose())(1, 1));
  out.essTreated = t.w * t.w / t.w2;
  out.essControl = c.w * c.w / c.w2;

  for (Eigen::Index j = 0; j + 1 < q; ++j) {
    InDatabaseBalanceRow b;
    b.term = out.terms[static_cast<std::size_t>(j + 1)];
    b.meanTreated = t.gram(0, j + 1) / t.count;
    b.meanControl = c.gram(0, j + 1) / c.count;
    const double v1 = (t.gram(j + 1, j + 1) - t.count * b.meanTreated * b.meanTreated) / (t.count - 1);
    const double v0 = (c.gram(j + 1, j + 1) - c.count * b.meanControl * b.meanControl) / (c.count - 1);
    const double sd = std::sqrt(request.estimand == InDatabaseEstimand::ATE ? (v1 + v0) / 2 : v1);
    b.weightedMeanTreated = t.wx(j) / t.w;
    b.weightedMeanControl = c.wx(j) / c.w;
    b.smdBefore = sd > 0 ? (b.meanTreated - b.meanControl) / sd : 0.0;
    b.smdAfter = sd > 0 ? (b.weightedMeanTreated - b.weightedMeanControl) / sd : 0.0;
    // sum w (x - m)^2 = sum w x^2 - m^2 sum w, over the in-memory balance's denominator.
    const double wv1 = (t.wx2(j) - t.w * b.weightedMeanTreated * b.weightedMeanTreated) / (t.w - t.w2 / t.w);
    const double wv0 = (c.wx2(j) - c.w * b.weightedMeanControl * b.weightedMeanControl) / (c.w - c.w2 / c.w);
    b.varianceRatioAfter = wv0 > 0 ? wv1 / wv0 : 0.0;
    b.binary = t.nonBinary(j) == 0 && c.nonBinary(j) == 0;
    out.balance.push_back(std::move(b));
  }
  // Unadjusted: Welch SE sqrt(s1^2/n1 + s0^2/n0), sample variances from sum y and sum y^2.
  const double m1 = t.y / t.count, m0 = c.y / c.count;
  const double s1 = (t.y2 - t.count * m1 * m1) / (t.count - 1), s0 = (c.y2 - c.count * m0 * m0) / (c.count - 1);
  out.differenceInMeans.estimate = m1 - m0;
  out.differenceInMeans.se = std::sqrt(s1 / t.count + s0 / c.count);
  const double n = t.count + c.count, sumY = t.y + c.y;
  out.outcomeSd = std::sqrt((t.y2 + c.y2 - sumY * sumY / n) / (n - 1));
  auto overlap = overlapOf(runner, derived, beta, c, t, shape);
  if (!overlap) return overlap.error();
  out.overlap = *overlap;
  if (request.outcomeModels) {
    progress.report(0.85);
    auto effects = detail::outcomeEstimates(runner, derived, beta, c, t, request);
    if (!effects) return effects.error();
    out.outcomeEstimates = std::move(effects).value();
  }
  out.queries = runner.queries();
  progress.report(1.0);
  return out;
}

}  // namespace causeway::database
