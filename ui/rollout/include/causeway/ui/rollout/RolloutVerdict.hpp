#pragma once

#include <optional>
#include <string>
#include <vector>

#include "causeway/panel/Panel.hpp"
#include "causeway/panel/Rollout.hpp"

namespace causeway::ui {

// The rollout's answer in the verdict style of issue 11: the headline in the words and
// three checks (pre-trends, precision, control-group choice). Supported: all pass; fragile: one
// fails; not supported: two or more.
enum class RolloutCheckStatus { Pass, Fail, NotRun };
struct RolloutCheck {
  std::string name;  // "pre-trends", "precision", "control group"
  RolloutCheckStatus status = RolloutCheckStatus::NotRun;
  std::string explanation;
};
enum class RolloutVerdictLevel { Supported, Fragile, NotSupported };
struct RolloutVerdict {
  RolloutVerdictLevel level = RolloutVerdictLevel::NotSupported;
  std::string headline;
  std::vector<RolloutCheck> checks;
};

// "After the rollout the error rate rose by 0.351 per 5-minute window (95% CI 0.309 to 0.392),
// averaged over the 3 waves and the 120 to 216 periods after each." `alternative` is the simple
// average with the other control group (never- vs not-yet-treated), when it could be computed.
[[nodiscard]] RolloutVerdict rolloutVerdict(const panel::RolloutResult& result, const panel::Panel& panel,
                                            const std::string& outcome,
                                            const std::optional<panel::Effect>& alternative);

// "5-minute window" for 300-second bins, "period" for integer periods.
[[nodiscard]] std::string periodWord(const panel::Panel& panel);

}  // namespace causeway::ui
