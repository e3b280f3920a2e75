#include "InDatabaseSums.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

namespace causeway::database::detail {

Eigen::MatrixXd symmetric(const std::vector<double>& row, std::size_t& at, Eigen::Index q, std::size_t stride) {
  Eigen::MatrixXd m(q, q);
  for (Eigen::Index i = 0; i < q; ++i)
    for (Eigen::Index j = i; j < q; ++j) {
      m(i, j) = m(j, i) = row[at];
      at += stride;
    }
  return m;
}

std::optional<Eigen::MatrixXd> solveScaled(const Eigen::MatrixXd& h, const Eigen::MatrixXd& g) {
  const Eigen::VectorXd d = h.diagonal().cwiseMax(1e-300).cwiseSqrt().cwiseInverse();
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(d.asDiagonal() * h * d.asDiagonal());
  if (ldlt.info() != Eigen::Success || !ldlt.isPositive() || ldlt.vectorD().minCoeff() <= 1e-13) return std::nullopt;
  return Eigen::MatrixXd(d.asDiagonal() * ldlt.solve(d.asDiagonal() * g));
}

Result<std::vector<std::string>> textLevels(AggregateRunner& runner, const std::string& sourceSql, const std::string& column,
                                            const std::string& shardKey) {
  const std::string quoted = quoteIdentifier(column);
  const std::string shard = shardKey.empty() ? "" : quoteIdentifier(shardKey) + ", ";
  auto found = runner.texts("SELECT " + quoted + " FROM (" + sourceSql + ") AS src WHERE " + quoted + " IS NOT NULL GROUP BY " +
                            shard + quoted);
  if (!found) return found.error();
  std::vector<std::string> levels = std::move(found).value();
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  return levels;
}

void addArm(ArmSums& a, const std::vector<double>& row, Eigen::Index q) {
  const Eigen::Index k = q - 1;
  if (a.sy.size() == 0) {
    for (Eigen::VectorXd* v : {&a.sy, &a.s, &a.ty, &a.tz, &a.zy}) v->setZero(q);
    a.wx.setZero(k), a.wx2.setZero(k), a.nonBinary.setZero(k);
    a.residual2.setZero(q, q), a.gram.setZero(q, q);
  }
  std::size_t at = 1;
  for (double* v : {&a.count, &a.w, &a.wy, &a.w2, &a.w2y, &a.w2y2, &a.y, &a.y2}) *v += row[at++];
  for (Eigen::Index j = 0; j < q; ++j) {
    for (Eigen::VectorXd* v : {&a.sy, &a.s, &a.ty, &a.tz, &a.zy}) (*v)(j) += row[at++];
    if (j == 0) continue;
    a.wx(j - 1) += row[at++];
    a.wx2(j - 1) += row[at++];
  }
  std::size_t second = at + 1;
  a.residual2 += symmetric(row, at, q, 2);
  a.gram += symmetric(row, second, q, 2);
  a.pMin = std::min(a.pMin, row[at++]);
  a.pMax = std::max(a.pMax, row[at++]);
  a.extreme += row[at++];
  for (Eigen::Index j = 0; j < k; ++j) a.nonBinary(j) += row[at++];
}

}  // namespace causeway::database::detail
