#pragma once

#include <optional>
#include <string>

#include "causeway/data/Design.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"

namespace causeway::estimation::detail {

// With scarce pool units (fewer than request.scarcePoolPerFocal per focal unit) and the default
// 1:1 design without replacement and no caliper, switch `options.matching` to matching with
// replacement: greedy matching without replacement then pairs late focal units with distant
// controls and is biased. Returns the sentence stating the choice, none when nothing changed.
[[nodiscard]] std::optional<std::string> adaptMatchingDesign(EstimatorOptions& options, const data::Design& sample,
                                                             const EstimationRequest& request);

// Matching estimate with the units in reverse row order (so ties in the distance are broken the
// other way) minus `estimate`; none when that re-run fails.
[[nodiscard]] std::optional<double> matchingTieShift(const data::Design& sample, const Eigen::VectorXd& propensity,
                                                     const EstimatorOptions& options, double estimate);

}  // namespace causeway::estimation::detail
