#pragma once

#include <string>
#include <vector>

#include "causeway/panel/Panel.hpp"

namespace causeway::ui {

// The outcome over time of one cohort (the units first treated in the same period, or the
// never-treated): per period the mean over the units observed then and its 95% interval
// (mean ± 1.96 · sd / √n; NaN where fewer than two units are observed).
struct CohortTrend {
  std::string label;     // "2026-12-04T06:00:00" (the rollout period) or "never treated"
  int rolloutPeriod = panel::kNeverTreated;
  std::vector<double> mean, low, high;  // one per period
  std::size_t units = 0;
};

// One trend per cohort in rollout order, the never-treated last (when there are any).
[[nodiscard]] std::vector<CohortTrend> cohortTrends(const panel::Panel& panel);

}  // namespace causeway::ui
