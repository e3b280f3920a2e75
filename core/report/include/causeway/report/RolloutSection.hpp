#pragma once

#include <string>

#include "causeway/panel/Panel.hpp"
#include "causeway/panel/Rollout.hpp"
#include "causeway/report/ReportDocument.hpp"

namespace causeway::report {

// "The rollout": the headline in words, the event-study plot (SVG), the aggregations, the effect
// of each wave, the pre-trend check and the TWFE comparison, with the settings that produced them.
// `covariateSource` says where the covariates came from (e.g. "the model's adjustment set {apac}").
[[nodiscard]] Section rolloutSection(const panel::RolloutResult& result, const panel::Panel& panel,
                                     const std::string& outcome, const std::string& covariateSource);

// The core's sentence (panel::rolloutSentence): "After the rollout the error rate rose by 0.351 per
// 5-minute window (95% CI 0.309 to 0.392), averaged over the 3 waves and the 120 to 216 periods after each."
[[nodiscard]] std::string rolloutHeadline(const panel::RolloutResult& result, const panel::Panel& panel,
                                          const std::string& outcome);

}  // namespace causeway::report
