#include "StandardizedDesign.hpp"

#include <algorithm>
#include <cmath>

namespace causeway::estimation::detail {

StandardizedDesign::StandardizedDesign(const Eigen::MatrixXd& x, unsigned threads, const Eigen::VectorXd* leading)
    : x_(&x), lead_(leading), mean_(predictors()), sd_(predictors()), inverseSd_(predictors()) {
  const Eigen::Index n = x.rows();
  const Eigen::Index offset = lead_ ? 1 : 0;
  // Starting threads costs more than summing a small matrix.
  const unsigned workers = x.size() >= (Eigen::Index{1} << 20) ? threads : 1u;
  parallelFor(static_cast<std::size_t>(predictors()), workers, [&](std::size_t jj) {
    const auto j = static_cast<Eigen::Index>(jj);
    const double* column = lead_ && j == 0 ? lead_->data() : x.col(j - offset).data();
    // Eigen's vectorised reductions, block by block so that the second pass's three reductions
    // read each block from memory once.
    constexpr Eigen::Index kBlock = 4096;
    double sum = 0.0;
    for (Eigen::Index begin = 0; begin < n; begin += kBlock)
      sum += Eigen::Map<const Eigen::ArrayXd>(column + begin, std::min(kBlock, n - begin)).sum();
    const double mean = n > 0 ? sum / static_cast<double>(n) : 0.0;
    // Sum of squared deviations, and whether any value differs from another.
    double ss = 0.0, lo = n > 0 ? column[0] : 0.0, hi = lo;
    for (Eigen::Index begin = 0; begin < n; begin += kBlock) {
      const Eigen::Map<const Eigen::ArrayXd> block(column + begin, std::min(kBlock, n - begin));
      ss += (block - mean).square().sum();
      lo = std::min(lo, block.minCoeff());
      hi = std::max(hi, block.maxCoeff());
    }
    mean_(j) = mean;
    sd_(j) = n > 1 ? std::sqrt(ss / static_cast<double>(n - 1)) : 0.0;
    const bool constant = !(lo < hi);  // all values equal (not merely a tiny sd)
    inverseSd_(j) = constant || sd_(j) == 0.0 ? 0.0 : 1.0 / sd_(j);
  });
}

StandardizedDesign::StandardizedDesign(const Eigen::MatrixXd& x, const Eigen::RowVectorXd& means,
                                       const Eigen::RowVectorXd& sds)
    : x_(&x), lead_(nullptr), mean_(means), sd_(sds), inverseSd_(sds.cwiseInverse()) {}

std::vector<Eigen::Index> StandardizedDesign::constantColumns() const {
  std::vector<Eigen::Index> out;
  for (Eigen::Index j = 0; j < inverseSd_.size(); ++j)
    if (inverseSd_(j) == 0.0) out.push_back(j);
  return out;
}

void StandardizedDesign::fillBlock(Eigen::Index begin, Eigen::Index count, Eigen::MatrixXd& block) const {
  block.resize(count, cols());
  block.col(0).setOnes();
  const Eigen::Index p = x_->cols();
  if (lead_) block.col(1) = ((lead_->segment(begin, count).array() - mean_(0)) * inverseSd_(0)).matrix();
  block.rightCols(p) = ((x_->middleRows(begin, count).rowwise() - mean_.tail(p)).array().rowwise() *
                        inverseSd_.tail(p).array()).matrix();
}

Eigen::VectorXd StandardizedDesign::row(Eigen::Index i) const {
  Eigen::VectorXd out(cols());
  out(0) = 1.0;
  const Eigen::Index p = x_->cols();
  if (lead_) out(1) = ((*lead_)(i) - mean_(0)) * inverseSd_(0);
  out.tail(p) = ((x_->row(i) - mean_.tail(p)).array() * inverseSd_.tail(p).array()).matrix().transpose();
  return out;
}

Eigen::MatrixXd StandardizedDesign::toOriginalScale() const {
  // beta_j = b_j / sd_j ; beta_0 = b_0 - sum_j b_j mean_j / sd_j
  const Eigen::Index p = predictors();
  Eigen::VectorXd diagonal = Eigen::VectorXd::Ones(p + 1);
  diagonal.tail(p) = inverseSd_.transpose();
  Eigen::MatrixXd a = diagonal.asDiagonal();
  a.row(0).tail(p) = -(mean_.array() * inverseSd_.array()).matrix();
  return a;
}

}  // namespace causeway::estimation::detail
