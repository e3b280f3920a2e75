// bench_in_database [--rows N] [--mode in-database|fetch|both] [--workers W] [--jit on|off]
//                   [--outcome-models on|off]
// Starts a throwaway PostgreSQL 15 (as the database tests do), fills a table of N rows
// (default 10,000,000) with treat, y and 20 covariates generated in SQL, then times the
// propensity fit + IPW + balance in the database, and/or fetching every row and computing the
// same in memory (--outcome-models on: also regression adjustment, g-computation and AIPW, in
// the database and in memory). Prints wall time and this process's peak RSS for each mode.
// Not a CTest test.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ThrowawayPostgres.hpp"
#include "causeway/data/DesignBuilder.hpp"
#include "causeway/database/DatabaseReader.hpp"
#include "causeway/database/InDatabase.hpp"
#include "causeway/estimation/Estimators.hpp"
#include "causeway/estimation/LogisticRegression.hpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr int kCovariates = 20;

long peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// x1..x20 ~ N(0,1) by Box-Muller (every fifth Bernoulli(0.5)), treat ~ logistic(0.3 x1 - 0.2 x2 + 0.1 x3),
// y = 1 + 2 treat + x1 + 0.5 x2 + N(0,1); setseed makes it repeatable.
std::string fillSql(long rows) {
  std::string columns, xs, draws;
  for (int j = 1; j <= kCovariates; ++j) {
    const std::string x = "x" + std::to_string(j);
    columns += ", " + x + " double precision";
    xs += ", " + x;
    draws += std::string(", ") +
             (j % 5 == 0 ? "(random() < 0.5)::int::float8" : "sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())") +
             " AS " + x;
  }
  return "CREATE TABLE bench (treat double precision, y double precision" + columns + ");\n"
         "SELECT setseed(0.42);\n"
         "INSERT INTO bench SELECT t, 1 + 2 * t + x1 + 0.5 * x2 + sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())" + xs +
         " FROM (SELECT (random() < 1 / (1 + exp(-(0.3 * x1 - 0.2 * x2 + 0.1 * x3))))::int::float8 AS t" + xs +
         " FROM (SELECT g" + draws + " FROM generate_series(1, " + std::to_string(rows) + ") AS g) AS raw) AS treated;\n"
         "ANALYZE bench;";
}

}  // namespace

int main(int argc, char** argv) {
  long rows = 10'000'000;
  std::string mode = "both";
  int workers = 2;
  bool jit = true;
  bool outcomeModels = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rows") rows = std::atol(argv[i + 1]);
    else if (flag == "--mode") mode = argv[i + 1];
    else if (flag == "--workers") workers = std::atoi(argv[i + 1]);
    else if (flag == "--jit") jit = std::string(argv[i + 1]) == "on";
    else if (flag == "--outcome-models") outcomeModels = std::string(argv[i + 1]) == "on";
  }
  causeway::testing::ThrowawayPostgres server;
  const std::string parallel = std::to_string(workers);
  server.start({"max_parallel_workers_per_gather = " + parallel, "max_parallel_workers = " + parallel,
                "max_worker_processes = " + std::to_string(workers + 4), "shared_buffers = '512MB'", "work_mem = '64MB'",
                std::string("jit = ") + (jit ? "on" : "off")});
  auto start = Clock::now();
  server.execute(fillSql(rows));
  std::printf("table: %ld rows x %d covariates generated in %.1f s; max_parallel_workers_per_gather = %d\n", rows,
              kCovariates, seconds(start), workers);

  causeway::database::SourceSpec spec{causeway::database::SourceKind::Postgres, server.socketUri(), "bench", "", 10};
  causeway::database::InDatabaseRequest request;
  request.treatment = "treat";
  request.outcome = "y";
  for (int j = 1; j <= kCovariates; ++j) request.covariates.push_back("x" + std::to_string(j));
  request.outcomeModels = outcomeModels;

  if (mode == "in-database" || mode == "both") {
    start = Clock::now();
    auto runner = causeway::database::AggregateRunner::open(spec);
    if (!runner) return std::fprintf(stderr, "%s\n", runner.error().describe().c_str()), 1;
    auto result = causeway::database::analyseInDatabase(**runner, spec, request);
    if (!result) return std::fprintf(stderr, "%s\n", result.error().describe().c_str()), 1;
    std::printf("in-database: IPW %.6f (SE %.6f), %d IRLS steps, %zu queries, %.1f s, peak RSS %ld MB\n", result->estimate,
                result->se, result->iterations, result->queries.size(), seconds(start), peakRssMb());
    for (const auto& e : result->outcomeEstimates) std::printf("  %s %.6f (SE %.6f)\n", e.method.c_str(), e.estimate, e.se);
  }
  if (mode == "fetch" || mode == "both") {
    start = Clock::now();
    auto data = causeway::database::readDatabase(spec);
    if (!data) return std::fprintf(stderr, "%s\n", data.error().describe().c_str()), 1;
    const double fetched = seconds(start);
    auto design = causeway::data::buildDesign(*data, "treat", "y", request.covariates);
    if (!design) return std::fprintf(stderr, "%s\n", design.error().describe().c_str()), 1;
    auto fit = causeway::estimation::fitLogistic(design->covariates, design->treatment, design->covariateNames);
    if (!fit) return std::fprintf(stderr, "%s\n", fit.error().describe().c_str()), 1;
    causeway::estimation::EstimatorOptions options;
    options.estimand = causeway::estimation::Estimand::ATE;
    auto ipw = causeway::estimation::estimateIpw(*design, fit->fitted, options);
    if (!ipw) return std::fprintf(stderr, "%s\n", ipw.error().describe().c_str()), 1;
    if (outcomeModels) {
      auto regression = causeway::estimation::estimateRegressionAdjustment(*design, options);
      auto gComputation = causeway::estimation::estimateGComputation(*design, options);
      auto aipw = causeway::estimation::estimateAipw(*design, fit->fitted, options);
      if (!regression || !gComputation || !aipw) return std::fprintf(stderr, "an outcome-model estimate failed\n"), 1;
      for (const auto& e : {*regression, *gComputation, *aipw})
        std::printf("  %s %.6f (SE %.6f)\n", causeway::estimation::toString(e.method), e.estimate, e.se);
    }
    std::printf("fetch + in memory: IPW %.6f (SE %.6f), fetch %.1f s, total %.1f s, peak RSS %ld MB\n", ipw->estimate, ipw->se,
                fetched, seconds(start), peakRssMb());
  }
  server.stop();
  return 0;
}
