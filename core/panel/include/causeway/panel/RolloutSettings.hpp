#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "causeway/common/Result.hpp"
#include "causeway/panel/Panel.hpp"
#include "causeway/panel/Rollout.hpp"

// A rollout study as the user states it: the CLI's options, and the "rollout" object of a
// .causeway project (kept verbatim by core/project, read here), e.g.
//   {"unit": "host", "time": "time", "outcome": "error_rate", "cohort": "rollout_at",
//    "covariates": "model", "control": "never-treated", "method": "dr", "period": "5min",
//    "bootstrap": 999, "seed": 1}
// "covariates" is a list of columns or "model" (the model's adjustment set).
namespace causeway::panel {

struct RolloutSettings {
  std::string unit, time, outcome, cohort, treated;
  std::vector<std::string> covariates;
  bool covariatesFromModel = false;
  std::string control = "never-treated";  // or not-yet-treated
  std::string method = "dr";              // regression, ipw or dr
  int anticipation = 0;
  std::string period;     // "" or a length: 30s, 5min, 1h, 1d
  std::string aggregate;  // "", mean or sum
  std::optional<int> balance;
  int bootstrap = 999;
  std::uint64_t seed = 1;
  bool operator==(const RolloutSettings&) const = default;
};

// Errors name the field ("rollout.control") and what it must be.
[[nodiscard]] Result<RolloutSettings> rolloutSettingsFromJson(const nlohmann::json& object, std::string_view source = {});
[[nodiscard]] nlohmann::json rolloutSettingsJson(const RolloutSettings& settings);

// The panel to build and the options to run; InvalidArgument naming the setting otherwise.
// Covariates from the model are the caller's to fill in (they need the model and the data).
struct RolloutPlan {
  PanelSpec spec;
  RolloutOptions options;
};
[[nodiscard]] Result<RolloutPlan> planRollout(const RolloutSettings& settings);

}  // namespace causeway::panel
