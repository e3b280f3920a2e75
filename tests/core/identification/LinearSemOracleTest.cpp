// Semantic oracle for the direct-effect (single-door) and total-effect (adjustment) criteria,
// independent of d-separation: random linear Gaussian SEMs on small random DAGs (latent nodes
// allowed, unit noise). The population covariance Sigma = (I - B)^-1 (I - B)^-T gives the
// population OLS coefficient of X in the regression of Y on {X} ∪ Z. Pearl (Causality 2009,
// Thm 5.3.1): it equals the X -> Y edge coefficient iff Z satisfies the single-door criterion
// (except on a measure-zero set of coefficients); it equals the total effect, the sum over
// directed paths of edge products = ((I - B)^-1)_{YX}, iff Z is an adjustment set.
// One departure, by design (as DAGitty): with no X -> Y edge the direct effect is 0 and any Z
// that d-separates X and Y gets it, even with descendants of Y, which the single-door
// criterion excludes. The criterion is then sufficient only; the test pins down exactly that.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <random>

#include "OracleDag.hpp"
#include "causeway/identification/Adjustment.hpp"
#include "causeway/identification/DirectEffect.hpp"

namespace causeway::identification {
namespace {

using test::OracleDag;

// B(j, i) is the coefficient of i -> j, drawn from ±[0.5, 1.5] so no edge is nearly absent.
Eigen::MatrixXd randomCoefficients(const OracleDag& d, std::mt19937& rng) {
  std::uniform_real_distribution<double> size(0.5, 1.5);
  Eigen::MatrixXd b = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(d.n), static_cast<Eigen::Index>(d.n));
  for (std::size_t j = 0; j < d.n; ++j)
    for (std::size_t i : d.parents[j])
      b(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)) = (rng() % 2 == 0 ? 1.0 : -1.0) * size(rng);
  return b;
}

// Population OLS coefficient of X in Y ~ X + Z: first entry of Sigma_WW^-1 Sigma_WY, W = (X, Z).
double olsCoefficient(const Eigen::MatrixXd& sigma, std::size_t x, std::size_t y, const std::vector<std::size_t>& z) {
  std::vector<Eigen::Index> w{static_cast<Eigen::Index>(x)};
  for (std::size_t v : z) w.push_back(static_cast<Eigen::Index>(v));
  const auto k = static_cast<Eigen::Index>(w.size());
  Eigen::MatrixXd sww(k, k);
  Eigen::VectorXd swy(k);
  for (Eigen::Index r = 0; r < k; ++r) {
    swy(r) = sigma(w[static_cast<std::size_t>(r)], static_cast<Eigen::Index>(y));
    for (Eigen::Index c = 0; c < k; ++c) sww(r, c) = sigma(w[static_cast<std::size_t>(r)], w[static_cast<std::size_t>(c)]);
  }
  return sww.ldlt().solve(swy)(0);
}

struct Tally {
  int directValid = 0, directInvalid = 0, totalValid = 0, totalInvalid = 0, conservative = 0;
};

// Whether Z holds a descendant of Y, from the parent lists (nodes are in topological order).
bool holdsDescendantOfOutcome(const OracleDag& d, const std::vector<std::size_t>& z) {
  std::vector<bool> de(d.n, false);
  de[d.y] = true;
  for (std::size_t v = d.y + 1; v < d.n; ++v)
    for (std::size_t p : d.parents[v]) de[v] = de[v] || de[p];
  for (std::size_t v : z)
    if (de[v]) return true;
  return false;
}

std::string describe(const OracleDag& d, const std::vector<std::size_t>& z) {
  std::string s = "Z = {";
  for (std::size_t v : z) s += " v" + std::to_string(v);
  return s + " } in " + d.text;
}

// The oracle on numbers worked by hand: Z -> X (1), X -> Y (2), Z -> Y (3), unit noise. Var X = 2,
// Cov(X, Y) = Cov(Z + e_X, 5Z + 2e_X) = 7, Cov(Z, Y) = 5, so Y ~ X gives 7 / 2 = 3.5 and Y ~ X + Z
// solves [[2, 1], [1, 1]] b = [7, 5]: b_X = 2, the edge (and total) effect.
TEST(LinearSemOracle, OlsOracleMatchesAHandWorkedExample) {
  Eigen::MatrixXd b = Eigen::MatrixXd::Zero(3, 3);  // Z, X, Y
  b(1, 0) = 1.0;
  b(2, 1) = 2.0;
  b(2, 0) = 3.0;
  const Eigen::MatrixXd a = (Eigen::MatrixXd::Identity(3, 3) - b).inverse();
  const Eigen::MatrixXd sigma = a * a.transpose();
  EXPECT_NEAR(sigma(1, 2), 7.0, 1e-12);
  EXPECT_NEAR(olsCoefficient(sigma, 1, 2, {}), 3.5, 1e-12);
  EXPECT_NEAR(olsCoefficient(sigma, 1, 2, {0}), 2.0, 1e-12);
  EXPECT_NEAR(a(2, 1), 2.0, 1e-12);
}

TEST(LinearSemOracle, SingleDoorAndAdjustmentSetsAreExactlyTheOnesOlsGetsRight) {
  std::mt19937 rng(2009);
  test::OracleDagOptions options;
  Tally t;
  for (int round = 0; round < 2000; ++round) {
    const OracleDag d = test::randomOracleDag(rng, options);
    const Index lx = d.index[d.x], ly = d.index[d.y];
    const DirectEffectAnalysis direct(d.g, lx, ly);
    const AdjustmentAnalysis total(d.g, {lx}, {ly});
    std::vector<Eigen::MatrixXd> sigmas, inverses, coefficients;
    for (int k = 0; k < 3; ++k) {
      coefficients.push_back(randomCoefficients(d, rng));
      const auto n = static_cast<Eigen::Index>(d.n);
      inverses.push_back((Eigen::MatrixXd::Identity(n, n) - coefficients.back()).inverse());
      sigmas.push_back(inverses.back() * inverses.back().transpose());
    }
    const auto ex = static_cast<Eigen::Index>(d.x), ey = static_cast<Eigen::Index>(d.y);
    const bool hasEdge = coefficients[0](ey, ex) != 0.0;
    for (const auto& z : test::subsets(test::candidateNodes(d))) {
      double directGap = 0.0, totalGap = 0.0;
      for (std::size_t k = 0; k < 3; ++k) {
        const double beta = olsCoefficient(sigmas[k], d.x, d.y, z);
        directGap = std::max(directGap, std::abs(beta - coefficients[k](ey, ex)));
        totalGap = std::max(totalGap, std::abs(beta - inverses[k](ey, ex)));
      }
      const NodeSet lz = test::libraryIndices(d, z);
      if (direct.check(lz).valid) {
        ++t.directValid;
        EXPECT_LT(directGap, 1e-9) << "single-door set misses the edge coefficient: " << describe(d, z);
      } else if (directGap > 1e-6) {
        ++t.directInvalid;
      } else {
        ++t.conservative;
        EXPECT_TRUE(!hasEdge && holdsDescendantOfOutcome(d, z))
            << "OLS recovers the edge coefficient, set called invalid: " << describe(d, z);
      }
      if (total.check(lz).valid) {
        ++t.totalValid;
        EXPECT_LT(totalGap, 1e-9) << "adjustment set misses the total effect: " << describe(d, z);
      } else {
        ++t.totalInvalid;
        EXPECT_GT(totalGap, 1e-6) << "OLS recovers the total effect, set called invalid: " << describe(d, z);
      }
    }
  }
  EXPECT_GT(t.directValid, 4000);
  EXPECT_GT(t.directInvalid, 4000);
  EXPECT_GT(t.totalValid, 4000);
  EXPECT_GT(t.totalInvalid, 4000);
  EXPECT_GT(t.conservative, 150);  // the departure above does occur in the sample
}

}  // namespace
}  // namespace causeway::identification
