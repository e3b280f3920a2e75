#pragma once

#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/data/Design.hpp"
#include "causeway/estimation/AdjustmentSets.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"

// The pipeline's comparison of the primary method across adjustment sets.
namespace causeway::estimation::detail {

// The primary estimate stands for its own set in the comparison when estimateEffect would
// compute exactly it again on the comparison's rows (the caller checks that they are the
// primary's): no trimming, and not matching, whose design the pipeline may adapt. AIPW only
// when its scores pass estimateAipw's check, which the shared outcome models skip.
[[nodiscard]] std::optional<KnownSetEstimate> reusablePrimary(const EstimationReport& report,
                                                              const EffectEstimate& primary,
                                                              const EstimationRequest& request);

// Every compared set on the same rows (`comparison`), so that the estimates differ by the set
// alone; says so, with both sample sizes, when those rows are not the primary estimate's.
[[nodiscard]] Result<void> compareAdjustmentSets(EstimationReport& report, const data::Design& comparison,
                                                 const EstimationRequest& request, const EstimatorOptions& options,
                                                 const EffectEstimate& primary, const Progress& progress,
                                                 const std::optional<KnownSetEstimate>& known);

// The same on the rows complete on every set's variables, from the data. `design` is the
// primary's (columns `names`): it serves as is when the sets add no variable, else it is freed
// before the larger design is built.
[[nodiscard]] Result<void> compareOnCommonRows(const data::Dataset& dataset, const std::string& treatment,
                                               const std::string& outcome, const std::vector<std::string>& names,
                                               const EstimationRequest& request, const EstimatorOptions& options,
                                               const EffectEstimate& primary, data::Design& design,
                                               EstimationReport& report, const Progress& progress);

}  // namespace causeway::estimation::detail
