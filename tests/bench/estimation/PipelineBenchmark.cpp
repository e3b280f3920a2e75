// The full estimation pipeline on 2,000,000 x 20 (target < 5 s): propensity model, overlap,
// balance before/after weighting and matching, and all six estimators (no bootstrap/refuters).
#include <benchmark/benchmark.h>

#include "SyntheticData.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"

namespace {

void BM_Pipeline2Mx20(benchmark::State& state) {
  static const causeway::data::Design design = causeway::estimation::bench::makeSyntheticDesign(2'000'000, 20);
  causeway::estimation::EstimationRequest request;
  request.estimand = causeway::estimation::Estimand::ATT;
  request.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    auto report = causeway::estimation::runEstimation(design, request);
    if (!report) state.SkipWithError(report.error().message.c_str());
    else if (!report->failures.empty()) state.SkipWithError(report->failures.front().error.message.c_str());
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_Pipeline2Mx20)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

}  // namespace
