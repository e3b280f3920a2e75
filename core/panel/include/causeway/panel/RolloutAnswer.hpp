#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "causeway/common/Progress.hpp"
#include "causeway/panel/Panel.hpp"
#include "causeway/panel/Rollout.hpp"

// The rollout's answer in the verdict style of the cross-sectional study (issue 11): one sentence
// and three checks (pre-trends, precision, control-group choice). The CLI, the report and the GUI
// all take it from here, so they cannot disagree (README "rollout": checks and thresholds).
namespace causeway::panel {

enum class RolloutCheckStatus { Pass, Warn, Fail, NotRun };
enum class RolloutLevel { Supported, Fragile, NotSupported };

struct RolloutCheck {
  std::string name;  // "pre-trends", "precision", "control group"
  RolloutCheckStatus status = RolloutCheckStatus::NotRun;
  std::optional<double> value;
  std::optional<double> threshold;
  std::string explanation;
};

struct RolloutAnswer {
  std::string sentence;
  Effect effect;  // the simple average the sentence quotes
  RolloutLevel level = RolloutLevel::NotSupported;
  std::vector<RolloutCheck> checks;
  std::optional<Effect> otherControl;  // the simple average with the other control group
};

[[nodiscard]] std::string toString(RolloutCheckStatus status);  // "pass", "warn", "fail", "not-run"
[[nodiscard]] std::string toString(RolloutLevel level);         // "supported", "fragile", "not-supported"

// "5-minute window" for 300-second bins, "period" for integer periods.
[[nodiscard]] std::string periodWord(const Panel& panel);

// "After the rollout the error rate rose by 0.351 per 5-minute window (95% CI 0.309 to 0.392),
// averaged over the 3 waves and the 120 to 216 periods after each."
[[nodiscard]] std::string rolloutSentence(const RolloutResult& result, const Panel& panel, const std::string& outcome);

// The answer from a result and the simple average with the other control group (nullopt: that
// group could not serve). Any fail: not supported; else any warn: fragile; else supported.
[[nodiscard]] RolloutAnswer rolloutAnswer(const RolloutResult& result, const Panel& panel, const std::string& outcome,
                                          const std::optional<Effect>& otherControl);

// Reruns with the other control group (never- vs not-yet-treated; no bootstrap, no TWFE) and
// answers. The one entry point the CLI, report and GUI call. Cancellation leaves the check not run.
[[nodiscard]] RolloutAnswer answerRollout(const RolloutResult& result, const Panel& panel, const std::string& outcome,
                                          const Progress& progress = {});

// {"answer": {"sentence", "att", "se", "ci_low", "ci_high"}, "verdict": {"level", "checks": [...]}},
// each check {"name", "status", "value", "threshold", "explanation"} as `estimate --json`.
[[nodiscard]] nlohmann::json rolloutAnswerJson(const RolloutAnswer& answer);

}  // namespace causeway::panel
