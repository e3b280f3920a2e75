#include "InDatabaseSql.hpp"

#include "causeway/data/Column.hpp"

namespace causeway::database::detail {

std::string zSql(Eigen::Index j) { return j == 0 ? "1.0" : "x" + std::to_string(j); }

std::string productSql(Eigen::Index i, Eigen::Index j) {
  if (i == 0 && j == 0) return "1.0";
  if (i == 0) return zSql(j);
  if (j == 0) return zSql(i);
  return zSql(i) + "*" + zSql(j);
}

std::string sqlText(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string sqlNumber(double value) {
  std::string text = data::formatNumber(value);
  return value < 0 ? "(" + text + ")" : text;
}

std::string linearSql(const Eigen::VectorXd& coefficients) {
  std::string sql = sqlNumber(coefficients(0));
  for (Eigen::Index j = 1; j < coefficients.size(); ++j) sql += " + " + sqlNumber(coefficients(j)) + "*x" + std::to_string(j);
  return sql;
}

std::string rowLevel(const std::string& inner, const std::string& columns, int level, const QueryShape& shape) {
  const std::string alias = "r" + std::to_string(level);
  std::string sql = "SELECT " + alias + ".*, " + columns;
  if (shape.kind == SourceKind::Postgres && !shape.sharded) sql += ", clock_timestamp() AS keep" + std::to_string(level);
  sql += " FROM (" + inner + ") AS " + alias;
  if (shape.kind == SourceKind::Sqlite) sql += " LIMIT -1 OFFSET 0";
  return sql;
}

std::string withPropensity(const std::string& derived, const Eigen::VectorXd& beta, const QueryShape& shape) {
  // p without overflow for either sign of eta.
  return rowLevel(rowLevel(derived, linearSql(beta) + " AS eta", 1, shape),
                  "CASE WHEN eta >= 0 THEN 1.0/(1.0 + exp(-eta)) ELSE exp(eta)/(1.0 + exp(eta)) END AS p", 2, shape);
}

std::string groupBy(bool byTreatment, const QueryShape& shape) {
  if (byTreatment) return shape.sharded ? "\nGROUP BY t, shard ORDER BY t" : "\nGROUP BY t ORDER BY t";
  return shape.sharded ? "\nGROUP BY shard" : "";
}

namespace {

// "<weight>*x1 AS <prefix>1, ..." : each covariate times a per-row weight, once per row.
std::string weighted(const std::string& weight, const std::string& prefix, Eigen::Index q) {
  std::string sql;
  for (Eigen::Index j = 1; j < q; ++j) sql += ", " + weight + "*x" + std::to_string(j) + " AS " + prefix + std::to_string(j);
  return sql;
}

// SUM(c z_i z_j) for i <= j from the columns of weighted(): one product per SUM.
std::string weightedBlock(const std::string& weight, const std::string& prefix, Eigen::Index i, Eigen::Index j) {
  if (i == 0 && j == 0) return "SUM(" + weight + ")";
  if (i == 0) return "SUM(" + prefix + std::to_string(j) + ")";
  return "SUM(" + prefix + std::to_string(i) + "*" + zSql(j) + ")";
}

std::string times(const std::string& column, Eigen::Index j) { return j == 0 ? column : column + "*" + zSql(j); }

}  // namespace

// Every product a SUM needs beyond one multiplication is a column of its own (PostgreSQL's
// executor evaluates each operator of each SUM per row: fewer operators, faster passes).
std::string irlsStepSql(const std::string& derived, const Eigen::VectorXd& beta, const QueryShape& shape) {
  const Eigen::Index q = beta.size();
  std::string sql = "SELECT COUNT(*), SUM(t), SUM(CASE WHEN t = 0 OR t = 1 THEN 0 ELSE 1 END)";
  for (Eigen::Index i = 0; i < q; ++i)
    for (Eigen::Index j = i; j < q; ++j) sql += ", " + weightedBlock("wt", "v", i, j);
  for (Eigen::Index i = 0; i < q; ++i) sql += ", SUM(" + times("g", i) + ")";
  const std::string columns = "p*(1.0-p) AS wt, p*(1.0-p)*eta + t - p AS g" + weighted("p*(1.0-p)", "v", q);
  return sql + "\nFROM (" + rowLevel(withPropensity(derived, beta, shape), columns, 3, shape) + ") AS e" +
         groupBy(false, shape);
}

std::string finalPassSql(const std::string& derived, const Eigen::VectorXd& beta, InDatabaseEstimand estimand,
                         const QueryShape& shape) {
  const Eigen::Index q = beta.size();
  const std::string weight = estimand == InDatabaseEstimand::ATE
                                 ? "CASE WHEN t = 1 THEN 1.0/p ELSE 1.0/(1.0-p) END AS w, "
                                   "CASE WHEN t = 1 THEN -(1.0-p)/p ELSE p/(1.0-p) END AS s"
                                 : "CASE WHEN t = 1 THEN 1.0 ELSE p/(1.0-p) END AS w, "
                                   "CASE WHEN t = 1 THEN 0.0 ELSE p/(1.0-p) END AS s";
  const std::string products = "(t-p)*(t-p) AS rr, s*y AS sy, (t-p)*w AS ew, (t-p)*w*y AS ewy" +
                               weighted("(t-p)*(t-p)", "u", q) + weighted("w", "wx", q);
  std::string sql = "SELECT t, COUNT(*), SUM(w), SUM(w*y), SUM(w*w), SUM(w*w*y), SUM(w*w*y*y), SUM(y), SUM(y*y)";
  for (Eigen::Index j = 0; j < q; ++j) {
    for (const char* column : {"sy", "s", "ewy", "ew", "y"}) sql += ", SUM(" + times(column, j) + ")";
    if (j > 0) sql += ", SUM(wx" + std::to_string(j) + "), SUM(wx" + std::to_string(j) + "*" + zSql(j) + ")";
  }
  for (Eigen::Index i = 0; i < q; ++i)
    for (Eigen::Index j = i; j < q; ++j) sql += ", " + weightedBlock("rr", "u", i, j) + ", SUM(" + productSql(i, j) + ")";
  sql += ", MIN(p), MAX(p), SUM(CASE WHEN p < " + sqlNumber(kExtremeScore) + " OR p > " + sqlNumber(1.0 - kExtremeScore) +
         " THEN 1 ELSE 0 END)";
  for (Eigen::Index j = 1; j < q; ++j) sql += ", SUM(CASE WHEN " + zSql(j) + " = 0 OR " + zSql(j) + " = 1 THEN 0 ELSE 1 END)";
  return sql + "\nFROM (" + rowLevel(rowLevel(withPropensity(derived, beta, shape), weight, 3, shape), products, 4, shape) +
         ") AS e" + groupBy(true, shape);
}

std::string outsideSupportSql(const std::string& derived, const Eigen::VectorXd& beta, double low, double high,
                              const QueryShape& shape) {
  return "SELECT t, SUM(CASE WHEN p < " + sqlNumber(low) + " OR p > " + sqlNumber(high) + " THEN 1 ELSE 0 END)\nFROM (" +
         withPropensity(derived, beta, shape) + ") AS e" + groupBy(true, shape);
}

}  // namespace causeway::database::detail
