#pragma once

#include <optional>

#include "causeway/common/Progress.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::study::detail {

// Each negative-control outcome of the diagram: the diagram's judgement, the study's design
// (adjustment columns, estimand, primary method) re-run with it as the outcome, and the primary
// estimate calibrated against those the diagram expects to be zero (at least 3).
[[nodiscard]] NegativeControlsReport runNegativeControls(const StudySpec& spec, const StudyResult& result,
                                                         const data::Dataset& data, const Progress& progress);

// The verdict's "negative control" check: fails when a control the diagram expects to be zero
// has a CI that excludes 0. None when the diagram has no negative-control outcome.
[[nodiscard]] std::optional<VerdictCheck> checkNegativeControls(const StudyResult& result);

// The whole sensitivity analysis of a finished study. Fails only on bad input (a benchmark that
// is not a measured node of the adjustment set); analyses that cannot run say why inside.
// `primaryDesign` is the estimation's design (runEstimation's primaryDesign), or empty: then it
// is built again from the data.
[[nodiscard]] Result<StudySensitivity> runSensitivity(const StudySpec& spec, const StudyResult& result,
                                                      const data::Dataset& data, const SensitivityRequest& request,
                                                      const Progress& progress, data::Design primaryDesign = {});

}  // namespace causeway::study::detail
