#include "RankCheck.hpp"

#include <cmath>

#include <Eigen/Dense>

namespace causeway::estimation::detail {

std::vector<AliasedColumn> findAliasedColumns(const Eigen::MatrixXd& gram, double tolerance) {
  const Eigen::Index q = gram.rows();
  std::vector<AliasedColumn> aliased;
  std::vector<Eigen::Index> kept;
  Eigen::MatrixXd lower = Eigen::MatrixXd::Zero(q, q);  // Cholesky factor of G over kept columns
  for (Eigen::Index j = 0; j < q; ++j) {
    const auto k = static_cast<Eigen::Index>(kept.size());
    Eigen::VectorXd cross(k);
    for (Eigen::Index a = 0; a < k; ++a) cross(a) = gram(kept[static_cast<std::size_t>(a)], j);
    Eigen::VectorXd v = k > 0 ? Eigen::VectorXd(lower.topLeftCorner(k, k).triangularView<Eigen::Lower>().solve(cross))
                              : Eigen::VectorXd();
    const double diagonal = gram(j, j);
    const double residual = diagonal - v.squaredNorm();
    if (!(diagonal > 0.0) || residual <= tolerance * diagonal) {
      AliasedColumn info;
      info.column = j;
      if (k > 0 && diagonal > 0.0) {
        const Eigen::VectorXd b = lower.topLeftCorner(k, k).transpose().triangularView<Eigen::Upper>().solve(v);
        for (Eigen::Index a = 0; a < k; ++a) {
          const Eigen::Index col = kept[static_cast<std::size_t>(a)];
          if (std::fabs(b(a)) * std::sqrt(gram(col, col)) > 1e-6 * std::sqrt(diagonal))
            info.combinationOf.push_back(col);
        }
      }
      aliased.push_back(std::move(info));
      continue;
    }
    lower.row(k).head(k) = v.transpose();
    lower(k, k) = std::sqrt(residual);
    kept.push_back(j);
  }
  return aliased;
}

std::string describeAliased(const std::vector<AliasedColumn>& aliased, const std::vector<std::string>& names) {
  std::string out;
  for (const auto& info : aliased) {
    if (!out.empty()) out += "; ";
    const std::string name = "'" + names[static_cast<std::size_t>(info.column)] + "'";
    std::vector<Eigen::Index> others;
    for (Eigen::Index c : info.combinationOf)
      if (c != 0) others.push_back(c);
    if (others.empty()) {
      out += name + " is constant";
      continue;
    }
    out += name + " is a linear combination of ";
    for (std::size_t i = 0; i < others.size(); ++i) {
      if (i > 0) out += ", ";
      out += "'" + names[static_cast<std::size_t>(others[i])] + "'";
    }
    if (info.combinationOf.size() > others.size()) out += " and the intercept";
  }
  return out;
}

}  // namespace causeway::estimation::detail
