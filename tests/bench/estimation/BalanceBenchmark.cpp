// The balance table before and after weighting on 2,000,000 x 20 (half continuous, half 0/1):
// means, SMDs, variance ratios and weighted KS statistics of every covariate, the part of
// `causeway-cli estimate --method ipw` that reads every covariate value twice.
#include <benchmark/benchmark.h>

#include "SyntheticData.hpp"
#include "causeway/estimation/Balance.hpp"

namespace {

void BM_BalanceWeighted2Mx20(benchmark::State& state) {
  static const causeway::data::Design design = causeway::estimation::bench::makeSyntheticDesign(2'000'000, 20);
  // Inverse-probability-like weights: positive, uneven, one per unit.
  static const Eigen::VectorXd weights = (design.covariates.col(0).array() * 0.4).exp().matrix();
  const std::vector<causeway::estimation::BalanceAdjustment> adjustments{{"ATE weights", &weights}};
  for (auto _ : state) {
    auto tables = causeway::estimation::computeBalanceTables(design.covariates, design.covariateNames, design.treatment,
                                                             causeway::estimation::Estimand::ATE, adjustments,
                                                             static_cast<unsigned>(state.range(0)));
    if (!tables) state.SkipWithError(tables.error().message.c_str());
    benchmark::DoNotOptimize(tables);
  }
}
BENCHMARK(BM_BalanceWeighted2Mx20)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

}  // namespace
