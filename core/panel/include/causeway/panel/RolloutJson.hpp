#pragma once

#include <nlohmann/json.hpp>

#include "causeway/panel/Panel.hpp"
#include "causeway/panel/Rollout.hpp"

namespace causeway::panel {

// The `causeway-cli rollout --json` document (keys as issue 14 lists them), shared with the GUI.
// Cohorts and periods are echoed as the data wrote them: integers stay integers, timestamps are
// ISO text of the bin start.
[[nodiscard]] nlohmann::json rolloutJson(const RolloutResult& result, const Panel& panel);

}  // namespace causeway::panel
