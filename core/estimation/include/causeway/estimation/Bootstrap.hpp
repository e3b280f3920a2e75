#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Design.hpp"

namespace causeway::estimation {

struct BootstrapOptions {
  int replicates = 1000;
  std::uint64_t seed = 1;
  unsigned threads = 0;  // 0 = all hardware threads; results do not depend on this
  double level = 0.95;
};

struct BootstrapSummary {
  int replicates = 0;  // requested
  int failed = 0;      // replicates whose estimator returned an error (left out)
  std::uint64_t seed = 0;
  double level = 0.95;
  double mean = 0.0;
  double se = 0.0;    // SD of the replicate estimates (n-1)
  double bias = 0.0;  // mean - point estimate
  double percentileLow = 0.0;  // type-7 quantiles of the replicates
  double percentileHigh = 0.0;
  double normalLow = 0.0;  // estimate -/+ z * se
  double normalHigh = 0.0;
  std::vector<double> estimates;  // successful replicates, in replicate order
  std::string firstFailure;       // message of the first failed replicate, if any
  std::string conventions;
};

// The estimate on a resampled Design. It may be called concurrently from several threads.
using BootstrapStatistic = std::function<Result<double>(const data::Design&)>;

// Nonparametric bootstrap: each replicate draws n rows with replacement using its own
// std::mt19937_64 seeded from (seed, replicate index), so the replicates are the same for
// any thread count. Runs on std::jthreads; progress is reported from the workers (serialised);
// cancellation via the Progress stop token returns ErrorCode::Cancelled.
// Errors: InvalidArgument (replicates < 2), Cancelled, and the estimator's error when more than
// half of the replicates fail.
[[nodiscard]] Result<BootstrapSummary> bootstrap(const data::Design& design, const BootstrapStatistic& statistic,
                                                 double pointEstimate, const BootstrapOptions& options = {},
                                                 const Progress& progress = {});

}  // namespace causeway::estimation
