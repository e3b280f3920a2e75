#pragma once

#include <vector>

#include "causeway/data/Design.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"

namespace causeway::estimation::detail {

// The primary estimate re-run on `sample` without each adjustment variable (all of its design
// columns) in turn; variables whose re-run fails are left out. Empty when there are more than
// `maxVariables` variables or more than `maxCells` rows x variables.
[[nodiscard]] std::vector<CovariateBenchmark> benchmarkCovariates(const data::Design& sample, const EffectEstimate& primary,
                                                                  const EstimatorOptions& options,
                                                                  std::size_t maxVariables, std::size_t maxCells);

}  // namespace causeway::estimation::detail
