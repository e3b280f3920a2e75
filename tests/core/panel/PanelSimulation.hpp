#pragma once

#include <cmath>
#include <functional>
#include <random>
#include <vector>

#include "causeway/panel/Panel.hpp"

// Simulated staggered rollouts with a known truth, built directly as panels.
namespace causeway::panel::testing {

struct Design {
  std::size_t units = 600;
  int periods = 6;                   // periods 1..T, stored as period keys 1..T
  std::vector<int> cohorts{3, 4, 5};  // first treated period (keys); never treated otherwise
  double trendOnX = 0.0;             // Y(0) trend slope per period times X: breaks unconditional PT
  double preTrend = 0.0;             // extra slope of the last cohort in every period (breaks PT)
  double noise = 1.0;
  bool withCovariate = false;
  // τ(g, t) for t ≥ g (keys).
  std::function<double(int g, int t)> effect = [](int g, int t) { return 1.0 + 0.5 * (t - g); };
};

// X ~ N(0, 1); treated with probability logistic(X) (so P(never) = 1/2 exactly), the cohort then
// uniform: P(G = g) = 1/6 for three cohorts, and P(G = g | G ∈ {g, never}, X) is logistic in X.
inline Panel simulate(const Design& design, std::mt19937_64& rng) {
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  Panel panel;
  const std::size_t n = design.units;
  const auto periods = static_cast<std::size_t>(design.periods);
  for (int t = 1; t <= design.periods; ++t) panel.periodKeys.push_back(t);
  panel.outcome.resize(n * periods);
  if (design.withCovariate) {
    panel.covariateNames = {"x"};
    panel.covariates.assign(1, std::vector<double>(n * periods));
  }
  const int lastCohort = design.cohorts.back();
  for (std::size_t i = 0; i < n; ++i) {
    panel.unitIds.push_back("u" + std::to_string(i));
    const double x = normal(rng);
    const double p = 1.0 / (1.0 + std::exp(-x));
    int cohort = kNeverTreated;
    if (uniform(rng) < p) {
      const auto pick = static_cast<std::size_t>(uniform(rng) * static_cast<double>(design.cohorts.size()));
      cohort = design.cohorts[std::min(pick, design.cohorts.size() - 1)];
    }
    panel.cohort.push_back(cohort == kNeverTreated ? kNeverTreated : cohort - 1);  // key -> index
    const double alpha = x + normal(rng);
    for (int t = 1; t <= design.periods; ++t) {
      double y = alpha + 0.3 * t + design.trendOnX * x * t + design.noise * normal(rng);
      if (cohort == lastCohort) y += design.preTrend * t;
      if (cohort != kNeverTreated && t >= cohort) y += design.effect(cohort, t);
      const std::size_t slot = static_cast<std::size_t>(t - 1) * n + i;
      panel.outcome[slot] = y;
      if (design.withCovariate) panel.covariates[0][slot] = x;
    }
  }
  return panel;
}

}  // namespace causeway::panel::testing
