#pragma once

#include <string>

#include "causeway/panel/Aggregation.hpp"

namespace causeway::report {

// The event-study plot of a rollout: effect by event time e = t − g with pointwise 95% intervals
// (bars), the uniform band (shaded), the pre-periods (e < 0) on a grey background, and the zero line.
[[nodiscard]] std::string renderEventStudySvg(const panel::Aggregates& aggregates, const std::string& periodUnit,
                                              double width = 640, double height = 320);

}  // namespace causeway::report
