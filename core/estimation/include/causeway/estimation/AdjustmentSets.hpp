#pragma once

#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Error.hpp"
#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Design.hpp"
#include "causeway/estimation/EffectEstimate.hpp"

namespace causeway::estimation {

// The estimate for one adjustment set; a set that cannot be estimated (separation, an unknown
// name, ...) carries its error instead, so the others are still shown side by side.
struct AdjustmentSetEstimate {
  std::vector<std::string> set;      // as given (variables or dummy column names)
  std::vector<std::string> columns;  // the design columns used
  std::size_t rows = 0;              // rows of the design the set was estimated on
  std::optional<EffectEstimate> estimate;
  std::optional<Error> error;
};

// An estimate already made by `method` with the same options on the same rows as the Design
// given, adjusting for exactly `columns` (in design order): a set selecting those columns
// takes it instead of being estimated again (estimateEffect would repeat the same arithmetic).
struct KnownSetEstimate {
  std::vector<std::string> columns;
  const EffectEstimate* estimate = nullptr;
};

// Runs `method` once per covariate set on the same rows (the Design given, typically built
// with the union of all sets so that complete cases agree). An empty set means no adjustment.
// Fails only on cancellation; per-set failures are reported in the entries.
[[nodiscard]] Result<std::vector<AdjustmentSetEstimate>> estimateOverAdjustmentSets(
    const data::Design& design, const std::vector<std::vector<std::string>>& sets, Method method,
    const EstimatorOptions& options = {}, const Progress& progress = {}, const KnownSetEstimate* known = nullptr);

}  // namespace causeway::estimation
