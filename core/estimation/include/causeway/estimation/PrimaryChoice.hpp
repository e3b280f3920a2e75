#pragma once

#include <optional>
#include <string>

#include "causeway/estimation/EstimationPipeline.hpp"

namespace causeway::estimation {

struct PrimaryChoice {
  Method method = Method::Aipw;
  std::string rule;  // why this estimate, in words (and which were passed over)
};

// The one estimate that answers the question (README, "The answer and the verdict"):
//  1. the method the user named (request.refuteMethod, or the only method requested) when it
//     succeeded;
//  2. else the first that succeeded of: AIPW (both the propensity and the outcome models fitted),
//     IPW, g-computation, matching (only when its largest |SMD| after matching is at most
//     request.primaryMaxMatchingSmd), the regression coefficient (ATE only);
//  3. the unadjusted difference in means only when there is nothing to adjust for.
// None when no estimate qualifies.
[[nodiscard]] std::optional<PrimaryChoice> choosePrimary(const EstimationReport& report,
                                                         const EstimationRequest& request);

}  // namespace causeway::estimation
