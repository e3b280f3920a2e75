#include "causeway/database/InDatabase.hpp"

#include <cmath>
#include <optional>

#include <Eigen/Dense>

#include "InDatabaseSql.hpp"
#include "causeway/data/Column.hpp"

namespace causeway::database {
namespace {

std::string sqlText(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// Solves H b = g for a symmetric positive definite H, scaled to unit diagonal first so that
// covariates in thousands and in fractions do not spoil the factorisation.
std::optional<Eigen::MatrixXd> solveScaled(const Eigen::MatrixXd& h, const Eigen::MatrixXd& g) {
  const Eigen::VectorXd d = h.diagonal().cwiseMax(1e-300).cwiseSqrt().cwiseInverse();
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(d.asDiagonal() * h * d.asDiagonal());
  if (ldlt.info() != Eigen::Success || !ldlt.isPositive() || ldlt.vectorD().minCoeff() <= 1e-13) return std::nullopt;
  return Eigen::MatrixXd(d.asDiagonal() * ldlt.solve(d.asDiagonal() * g));
}

// Reads the upper triangle (row by row) starting at row[at] into a symmetric matrix.
Eigen::MatrixXd symmetric(const std::vector<double>& row, std::size_t& at, Eigen::Index q, std::size_t stride = 1) {
  Eigen::MatrixXd m(q, q);
  for (Eigen::Index i = 0; i < q; ++i)
    for (Eigen::Index j = i; j < q; ++j) {
      m(i, j) = m(j, i) = row[at];
      at += stride;
    }
  return m;
}

// The per-group sums of the final pass, in finalPassSql's order.
struct ArmSums {
  double count = 0, w = 0, wy = 0, w2 = 0, w2y = 0, w2y2 = 0;
  Eigen::VectorXd sy, s, ty, tz;    // per z_j
  Eigen::MatrixXd residual2, info;  // sum (t-p)^2 z z', sum p(1-p) z z'
  Eigen::VectorXd x, x2, wx, wx2;   // per covariate
};

ArmSums readArm(const std::vector<double>& row, Eigen::Index q) {
  ArmSums a;
  std::size_t at = 1;
  for (double* v : {&a.count, &a.w, &a.wy, &a.w2, &a.w2y, &a.w2y2}) *v = row[at++];
  a.sy.resize(q), a.s.resize(q), a.ty.resize(q), a.tz.resize(q);
  for (Eigen::Index j = 0; j < q; ++j) {
    a.sy(j) = row[at++];
    a.s(j) = row[at++];
    a.ty(j) = row[at++];
    a.tz(j) = row[at++];
  }
  std::size_t second = at + 1;
  a.residual2 = symmetric(row, at, q, 2);
  a.info = symmetric(row, second, q, 2);
  at = second - 1;
  const Eigen::Index k = q - 1;
  a.x.resize(k), a.x2.resize(k), a.wx.resize(k), a.wx2.resize(k);
  for (Eigen::Index j = 0; j < k; ++j) {
    a.x(j) = row[at++];
    a.x2(j) = row[at++];
    a.wx(j) = row[at++];
    a.wx2(j) = row[at++];
  }
  return a;
}

}  // namespace

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
  return "SELECT " + select + " FROM (" + sourceSql + ") AS src WHERE " + where;
}

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
    const std::string column = quoteIdentifier(request.covariates[c]);
    const std::string order = runner.kind() == SourceKind::Postgres ? " COLLATE \"C\"" : "";
    auto found = runner.texts("SELECT DISTINCT " + column + order + " FROM (" + source + ") AS src WHERE " + column +
                              " IS NOT NULL ORDER BY 1");
    if (!found) return found.error();
    levels[c] = std::move(found).value();
    for (std::size_t l = 1; l < levels[c].size(); ++l) out.terms.push_back(request.covariates[c] + levels[c][l]);
  }
  const std::string derived = derivedTableSql(source, request, levels);
  const auto q = static_cast<Eigen::Index>(out.terms.size());
  const std::string fence = detail::optimisationFence(runner.kind());

  // IRLS: each step one aggregate query returning X'WX and X'Wz.
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(q);
  bool converged = false;
  for (int iteration = 1; iteration <= request.maxIterations && !converged; ++iteration) {
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "In-database analysis on " + where + " was cancelled");
    auto rows = runner.numbers(detail::irlsStepSql(derived, beta, fence));
    if (!rows) return rows.error();
    const auto& row = rows->at(0);
    out.n = static_cast<std::size_t>(row[0]);
    out.nTreated = static_cast<std::size_t>(std::isnan(row[1]) ? 0.0 : row[1]);
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
    const Eigen::MatrixXd h = symmetric(row, at, q);
    Eigen::VectorXd g(q);
    for (Eigen::Index i = 0; i < q; ++i) g(i) = row[at++];
    auto next = solveScaled(h, g);
    if (!next || !next->allFinite())
      return makeError(ErrorCode::Collinearity, "The propensity model's X'WX is singular (collinear covariates or a constant "
                                                "column) in " + where);
    const Eigen::VectorXd step = next->col(0) - beta;
    converged = (step.array().abs() / (beta.array().abs() + 0.1)).maxCoeff() < 1e-10;
    beta = next->col(0);
    out.iterations = iteration;
    progress.report(0.8 * iteration / request.maxIterations);
    if (beta.array().abs().maxCoeff() > 1e8) break;  // separation: the MLE does not exist
  }
  if (!converged)
    return makeError(ErrorCode::NotConverged, "The propensity model did not converge in the database after " +
                                                  std::to_string(out.iterations) +
                                                  " IRLS steps (separation: some covariate predicts treatment perfectly)");
  out.coefficients = beta;

  auto rows = runner.numbers(detail::finalPassSql(derived, beta, request.estimand, fence));
  if (!rows) return rows.error();
  if (rows->size() != 2 || rows->at(0)[0] != 0.0 || rows->at(1)[0] != 1.0)
    return makeError(ErrorCode::MalformedData, "The treatment '" + request.treatment +
                                                   "' must be 0 (control) or 1 (treated) in every complete row (in " + where + ")",
                     {where, 0, 0, request.treatment});
  const ArmSums c = readArm(rows->at(0), q), t = readArm(rows->at(1), q);
  const double mu0 = c.wy / c.w, mu1 = t.wy / t.w;
  out.estimate = mu1 - mu0;

  // Sandwich of the stacked equations, from the sums: see docs/databases.md for the algebra.
  const Eigen::MatrixXd info = c.info + t.info;
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
    b.meanTreated = t.x(j) / t.count;
    b.meanControl = c.x(j) / c.count;
    const double v1 = (t.x2(j) - t.count * b.meanTreated * b.meanTreated) / (t.count - 1);
    const double v0 = (c.x2(j) - c.count * b.meanControl * b.meanControl) / (c.count - 1);
    const double sd = std::sqrt(request.estimand == InDatabaseEstimand::ATE ? (v1 + v0) / 2 : v1);
    b.weightedMeanTreated = t.wx(j) / t.w;
    b.weightedMeanControl = c.wx(j) / c.w;
    b.smdBefore = sd > 0 ? (b.meanTreated - b.meanControl) / sd : 0.0;
    b.smdAfter = sd > 0 ? (b.weightedMeanTreated - b.weightedMeanControl) / sd : 0.0;
    const double wv1 = t.wx2(j) / t.w - b.weightedMeanTreated * b.weightedMeanTreated;
    const double wv0 = c.wx2(j) / c.w - b.weightedMeanControl * b.weightedMeanControl;
    b.varianceRatioAfter = wv0 > 0 ? wv1 / wv0 : 0.0;
    out.balance.push_back(std::move(b));
  }
  out.queries = runner.queries();
  progress.report(1.0);
  return out;
}

}  // namespace causeway::database
