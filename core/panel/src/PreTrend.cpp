#include "causeway/panel/PreTrend.hpp"

#include <algorithm>

#include <boost/math/distributions/fisher_f.hpp>

namespace causeway::panel {

namespace {

constexpr int kMaxBins = 12;

std::optional<PreTrendTest> waldTest(const Eigen::MatrixXd& psi, const Eigen::VectorXd& theta) {
  const auto n = static_cast<double>(psi.rows());
  const Eigen::MatrixXd covariance = psi.transpose() * psi / (n * n);
  // A generalised inverse: effects can be exactly dependent (e.g. cohorts sharing a control change).
  Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd> cod(covariance);
  cod.setThreshold(1e-10);
  PreTrendTest test;
  test.df = static_cast<int>(cod.rank());
  test.denominatorDf = static_cast<int>(psi.rows()) - test.df;
  if (test.df == 0 || test.denominatorDf < 1) return std::nullopt;
  test.statistic = theta.dot(cod.solve(theta));
  const double f = test.statistic * test.denominatorDf / (test.df * n);
  test.pValue = boost::math::cdf(
      boost::math::complement(boost::math::fisher_f_distribution<double>(test.df, test.denominatorDf), f));
  return test;
}

// Every cohort has several units per pre cell, and the units far outnumber the cells.
bool cellsAreTestable(const GroupTimeEffects& effects, const std::vector<Eigen::Index>& pre) {
  const auto n = static_cast<double>(effects.influence.rows());
  if (static_cast<double>(pre.size()) > n / 10) return false;
  for (std::size_t s = 0; s < effects.cohorts.size(); ++s) {
    double cells = 0;
    for (Eigen::Index c : pre) cells += effects.cells[static_cast<std::size_t>(c)].cohort == effects.cohorts[s] ? 1 : 0;
    if (cells > effects.cohortShare[s] * n / 4) return false;
  }
  return true;
}

}  // namespace

std::optional<PreTrendTest> preTrendTest(const GroupTimeEffects& effects, const Aggregates& aggregates) {
  std::vector<Eigen::Index> pre;
  for (std::size_t c = 0; c < effects.cells.size(); ++c)
    if (!effects.cells[c].post()) pre.push_back(static_cast<Eigen::Index>(c));
  if (pre.empty()) return std::nullopt;
  const Eigen::Index n = effects.influence.rows();
  if (cellsAreTestable(effects, pre)) {
    const auto k = static_cast<Eigen::Index>(pre.size());
    Eigen::MatrixXd psi(n, k);
    Eigen::VectorXd theta(k);
    for (Eigen::Index j = 0; j < k; ++j) {
      psi.col(j) = effects.influence.col(pre[static_cast<std::size_t>(j)]);
      theta[j] = effects.cells[static_cast<std::size_t>(pre[static_cast<std::size_t>(j)])].att;
    }
    auto test = waldTest(psi, theta);
    if (test) test->description = "Wald test that all " + std::to_string(k) + " pre-period ATT(g,t) are zero";
    return test;
  }
  // Binned event-study pre-period effects: bin b holds consecutive event times, as equal in number as can be.
  std::vector<Eigen::Index> before;
  for (std::size_t e = 0; e < aggregates.eventStudy.size(); ++e)
    if (aggregates.eventStudy[e].eventTime < 0) before.push_back(static_cast<Eigen::Index>(e));
  if (before.empty()) return std::nullopt;
  const auto count = static_cast<Eigen::Index>(before.size());
  const Eigen::Index bins = std::min<Eigen::Index>(kMaxBins, count);
  Eigen::MatrixXd psi = Eigen::MatrixXd::Zero(n, bins);
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(bins);
  for (Eigen::Index j = 0; j < count; ++j) {
    const Eigen::Index b = j * bins / count;
    const Eigen::Index size = (b + 1) * count / bins - b * count / bins;  // members of bin b
    const Eigen::Index e = before[static_cast<std::size_t>(j)];
    psi.col(b) += aggregates.eventInfluence.col(e) / static_cast<double>(size);
    theta[b] += aggregates.eventStudy[static_cast<std::size_t>(e)].effect.att / static_cast<double>(size);
  }
  auto test = waldTest(psi, theta);
  if (test) {
    test->binned = true;
    test->description = "Wald test that the event-study effects before the rollout are zero, " + std::to_string(count) +
                        " event times averaged into " + std::to_string(bins) +
                        " bins (too many pre-period cells for the units to test each)";
  }
  return test;
}

}  // namespace causeway::panel
