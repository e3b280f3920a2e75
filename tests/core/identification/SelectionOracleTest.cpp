// Semantic oracle for adjustment under selection bias (issue 12), independent of d-separation:
// on small random binary DAGs with a selection node S, the exact joint distribution by
// enumeration gives the truth P(y | do(x)) and the adjustment formula computed from the selected
// units only, sum_z P(y | x, z, S=1) P(z | S=1) (Correa, Tian & Bareinboim 2018, eq. for
// "generalized adjustment"). A set the library calls valid must give the truth exactly; a set
// that gives it for three random parameterisations (so generically) must be called valid.
// Scope::SelectedUnits is about the units in the data: its truth is the counterfactual
// P(Y_x = y | S = 1), selection as it happened. (Not P(y | do(x), S = 1) with S re-drawn after
// the intervention: with X -> S and a confounder Z, {Z} gives the former but not the latter.)
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "OracleDag.hpp"
#include "TestSupport.hpp"
#include "causeway/identification/Adjustment.hpp"

namespace causeway::identification {
namespace {

using test::OracleDag;

// P(v = 1 | parents) per node and parent configuration, in (0.05, 0.95).
using Cpts = std::vector<std::vector<double>>;

Cpts randomCpts(const OracleDag& d, std::mt19937& rng) {
  std::uniform_real_distribution<double> p(0.05, 0.95);
  Cpts c(d.n);
  for (std::size_t v = 0; v < d.n; ++v) {
    c[v].resize(std::size_t{1} << d.parents[v].size());
    for (double& q : c[v]) q = p(rng);
  }
  return c;
}

bool bit(unsigned state, std::size_t v) { return ((state >> v) & 1U) != 0; }

// Product of the factors P(v | pa(v)) of `state`; `truncate` leaves out X's factor (do(X)).
double weight(const OracleDag& d, const Cpts& c, unsigned state, bool truncate) {
  double w = 1.0;
  for (std::size_t v = 0; v < d.n; ++v) {
    if (truncate && v == d.x) continue;
    std::size_t config = 0;
    for (std::size_t k = 0; k < d.parents[v].size(); ++k)
      if (bit(state, d.parents[v][k])) config |= std::size_t{1} << k;
    w *= bit(state, v) ? c[v][config] : 1.0 - c[v][config];
  }
  return w;
}

// P(Y = 1 | do(X = xv)) in the whole population, by the truncated factorisation.
double interventional(const OracleDag& d, const Cpts& c, bool xv) {
  double num = 0.0;
  for (unsigned state = 0; state < (1U << d.n); ++state)
    if (bit(state, d.x) == xv && bit(state, d.y)) num += weight(d, c, state, true);
  return num;
}

// P(Y_x = 1 | S = 1): the outcome under do(X = xv) among the units actually selected (S in the
// factual world). A twin network: each node is v = [U_v < P(v = 1 | pa)] with one U_v shared by
// the factual and the do(xv) world, so a node's two values have the comonotone joint below.
double amongSelected(const OracleDag& d, const Cpts& c, bool xv) {
  auto config = [&](unsigned values, std::size_t v) {
    std::size_t k = 0;
    for (std::size_t i = 0; i < d.parents[v].size(); ++i)
      if (bit(values, d.parents[v][i])) k |= std::size_t{1} << i;
    return k;
  };
  double num = 0.0, den = 0.0;
  for (unsigned fact = 0; fact < (1U << d.n); ++fact) {
    if (!bit(fact, *d.s)) continue;
    for (unsigned cf = 0; cf < (1U << d.n); ++cf) {
      if (bit(cf, d.x) != xv) continue;
      double w = 1.0;
      for (std::size_t v = 0; v < d.n && w > 0.0; ++v) {
        const double p = c[v][config(fact, v)];
        if (v == d.x) {  // the do(X) world ignores U_X
          w *= bit(fact, v) ? p : 1.0 - p;
          continue;
        }
        const double q = c[v][config(cf, v)];
        const bool a = bit(fact, v), b = bit(cf, v);
        w *= a && b ? std::min(p, q) : a ? std::max(0.0, p - q) : b ? std::max(0.0, q - p) : 1.0 - std::max(p, q);
      }
      den += w;
      if (bit(cf, d.y)) num += w;
    }
  }
  return num / den;
}

// sum_z P(Y = 1 | xv, z, S = 1) P(z | S = 1), from the selected units' distribution alone.
double adjustedFromSelected(const OracleDag& d, const Cpts& c, const std::vector<std::size_t>& z, bool xv) {
  const std::size_t cells = std::size_t{1} << z.size();
  std::vector<double> pz(cells, 0.0), pxz(cells, 0.0), pxzy(cells, 0.0);
  double selected = 0.0;
  for (unsigned state = 0; state < (1U << d.n); ++state) {
    if (!bit(state, *d.s)) continue;
    std::size_t cell = 0;
    for (std::size_t k = 0; k < z.size(); ++k)
      if (bit(state, z[k])) cell |= std::size_t{1} << k;
    const double w = weight(d, c, state, false);
    selected += w;
    pz[cell] += w;
    if (bit(state, d.x) != xv) continue;
    pxz[cell] += w;
    if (bit(state, d.y)) pxzy[cell] += w;
  }
  double sum = 0.0;
  for (std::size_t cell = 0; cell < cells; ++cell) sum += pxzy[cell] / pxz[cell] * pz[cell] / selected;
  return sum;
}

struct Tally {
  int graphs = 0, validSets = 0, invalidSets = 0, recovered = 0;
};

// For each random DAG and candidate set: library verdict vs. the exact oracle over three
// parameterisations. The truth is the quantity the scope claims the formula equals.
Tally compare(Scope scope, unsigned seed, int rounds) {
  std::mt19937 rng(seed);
  test::OracleDagOptions options;
  options.selection = true;
  Tally t;
  for (int round = 0; round < rounds; ++round) {
    const OracleDag d = test::randomOracleDag(rng, options);
    const AdjustmentAnalysis a(d.g, {d.index[d.x]}, {d.index[d.y]}, true, scope);
    std::vector<Cpts> params;
    for (int k = 0; k < 3; ++k) params.push_back(randomCpts(d, rng));
    bool anyValid = false;
    for (const auto& z : test::subsets(test::candidateNodes(d))) {
      const bool valid = a.check(test::libraryIndices(d, z)).valid;
      double gap = 0.0;
      for (const Cpts& c : params)
        for (bool xv : {false, true}) {
          const double truth = scope == Scope::WholePopulation ? interventional(d, c, xv) : amongSelected(d, c, xv);
          gap = std::max(gap, std::abs(adjustedFromSelected(d, c, z, xv) - truth));
        }
      std::string zs;
      for (std::size_t v : z) zs += " v" + std::to_string(v);
      if (valid) {
        EXPECT_LT(gap, 1e-10) << "library calls {" << zs << " } valid but the formula misses by " << gap
                              << "\n" << d.text;
      } else {
        // Generic parameters: an invalid set misses clearly, never by rounding error.
        EXPECT_GT(gap, 1e-6) << "the formula recovers the effect with {" << zs << " } but the library calls "
                             << "it invalid\n" << d.text;
      }
      (valid ? t.validSets : t.invalidSets) += 1;
      anyValid = anyValid || valid;
    }
    t.recovered += anyValid ? 1 : 0;
    ++t.graphs;
  }
  return t;
}

// The oracles themselves, on numbers worked by hand: Z ~ Bern(0.5), P(X=1 | z) = 0.2 / 0.8,
// P(Y=1 | x, z) = 0.1 + 0.3x + 0.4z, P(S=1 | x) = 0.1 / 0.9. P(S=1 | z) = 0.26 / 0.74, P(S=1) = 0.5,
// so P(Z=1 | S=1) = 0.74: among the selected E[Y_1] = 0.4 + 0.4 * 0.74 = 0.696; in the whole
// population (and under do(x), where S no longer depends on Z) P(Y=1 | do(X=1)) = 0.6.
TEST(SelectionOracle, OraclesMatchAHandWorkedExample) {
  OracleDag d;
  d.n = 4;  // Z, X, Y, S
  d.parents = {{}, {0}, {0, 1}, {1}};
  d.x = 1;
  d.y = 2;
  d.s = 3;
  d.latent.assign(4, false);
  const Cpts c{{0.5}, {0.2, 0.8}, {0.1, 0.5, 0.4, 0.8}, {0.1, 0.9}};
  EXPECT_NEAR(interventional(d, c, true), 0.6, 1e-12);
  EXPECT_NEAR(interventional(d, c, false), 0.3, 1e-12);
  EXPECT_NEAR(amongSelected(d, c, true), 0.696, 1e-12);
  EXPECT_NEAR(amongSelected(d, c, false), 0.396, 1e-12);
  EXPECT_NEAR(adjustedFromSelected(d, c, {0}, true), 0.696, 1e-12);
  EXPECT_NEAR(adjustedFromSelected(d, c, {0}, false), 0.396, 1e-12);
  // And the library on the same graph: {Z} holds among the selected units only.
  const auto g = test::model("dag { Z X [exposure] Y [outcome] S [selected] Z -> X Z -> Y X -> Y X -> S }");
  const NodeSet x = test::named(g, {"X"}), y = test::named(g, {"Y"}), z = test::named(g, {"Z"});
  EXPECT_FALSE(AdjustmentAnalysis(g, x, y, true, Scope::WholePopulation).check(z).valid);
  EXPECT_TRUE(AdjustmentAnalysis(g, x, y, true, Scope::SelectedUnits).check(z).valid);
}

TEST(SelectionOracle, WholePopulationSetsAreExactlyTheOnesThatRecoverTheEffect) {
  const Tally t = compare(Scope::WholePopulation, 2014, 1000);
  // The sample of graphs must exercise both answers, not only refusals.
  EXPECT_GT(t.recovered, 250);
  EXPECT_GT(t.validSets, 600);
  EXPECT_GT(t.invalidSets, 1800);
}

TEST(SelectionOracle, SelectedUnitSetsGiveTheEffectAmongTheSelected) {
  const Tally t = compare(Scope::SelectedUnits, 2018, 1000);
  EXPECT_GT(t.recovered, 500);
  EXPECT_GT(t.validSets, 1200);
  EXPECT_GT(t.invalidSets, 1200);
}

}  // namespace
}  // namespace causeway::identification
