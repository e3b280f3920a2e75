// Regression adjustment, g-computation and AIPW in the database, with the in-memory estimators'
// definitions (core/estimation RegressionEstimators.cpp, AipwEstimator.cpp): only sums leave it.
#include <cmath>

#include <Eigen/Dense>

#include "InDatabaseSql.hpp"
#include "InDatabaseSums.hpp"

namespace causeway::database::detail {
namespace {

// The regression's design (1, t, x1..xk) as SQL terms.
std::string regressor(Eigen::Index j) { return j == 0 ? "1.0" : j == 1 ? "t" : "x" + std::to_string(j - 1); }

// v' A v for A symmetric, written out term by term; term(j) is v_j as SQL, v_0 = 1.
template <typename Term>
std::string quadraticFormSql(const Eigen::MatrixXd& a, Term term) {
  std::string sql;
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = i; j < a.cols(); ++j) {
      std::string part = sqlNumber(i == j ? a(i, j) : 2.0 * a(i, j));
      if (i > 0) part += "*" + term(i);
      if (j > 0) part += "*" + term(j);
      sql += (sql.empty() ? "" : " + ") + part;
    }
  return sql;
}

Eigen::MatrixXd symmetricInverse(const Eigen::MatrixXd& m) {
  const Eigen::MatrixXd inverse = *solveScaled(m, Eigen::MatrixXd::Identity(m.rows(), m.cols()));
  return (inverse + inverse.transpose()) / 2;
}

// G-computation as gComputationFromModels: tau = mean of (g1 - g0)'z over the target; SE^2 =
// c'(V1 + V0)c + var((g1 - g0)'z over the target) / n_target, c = (1, target means of x), V_a
// the arm's HC2 covariance (Z'Z)^-1 [sum e^2/(1-h) z z'] (Z'Z)^-1.
InDatabaseEffect gComputation(const Eigen::VectorXd& delta, const ArmSums& c, const ArmSums& t, const Eigen::MatrixXd meat[2],
                              InDatabaseEstimand estimand) {
  const Eigen::MatrixXd target = estimand == InDatabaseEstimand::ATE ? Eigen::MatrixXd(c.gram + t.gram) : t.gram;
  const double n = target(0, 0);
  const Eigen::VectorXd means = target.row(0).transpose() / n;
  Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(means.size(), means.size());
  const ArmSums* arms[2] = {&c, &t};
  for (int a = 0; a < 2; ++a) {
    const Eigen::MatrixXd bread = symmetricInverse(arms[a]->gram);
    covariance += bread * meat[a] * bread;
  }
  const double mean = delta.dot(means), squares = delta.dot(target * delta);
  const double populationVariance = n > 1 ? (squares - n * mean * mean) / (n - 1) / n : 0.0;
  return {"g-computation", mean, std::sqrt(means.dot(covariance * means) + populationVariance)};
}

std::string linearInRegressors(const Eigen::VectorXd& b) {
  std::string sql = sqlNumber(b(0));
  for (Eigen::Index j = 1; j < b.size(); ++j) sql += " + " + sqlNumber(b(j)) + "*" + regressor(j);
  return sql;
}

}  // namespace

Result<std::vector<InDatabaseEffect>> outcomeEstimates(AggregateRunner& runner, const std::string& derived,
                                                       const Eigen::VectorXd& beta, const ArmSums& c, const ArmSums& t,
                                                       const InDatabaseRequest& request) {
  const Eigen::Index q = beta.size();
  const std::string& where = runner.where();
  // Per-arm OLS of y on z = (1, x): X'X and X'y of each arm came with the final pass.
  auto gamma0 = solveScaled(c.gram, c.zy);
  auto gamma1 = solveScaled(t.gram, t.zy);
  if (!gamma0 || !gamma1)
    return makeError(ErrorCode::Collinearity, std::string("The outcome model among the ") + (gamma0 ? "treated" : "controls") +
                                                  " has collinear or constant covariates (in " + where +
                                                  "); the outcome-model estimates need it of full rank");
  // OLS of y on (1, t, x) over all rows, from the same sums.
  Eigen::MatrixXd xtx(q + 1, q + 1);
  const Eigen::MatrixXd gram = c.gram + t.gram;
  xtx(0, 0) = gram(0, 0);
  xtx.block(0, 2, 1, q - 1) = gram.block(0, 1, 1, q - 1);
  xtx.block(2, 2, q - 1, q - 1) = gram.block(1, 1, q - 1, q - 1);
  xtx(1, 1) = xtx(0, 1) = t.count;
  xtx.block(1, 2, 1, q - 1) = t.gram.block(0, 1, 1, q - 1);
  xtx.block(2, 0, q - 1, 2) = xtx.block(0, 2, 2, q - 1).transpose();
  xtx(1, 0) = xtx(0, 1);
  const Eigen::VectorXd zy = c.zy + t.zy;
  Eigen::VectorXd xty(q + 1);
  xty << zy.head(1), t.zy.head(1), zy.tail(q - 1);
  if (!solveScaled(xtx, Eigen::VectorXd::Zero(q + 1)))
    return makeError(ErrorCode::Collinearity, "The regression of the outcome on treatment and covariates is singular in " + where);
  const Eigen::MatrixXd a = symmetricInverse(xtx);
  const Eigen::VectorXd b = a * xty;

  // HC2 of the treatment coefficient: sum e^2 / (1 - h) (a_t' x)^2, a_t the row of (X'X)^-1.
  const std::string columns = "y - (" + linearSql(gamma0->col(0)) + ") AS r0, y - (" + linearSql(gamma1->col(0)) +
                              ") AS r1, y - (" + linearInRegressors(b) + ") AS e, " +
                              linearInRegressors(a.row(1).transpose()) + " AS u, " + quadraticFormSql(a, regressor) +
                              " AS h, CASE WHEN t = 1 THEN " + quadraticFormSql(symmetricInverse(t.gram), zSql) + " ELSE " +
                              quadraticFormSql(symmetricInverse(c.gram), zSql) + " END AS ha";
  const QueryShape shape{runner.kind(), !request.shardKey.empty()};
  const std::string perRow = rowLevel(rowLevel(withPropensity(derived, beta, shape), columns, 3, shape),
                                      "(r0 - r1) AS d, p/(1.0-p) AS o, "
                                      "CASE WHEN t = 1 THEN r1*r1 ELSE r0*r0 END/(1.0 - ha) AS hc", 4, shape);
  // Treated rows: phi = d + r1/p; controls: d - r0/(1-p) (the ATE score, mu1 - mu0 = r0 - r1).
  const std::string phi = "(d + CASE WHEN t = 1 THEN r1/p ELSE -r0/(1.0-p) END)";
  // Then each arm's HC2 meat, sum e_a^2 / (1 - h_a) z z' (h_a the leverage in the row's own arm).
  std::string sql = "SELECT t, COUNT(*), SUM(" + phi + "), SUM(" + phi + "*" + phi +
                    "), SUM(r0), SUM(r0*r0), SUM(o), SUM(o*r0), SUM(o*o), SUM(o*o*r0), SUM(o*o*r0*r0), SUM(e*e/(1.0-h)*u*u)";
  for (Eigen::Index i = 0; i < q; ++i)
    for (Eigen::Index j = i; j < q; ++j) sql += ", SUM(hc*" + productSql(i, j) + ")";
  auto rows = runner.numbers(sql + "\nFROM (" + perRow + ") AS e" + groupBy(true, shape));
  if (!rows) return rows.error();
  const std::size_t width = 12 + static_cast<std::size_t>(q * (q + 1) / 2);
  std::vector<double> arm[2] = {std::vector<double>(width, 0.0), std::vector<double>(width, 0.0)};
  for (const auto& row : *rows)
    for (std::size_t j = 1; j < row.size(); ++j) arm[row[0] == 1.0 ? 1 : 0][j] += row[j];
  const double n = arm[0][1] + arm[1][1];
  Eigen::MatrixXd meat[2];
  for (int a = 0; a < 2; ++a) {
    std::size_t at = 12;
    meat[a] = symmetric(arm[a], at, q);
  }

  std::vector<InDatabaseEffect> out;
  // The coefficient is the ATE's reading only (as in memory: not an ATT under heterogeneity).
  if (request.estimand == InDatabaseEstimand::ATE) out.push_back({"regression", b(1), std::sqrt(arm[0][11] + arm[1][11])});
  out.push_back(gComputation(gamma1->col(0) - gamma0->col(0), c, t, meat, request.estimand));
  if (request.estimand == InDatabaseEstimand::ATE) {
    const double sum = arm[0][2] + arm[1][2], squares = arm[0][3] + arm[1][3];
    out.push_back({"aipw", sum / n, std::sqrt((squares - sum * sum / n) / (n - 1) / n)});
  } else {
    // ATT: a = n/n1 on the treated, b = o n / sum(o) on the controls, r = y - mu0;
    // phi - tau = a (r - ma) on the treated and -b (r - mb) on the controls.
    const std::vector<double>& tr = arm[1];
    const std::vector<double>& co = arm[0];
    const double n1 = tr[1], ma = tr[4] / n1, so = co[6], mb = co[7] / so;
    const double treatedSquares = tr[5] - n1 * ma * ma;
    const double controlSquares = co[10] - 2 * mb * co[9] + mb * mb * co[8];
    const double squares = (n / n1) * (n / n1) * treatedSquares + (n / so) * (n / so) * controlSquares;
    out.push_back({"aipw", ma - mb, std::sqrt(squares / (n - 1) / n)});
  }
  return out;
}

}  // namespace causeway::database::detail
