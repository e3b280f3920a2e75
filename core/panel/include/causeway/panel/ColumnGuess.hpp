#pragma once

#include "causeway/data/Dataset.hpp"
#include "causeway/panel/RolloutSettings.hpp"

namespace causeway::panel {

// Guesses the unit, time, cohort (or treated) and outcome columns of long-format telemetry from
// names and types, for the GUI's first proposal: a text column named like host/unit/id for the
// unit, a column named like time/timestamp/date/period (or holding ISO timestamps) for the time,
// cohort/wave/rollout_at/first_treated for the cohort, else a 0/1 column named like
// treated/on/enabled for the treated flag, and the first other numeric, non-0/1 column for the
// outcome. Fields it cannot fill stay empty; nothing is guessed twice.
[[nodiscard]] RolloutSettings guessRolloutColumns(const data::Dataset& data);

}  // namespace causeway::panel
