#include "InDatabaseSql.hpp"

#include "causeway/data/Column.hpp"

namespace causeway::database::detail {
namespace {

std::string z(Eigen::Index j) { return j == 0 ? "1.0" : "x" + std::to_string(j); }

// z_i z_j with the intercept's factor 1 left out.
std::string product(Eigen::Index i, Eigen::Index j) {
  if (i == 0 && j == 0) return "1.0";
  if (i == 0) return z(j);
  if (j == 0) return z(i);
  return z(i) + "*" + z(j);
}

// Adds eta and the fitted probability p (computed without overflow for either sign of eta).
std::string withPropensity(const std::string& derived, const Eigen::VectorXd& beta, const std::string& fence) {
  std::string eta = sqlNumber(beta(0));
  for (Eigen::Index j = 1; j < beta.size(); ++j) eta += " + " + sqlNumber(beta(j)) + "*x" + std::to_string(j);
  return "SELECT e1.*, CASE WHEN eta >= 0 THEN 1.0/(1.0 + exp(-eta)) ELSE exp(eta)/(1.0 + exp(eta)) END AS p FROM "
         "(SELECT d.*, " + eta + " AS eta FROM (" + derived + ") AS d" + fence + ") AS e1" + fence;
}

}  // namespace

std::string optimisationFence(SourceKind kind) { return kind == SourceKind::Postgres ? " OFFSET 0" : " LIMIT -1 OFFSET 0"; }

std::string sqlNumber(double value) {
  std::string text = data::formatNumber(value);
  return value < 0 ? "(" + text + ")" : text;
}

std::string irlsStepSql(const std::string& derived, const Eigen::VectorXd& beta, const std::string& fence) {
  const Eigen::Index q = beta.size();
  std::string sql = "SELECT COUNT(*), SUM(t), SUM(CASE WHEN t = 0 OR t = 1 THEN 0 ELSE 1 END)";
  for (Eigen::Index i = 0; i < q; ++i)
    for (Eigen::Index j = i; j < q; ++j) sql += ", SUM(p*(1.0-p)*" + product(i, j) + ")";
  for (Eigen::Index i = 0; i < q; ++i) sql += ", SUM(" + z(i) + "*(p*(1.0-p)*eta + t - p))";
  return sql + "\nFROM (" + withPropensity(derived, beta, fence) + ") AS e2";
}

std::string finalPassSql(const std::string& derived, const Eigen::VectorXd& beta, InDatabaseEstimand estimand,
                         const std::string& fence) {
  const Eigen::Index q = beta.size();
  const std::string weight = estimand == InDatabaseEstimand::ATE
                                 ? "CASE WHEN t = 1 THEN 1.0/p ELSE 1.0/(1.0-p) END AS w, "
                                   "CASE WHEN t = 1 THEN -(1.0-p)/p ELSE p/(1.0-p) END AS s"
                                 : "CASE WHEN t = 1 THEN 1.0 ELSE p/(1.0-p) END AS w, "
                                   "CASE WHEN t = 1 THEN 0.0 ELSE p/(1.0-p) END AS s";
  std::string sql = "SELECT t, COUNT(*), SUM(w), SUM(w*y), SUM(w*w), SUM(w*w*y), SUM(w*w*y*y)";
  for (Eigen::Index j = 0; j < q; ++j) {
    const std::string zj = j == 0 ? "" : "*" + z(j);
    sql += ", SUM(s*y" + zj + "), SUM(s" + zj + "), SUM((t-p)*w*y" + zj + "), SUM((t-p)*w" + zj + ")";
  }
  for (Eigen::Index i = 0; i < q; ++i)
    for (Eigen::Index j = i; j < q; ++j)
      sql += ", SUM((t-p)*(t-p)*" + product(i, j) + "), SUM(p*(1.0-p)*" + product(i, j) + ")";
  for (Eigen::Index j = 1; j < q; ++j) {
    const std::string x = z(j);
    sql += ", SUM(" + x + "), SUM(" + x + "*" + x + "), SUM(w*" + x + "), SUM(w*" + x + "*" + x + ")";
  }
  return sql + "\nFROM (SELECT e2.*, " + weight + " FROM (" + withPropensity(derived, beta, fence) +
         ") AS e2" + fence + ") AS e3\nGROUP BY t ORDER BY t";
}

}  // namespace causeway::database::detail
