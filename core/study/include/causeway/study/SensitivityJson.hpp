#pragma once

#include <nlohmann/json.hpp>

#include "causeway/study/StudySensitivity.hpp"

namespace causeway::study {

// Adds the documented keys (README, "estimate --sensitivity"): `sensitivity`, `rosenbaum` and
// `rosenbaum_gamma_critical` when matching ran, `negative_controls`, and `calibration` when
// there are enough controls. Non-finite numbers (an adjusted t at R²Y~Z = 1) become null.
void addSensitivityJson(nlohmann::json& doc, const StudySensitivity& sensitivity);

}  // namespace causeway::study
