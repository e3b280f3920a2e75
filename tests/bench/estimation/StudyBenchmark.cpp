// bench_estimation_study: what `causeway-cli estimate MODEL DATA --method ipw|all` does, from
// the file to the JSON, on the synthetic 2,000,000 x 22 CSV (treat, y, x1..x20; the model has
// every x -> treat, x -> y, treat -> y): read the CSV, run the study (identification, the 190
// implied independencies, propensity model, overlap, balance, estimates, comparison across
// sets, sensitivity, verdict) and write the JSON. Targets on 2 cores: ipw < 2 s, all < 4 s,
// peak memory < 800 MB (/usr/bin/time -v). BM_Balance times the balance tables alone.
// The CSV is generated on first use into CAUSEWAY_BENCH_DATA_DIR (environment variable, else
// the build directory).
#include <cstdlib>
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "SyntheticCsv.hpp"
#include "causeway/data/CsvReader.hpp"
#include "causeway/data/DesignBuilder.hpp"
#include "causeway/estimation/Balance.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/study/Study.hpp"
#include "causeway/study/StudyJson.hpp"

namespace {

namespace study = causeway::study;
namespace estimation = causeway::estimation;

constexpr std::size_t kColumns = 22;

std::filesystem::path dataFile(std::size_t rows) {
  const char* fromEnvironment = std::getenv("CAUSEWAY_BENCH_DATA_DIR");
  const std::filesystem::path directory = fromEnvironment ? fromEnvironment : CAUSEWAY_BENCH_DATA_DIR;
  return causeway::data::bench::ensureSyntheticCsv({rows, kColumns, 42}, directory);
}

std::string covariate(std::size_t j) {
  std::string name = "x";
  name += std::to_string(j);
  return name;
}

std::string model() {
  std::string text = "dag {\ntreat [exposure]\ny [outcome]\ntreat -> y\n";
  for (std::size_t j = 1; j + 2 <= kColumns; ++j) {
    const std::string x = covariate(j);
    text.append(x).append(" -> treat\n").append(x).append(" -> y\n");
  }
  return text.append("}\n");
}

// Args: rows, 1 = every method (0 = IPW only), threads (0 = every core).
void BM_EstimateCommand(benchmark::State& state) {
  const auto path = dataFile(static_cast<std::size_t>(state.range(0)));
  auto graph = causeway::graph::parseModel(model(), "bench.dag");
  if (!graph) return state.SkipWithError(graph.error().message.c_str());
  study::StudySpec spec;
  spec.graph = *graph;
  if (state.range(1) == 0) spec.request.methods = {estimation::Method::Ipw};
  spec.request.threads = static_cast<unsigned>(state.range(2));
  for (auto _ : state) {
    auto data = causeway::data::readCsvFile(path);
    if (!data) return state.SkipWithError(data.error().describe().c_str());
    auto result = study::runStudy(spec, *data);
    if (!result) return state.SkipWithError(result.error().message.c_str());
    const std::string json = study::studyJson(*result, *data).dump(2);
    benchmark::DoNotOptimize(json.data());
  }
}
BENCHMARK(BM_EstimateCommand)
    ->ArgNames({"rows", "all", "threads"})
    ->Args({2'000'000, 0, 0})
    ->Args({2'000'000, 1, 0})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

// The balance tables after ATE weights, from the same file's design.
void BM_Balance(benchmark::State& state) {
  auto data = causeway::data::readCsvFile(dataFile(static_cast<std::size_t>(state.range(0))));
  if (!data) return state.SkipWithError(data.error().describe().c_str());
  std::vector<std::string> names;
  for (std::size_t j = 1; j + 2 <= kColumns; ++j) names.push_back(covariate(j));
  auto design = causeway::data::buildDesign(*data, "treat", "y", names, {});
  if (!design) return state.SkipWithError(design.error().message.c_str());
  const Eigen::VectorXd weights = Eigen::VectorXd::Constant(design->size(), 1.5);
  for (auto _ : state) {
    auto tables = estimation::computeBalanceTables(design->covariates, design->covariateNames, design->treatment,
                                                   estimation::Estimand::ATE, {{"ATE weights", &weights}},
                                                   static_cast<unsigned>(state.range(1)));
    if (!tables) return state.SkipWithError(tables.error().message.c_str());
    benchmark::DoNotOptimize(tables->front().rows.data());
  }
}
BENCHMARK(BM_Balance)->ArgNames({"rows", "threads"})->Args({2'000'000, 0})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
