#include "IpwVariance.hpp"

#include <Eigen/Dense>

#include "StandardizedDesign.hpp"

namespace causeway::estimation::detail {

double ipwMEstimationVariance(const Eigen::MatrixXd& x, const Eigen::VectorXd& t, const Eigen::VectorXd& y,
                              const Eigen::VectorXd& e, const Eigen::VectorXd& w, Estimand estimand,
                              const std::vector<bool>& capped, double intercept, double effect, unsigned threads,
                              const StandardizedInformation* known) {
  // In standardized coordinates: the correction term does not depend on how the propensity
  // model is parametrised, and the cross-products stay well conditioned.
  const StandardizedDesign design = known ? StandardizedDesign(x, known->means, known->sds) : StandardizedDesign(x, threads);
  const Eigen::Index q = design.cols();
  const std::size_t chunks = chunkCount(design.rows());
  // dw/d(linear predictor) of each unit's weight, dw/de * e(1 - e), per block of rows.
  const auto weightSlope = [&](Eigen::Index begin, Eigen::Index count) {
    Eigen::ArrayXd slope(count);
    for (Eigen::Index k = 0; k < count; ++k) {
      const Eigen::Index i = begin + k;
      const double p = e(i), wi = w(i);
      const bool treated = t(i) == 1.0;
      slope(k) = 0.0;
      switch (estimand) {
        case Estimand::ATE: slope(k) = treated ? -wi * (1 - p) : wi * p; break;
        case Estimand::ATT: slope(k) = treated ? 0.0 : wi; break;
        case Estimand::ATC: slope(k) = treated ? -wi : 0.0; break;
        case Estimand::ATO: slope(k) = treated ? -wi * p : wi * (1 - p); break;
      }
      if (capped.size() > static_cast<std::size_t>(i) && capped[static_cast<std::size_t>(i)]) slope(k) = 0.0;
    }
    return slope;
  };
  // Outcome residuals of the WLS, per block of rows (no per-unit vector at the memory peak).
  const auto residual = [&](Eigen::Index begin, Eigen::Index count) -> Eigen::ArrayXd {
    return y.segment(begin, count).array() - intercept - effect * t.segment(begin, count).array();
  };

  // Pass 1: information of the logistic model G = sum e(1-e) z z' (unless known), and the
  // cross-derivative A_bg = -sum (w' r) (1, t)' z'.
  std::vector<Eigen::MatrixXd> info(known ? 0 : chunks, Eigen::MatrixXd::Zero(q, q));
  std::vector<Eigen::MatrixXd> cross(chunks, Eigen::MatrixXd::Zero(2, q));
  forEachBlock(design, threads, [&](std::size_t chunk, Eigen::Index begin, const Eigen::MatrixXd& block) {
    const Eigen::Index count = block.rows();
    if (!known) {
      const Eigen::ArrayXd ee = e.segment(begin, count).array();
      const Eigen::MatrixXd scaled = block.array().colwise() * (ee * (1.0 - ee)).sqrt();
      info[chunk].selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose());
    }
    const Eigen::ArrayXd slope = weightSlope(begin, count) * residual(begin, count);
    cross[chunk].row(0) -= (block.transpose() * slope.matrix()).transpose();
    cross[chunk].row(1) -= (block.transpose() * (slope * t.segment(begin, count).array()).matrix()).transpose();
  });
  Eigen::MatrixXd g = Eigen::MatrixXd::Zero(q, q);
  Eigen::MatrixXd abg = Eigen::MatrixXd::Zero(2, q);
  for (std::size_t c = 0; c < chunks; ++c) {
    if (!known) g += info[c];
    abg += cross[c];
  }
  g = g.selfadjointView<Eigen::Lower>();
  const Eigen::MatrixXd correction = known ? Eigen::MatrixXd(abg * known->inverse)  // A_bg G^-1 (2 x q), G^-1 symmetric
                                           : Eigen::MatrixXd(g.ldlt().solve(abg.transpose()).transpose());
  Eigen::Matrix2d abb;
  abb << w.sum(), w.dot(t), w.dot(t), (w.array() * t.array().square()).sum();
  const Eigen::Matrix2d abbInverse = abb.inverse();

  // Pass 2: influence functions A_bb^-1 (psi_b - A_bg G^-1 psi_g), summed as outer products.
  std::vector<Eigen::Matrix2d> partial(chunks, Eigen::Matrix2d::Zero());
  forEachBlock(design, threads, [&](std::size_t chunk, Eigen::Index begin, const Eigen::MatrixXd& block) {
    const Eigen::Index count = block.rows();
    const Eigen::ArrayXd tt = t.segment(begin, count).array();
    const Eigen::ArrayXd logisticResidual = tt - e.segment(begin, count).array();
    Eigen::MatrixXd psi(count, 2);
    const Eigen::ArrayXd wr = w.segment(begin, count).array() * residual(begin, count);
    psi.col(0) = wr.matrix();
    psi.col(1) = (wr * tt).matrix();
    psi -= ((block * correction.transpose()).array().colwise() * logisticResidual).matrix();
    const Eigen::MatrixXd influence = psi * abbInverse.transpose();
    partial[chunk].noalias() += influence.transpose() * influence;
  });
  Eigen::Matrix2d v = Eigen::Matrix2d::Zero();
  for (const auto& p : partial) v += p;
  return v(1, 1);
}

}  // namespace causeway::estimation::detail
