// bench_csv_load: time to load the synthetic numeric CSV (treat, y, x1..x20) from a file in the
// page cache, at several sizes and thread counts. Target: 2,000,000 x 22 (~300 MB) in < 1.5 s
// with two threads. Files are generated on first use into CAUSEWAY_BENCH_DATA_DIR (environment
// variable, else the build directory).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <benchmark/benchmark.h>

#include "SyntheticCsv.hpp"
#include "causeway/data/CsvReader.hpp"

namespace {

using causeway::data::bench::SyntheticCsvSpec;

std::filesystem::path dataDirectory() {
  if (const char* fromEnvironment = std::getenv("CAUSEWAY_BENCH_DATA_DIR")) return fromEnvironment;
  return CAUSEWAY_BENCH_DATA_DIR;
}

// Args: rows, threads (0 = one per hardware thread).
void BM_CsvLoad(benchmark::State& state) {
  const SyntheticCsvSpec spec{static_cast<std::size_t>(state.range(0)), 22, 42};
  const std::filesystem::path path = causeway::data::bench::ensureSyntheticCsv(spec, dataDirectory());
  causeway::data::CsvOptions options;
  options.threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) {
    auto data = causeway::data::readCsvFile(path, options);
    if (!data) {
      state.SkipWithError(data.error().describe().c_str());
      return;
    }
    if (data->rowCount() != spec.rows) throw std::logic_error("wrong row count");
    benchmark::DoNotOptimize(data->column(0).values().data());
  }
  const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(path));
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(spec.rows));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

BENCHMARK(BM_CsvLoad)
    ->ArgNames({"rows", "threads"})
    ->Args({10'000, 0})
    ->Args({200'000, 1})
    ->Args({200'000, 0})
    ->Args({2'000'000, 1})
    ->Args({2'000'000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

// The parse alone, from text already in memory: what the threads buy without file I/O.
void BM_CsvParseInMemory(benchmark::State& state) {
  const SyntheticCsvSpec spec{static_cast<std::size_t>(state.range(0)), 22, 42};
  const std::filesystem::path path = causeway::data::bench::ensureSyntheticCsv(spec, dataDirectory());
  std::string text(std::filesystem::file_size(path), '\0');
  {
    std::ifstream in(path, std::ios::binary);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
  }
  causeway::data::CsvOptions options;
  options.threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) {
    auto data = causeway::data::readCsvString(text, options);
    if (!data) {
      state.SkipWithError(data.error().describe().c_str());
      return;
    }
    benchmark::DoNotOptimize(data->column(0).values().data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

BENCHMARK(BM_CsvParseInMemory)
    ->ArgNames({"rows", "threads"})
    ->Args({2'000'000, 1})
    ->Args({2'000'000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

}  // namespace
