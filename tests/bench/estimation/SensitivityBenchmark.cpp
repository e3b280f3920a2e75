// The omitted-variable-bias sensitivity analysis on 1,000,000 rows x 20 covariates, with the
// default benchmark search, k = 1, 2, 3 and both contour grids. Target: under 1 s.
#include <benchmark/benchmark.h>

#include "SyntheticData.hpp"
#include "causeway/estimation/Sensitivity.hpp"

namespace {

void BM_Sensitivity(benchmark::State& state) {
  const auto design = causeway::estimation::bench::makeSyntheticDesign(state.range(0), 20);
  for (auto _ : state) {
    auto result = causeway::estimation::analyzeSensitivity(design);
    if (!result) state.SkipWithError(result.error().message.c_str());
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Sensitivity)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
