#include "TwoByTwo.hpp"

#include <cmath>

namespace causeway::panel::detail {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

struct Ols {
  VectorXd fitted;    // x β for every unit
  VectorXd residual;  // (1 − d)(dy − x β): nonzero for controls only
  MatrixXd xtxInverse;  // (X' diag(1 − d) X / n)⁻¹
};

Result<Ols> controlRegression(const VectorXd& dy, const VectorXd& d, const MatrixXd& x) {
  const auto n = static_cast<double>(dy.size());
  const VectorXd c = VectorXd::Ones(dy.size()) - d;
  const MatrixXd xtx = x.transpose() * c.asDiagonal() * x / n;
  Eigen::FullPivLU<MatrixXd> lu(xtx);
  if (!lu.isInvertible())
    return makeError(ErrorCode::Collinearity, "the covariates are collinear among the comparison units");
  const VectorXd beta = lu.solve(x.transpose() * c.cwiseProduct(dy) / n);
  Ols ols;
  ols.fitted = x * beta;
  ols.residual = c.cwiseProduct(dy - ols.fitted);
  ols.xtxInverse = lu.inverse();
  return ols;
}

struct Logit {
  VectorXd p;
  MatrixXd hessianInverse;  // (X' diag(p(1 − p)) X / n)⁻¹, R's vcov(glm) · n
};

// Newton–Raphson for the maximum likelihood logit of d on x.
Result<Logit> fitLogit(const VectorXd& d, const MatrixXd& x) {
  const auto n = static_cast<double>(d.size());
  VectorXd gamma = VectorXd::Zero(x.cols());
  VectorXd p(d.size());
  MatrixXd info;
  for (int iteration = 0; iteration < 50; ++iteration) {
    const VectorXd eta = x * gamma;
    p = eta.unaryExpr([](double e) { return 1.0 / (1.0 + std::exp(-e)); });
    const VectorXd w = p.cwiseProduct(VectorXd::Ones(p.size()) - p);
    info = x.transpose() * w.asDiagonal() * x / n;
    const VectorXd score = x.transpose() * (d - p) / n;
    Eigen::LDLT<MatrixXd> ldlt(info);
    if (ldlt.info() != Eigen::Success || !ldlt.isPositive())
      return makeError(ErrorCode::Separation, "the propensity model cannot be fitted (the covariates separate the cohort from its controls)");
    const VectorXd step = ldlt.solve(score);
    gamma += step;
    if (!gamma.allFinite() || gamma.cwiseAbs().maxCoeff() > 50)
      return makeError(ErrorCode::Separation, "the propensity model diverges (the covariates separate the cohort from its controls)");
    if (step.cwiseAbs().maxCoeff() < 1e-10) {
      const VectorXd etaFinal = x * gamma;
      p = etaFinal.unaryExpr([](double e) { return 1.0 / (1.0 + std::exp(-e)); });
      const VectorXd wFinal = p.cwiseProduct(VectorXd::Ones(p.size()) - p);
      info = x.transpose() * wFinal.asDiagonal() * x / n;
      // As DRDID: keep the weights of controls finite.
      p = p.cwiseMin(1.0 - 1e-6);
      return Logit{p, info.inverse()};
    }
  }
  return makeError(ErrorCode::NotConverged, "the propensity model did not converge in 50 iterations");
}

}  // namespace

TwoByTwo didUnconditional(const VectorXd& dy, const VectorXd& d) {
  const auto n = static_cast<double>(dy.size());
  const double n1 = d.sum();
  const double n0 = n - n1;
  const double m1 = d.dot(dy) / n1;
  const double m0 = (dy.sum() - d.dot(dy)) / n0;
  TwoByTwo result;
  result.att = m1 - m0;
  result.influence.resize(dy.size());
  for (Eigen::Index i = 0; i < dy.size(); ++i)
    result.influence[i] = d[i] == 1 ? n / n1 * (dy[i] - m1) : -n / n0 * (dy[i] - m0);
  return result;
}

Result<TwoByTwo> didRegression(const VectorXd& dy, const VectorXd& d, const MatrixXd& x) {
  auto ols = controlRegression(dy, d, x);
  if (!ols) return ols.error();
  const double meanD = d.mean();
  const double etaTreat = d.dot(dy) / dy.size() / meanD;
  const double etaCont = d.dot(ols->fitted) / dy.size() / meanD;
  // The OLS coefficients' estimation error enters through M1 = E[d x].
  const VectorXd m1 = x.transpose() * d / static_cast<double>(dy.size());
  const VectorXd lever = x * (ols->xtxInverse * m1);
  TwoByTwo result;
  result.att = etaTreat - etaCont;
  const VectorXd infTreat = (d.cwiseProduct(dy) - d * etaTreat) / meanD;
  const VectorXd infCont = (d.cwiseProduct(ols->fitted) - d * etaCont + ols->residual.cwiseProduct(lever)) / meanD;
  result.influence = infTreat - infCont;
  return result;
}

Result<TwoByTwo> didIpw(const VectorXd& dy, const VectorXd& d, const MatrixXd& x) {
  auto logit = fitLogit(d, x);
  if (!logit) return logit.error();
  const auto n = static_cast<double>(dy.size());
  const VectorXd& p = logit->p;
  const VectorXd wCont = (p.array() * (1.0 - d.array()) / (1.0 - p.array())).matrix();
  const double meanD = d.mean(), meanW = wCont.mean();
  const double etaTreat = d.dot(dy) / n / meanD;
  const double etaCont = wCont.dot(dy) / n / meanW;
  // The propensity score's estimation error enters through M2 = E[w (dy − η) x].
  const VectorXd m2 = x.transpose() * wCont.cwiseProduct((dy.array() - etaCont).matrix()) / n;
  const VectorXd lever = x * (logit->hessianInverse * m2);
  TwoByTwo result;
  result.att = etaTreat - etaCont;
  const VectorXd infTreat = (d.cwiseProduct(dy) - d * etaTreat) / meanD;
  const VectorXd infCont = (wCont.cwiseProduct(dy) - wCont * etaCont + (d - p).cwiseProduct(lever)) / meanW;
  result.influence = infTreat - infCont;
  return result;
}

Result<TwoByTwo> didDoublyRobust(const VectorXd& dy, const VectorXd& d, const MatrixXd& x) {
  auto logit = fitLogit(d, x);
  if (!logit) return logit.error();
  auto ols = controlRegression(dy, d, x);
  if (!ols) return ols.error();
  const auto n = static_cast<double>(dy.size());
  const VectorXd& p = logit->p;
  const VectorXd wCont = (p.array() * (1.0 - d.array()) / (1.0 - p.array())).matrix();
  const VectorXd e = dy - ols->fitted;
  const double meanD = d.mean(), meanW = wCont.mean();
  const double etaTreat = d.dot(e) / n / meanD;
  const double etaCont = wCont.dot(e) / n / meanW;
  const VectorXd m1 = x.transpose() * d / n;
  const VectorXd m2 = x.transpose() * wCont.cwiseProduct((e.array() - etaCont).matrix()) / n;
  const VectorXd m3 = x.transpose() * wCont / n;
  const VectorXd olsLever1 = x * (ols->xtxInverse * m1);
  const VectorXd olsLever3 = x * (ols->xtxInverse * m3);
  const VectorXd psLever = x * (logit->hessianInverse * m2);
  TwoByTwo result;
  result.att = etaTreat - etaCont;
  const VectorXd infTreat = (d.cwiseProduct(e) - d * etaTreat - ols->residual.cwiseProduct(olsLever1)) / meanD;
  const VectorXd infCont = (wCont.cwiseProduct(e) - wCont * etaCont + (d - p).cwiseProduct(psLever) -
                            ols->residual.cwiseProduct(olsLever3)) / meanW;
  result.influence = infTreat - infCont;
  return result;
}

}  // namespace causeway::panel::detail
