// 1,000 bootstrap replicates on Lalonde, each re-running the whole procedure (propensity
// model + estimator), on all hardware threads.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "causeway/data/CsvReader.hpp"
#include "causeway/data/DesignBuilder.hpp"
#include "causeway/estimation/Bootstrap.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace {

const causeway::data::Design& lalonde() {
  static const causeway::data::Design design = [] {
    auto dataset = causeway::data::readCsvFile(std::string(CAUSEWAY_EXAMPLES_DIR) + "/lalonde.csv");
    if (!dataset) throw std::runtime_error(dataset.error().describe());
    const std::vector<std::string> covariates{"age", "educ", "race", "married", "nodegree", "re74", "re75"};
    auto d = causeway::data::buildDesign(*dataset, "treat", "re78", covariates);
    if (!d) throw std::runtime_error(d.error().describe());
    return std::move(*d);
  }();
  return design;
}

void BM_BootstrapLalonde1000(benchmark::State& state) {
  using namespace causeway::estimation;
  const auto method = static_cast<Method>(state.range(0));
  EstimatorOptions options;
  options.threads = 1;  // parallel across replicates
  const BootstrapStatistic statistic = [&](const causeway::data::Design& d) -> causeway::Result<double> {
    auto e = estimateEffect(d, method, options);
    if (!e) return e.error();
    return e->estimate;
  };
  BootstrapOptions bo;
  bo.replicates = 1000;
  bo.threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) {
    auto summary = bootstrap(lalonde(), statistic, 0.0, bo);
    if (!summary) state.SkipWithError(summary.error().message.c_str());
    benchmark::DoNotOptimize(summary);
  }
  state.SetLabel(toString(method));
}
BENCHMARK(BM_BootstrapLalonde1000)
    ->Args({static_cast<int>(causeway::estimation::Method::Ipw), 1})
    ->Args({static_cast<int>(causeway::estimation::Method::Ipw), 2})
    ->Args({static_cast<int>(causeway::estimation::Method::Aipw), 2})
    ->Args({static_cast<int>(causeway::estimation::Method::Matching), 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
