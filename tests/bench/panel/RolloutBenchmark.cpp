// Issue 14's target: 100,000 units × 20 periods (2,000,000 rows), 3 covariates, every ATT(g, t)
// by the doubly robust estimator, the aggregations and 999 bootstrap draws in < 3 s on 2 cores
// and < 1 GB. Run: build/release/tests/bench/panel/bench_rollout
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cmath>
#include <random>

#include "causeway/panel/Rollout.hpp"

namespace {

using namespace causeway::panel;

// Cohorts first treated in periods 8, 12 and 16 (indices), a quarter never treated; trends depend
// on the covariates, which also drive adoption.
Panel makePanel(std::size_t units, int periods) {
  std::mt19937_64 rng(14);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  Panel panel;
  for (int t = 0; t < periods; ++t) panel.periodKeys.push_back(t + 1);
  const std::size_t cells = units * static_cast<std::size_t>(periods);
  panel.outcome.resize(cells);
  panel.covariateNames = {"x1", "x2", "x3"};
  panel.covariates.assign(3, std::vector<double>(cells));
  for (std::size_t i = 0; i < units; ++i) {
    panel.unitIds.push_back(std::to_string(i));
    const double x[3] = {normal(rng), normal(rng), uniform(rng) < 0.5 ? 1.0 : 0.0};
    const double p = 1 / (1 + std::exp(-(0.3 + 0.5 * x[0] - 0.4 * x[2])));
    const double u = uniform(rng);
    const int cohort = uniform(rng) < p ? (u < 1.0 / 3 ? 8 : u < 2.0 / 3 ? 12 : 16) : kNeverTreated;
    panel.cohort.push_back(cohort);
    const double alpha = normal(rng);
    for (int t = 0; t < periods; ++t) {
      const std::size_t slot = static_cast<std::size_t>(t) * units + i;
      double y = alpha + 0.1 * t + 0.05 * t * (x[0] + x[1]) + normal(rng);
      if (cohort != kNeverTreated && t >= cohort) y += 1 + 0.1 * (t - cohort);
      panel.outcome[slot] = y;
      for (int k = 0; k < 3; ++k) panel.covariates[static_cast<std::size_t>(k)][slot] = x[k];
    }
  }
  return panel;
}

void BM_RolloutDoublyRobust(benchmark::State& state) {
  const Panel panel = makePanel(static_cast<std::size_t>(state.range(0)), 20);
  RolloutOptions options;
  options.groupTime.estimator = Estimator::DoublyRobust;
  options.groupTime.threads = 2;
  options.bootstrapDraws = 999;
  options.twfe = false;  // the comparison regression is not part of the target
  for (auto _ : state) {
    auto result = runRollout(panel, options);
    if (!result) state.SkipWithError(result.error().message.c_str());
    benchmark::DoNotOptimize(result);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["max_rss_MB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_RolloutDoublyRobust)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_TwfeComparison(benchmark::State& state) {
  const Panel panel = makePanel(static_cast<std::size_t>(state.range(0)), 20);
  for (auto _ : state) benchmark::DoNotOptimize(twfeComparison(panel));
}
BENCHMARK(BM_TwfeComparison)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace
