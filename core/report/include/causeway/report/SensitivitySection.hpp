#pragma once

#include <optional>

#include "causeway/report/ReportDocument.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::report {

// "Sensitivity to unmeasured confounding": the robustness value in words, the Cinelli & Hazlett
// summary and benchmark bounds with the contour and extreme-scenario plots (SVG), Rosenbaum
// bounds when matching ran, and the negative controls with their calibration. Unset when the
// study ran no sensitivity analysis.
[[nodiscard]] std::optional<Section> sensitivitySection(const study::StudyResult& s);

}  // namespace causeway::report
