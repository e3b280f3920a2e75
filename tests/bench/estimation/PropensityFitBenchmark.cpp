// Propensity model on 2,000,000 x 20 (target < 1.5 s, < 1 GB peak: measure the peak with
// /usr/bin/time -v build/tests/bench/estimation/bench_estimation_propensity).
#include <benchmark/benchmark.h>

#include "SyntheticData.hpp"
#include "causeway/estimation/LogisticRegression.hpp"

namespace {

void BM_PropensityFit2Mx20(benchmark::State& state) {
  static const causeway::data::Design design = causeway::estimation::bench::makeSyntheticDesign(2'000'000, 20);
  causeway::estimation::LogisticOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto fit = causeway::estimation::fitLogistic(design.covariates, design.treatment, design.covariateNames, options);
    if (!fit) state.SkipWithError(fit.error().message.c_str());
    benchmark::DoNotOptimize(fit);
    state.counters["iterations"] = fit ? fit->iterations : 0;
  }
}
BENCHMARK(BM_PropensityFit2Mx20)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

}  // namespace
