#include "causeway/ui/rollout/CohortTrends.hpp"

#include <cmath>
#include <limits>
#include <set>

namespace causeway::ui {

std::vector<CohortTrend> cohortTrends(const panel::Panel& panel) {
  std::set<int> cohorts;
  bool anyNever = false;
  for (int c : panel.cohort) {
    if (c == panel::kNeverTreated) anyNever = true;
    else cohorts.insert(c);
  }
  std::vector<int> order(cohorts.begin(), cohorts.end());
  if (anyNever) order.push_back(panel::kNeverTreated);

  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<CohortTrend> trends;
  for (int g : order) {
    CohortTrend trend;
    trend.rolloutPeriod = g;
    trend.label = g == panel::kNeverTreated ? std::string("never treated") : panel.periodLabel(g);
    for (int c : panel.cohort) trend.units += c == g ? 1 : 0;
    for (int t = 0; t < panel.periods(); ++t) {
      // Two passes (mean, then squared deviations): exact enough and stable for telemetry scales.
      double sum = 0.0;
      std::size_t n = 0;
      for (std::size_t i = 0; i < panel.units(); ++i)
        if (panel.cohort[i] == g && !std::isnan(panel.y(t, i))) sum += panel.y(t, i), ++n;
      const double mean = n > 0 ? sum / static_cast<double>(n) : nan;
      double squares = 0.0;
      for (std::size_t i = 0; i < panel.units(); ++i)
        if (panel.cohort[i] == g && !std::isnan(panel.y(t, i))) squares += (panel.y(t, i) - mean) * (panel.y(t, i) - mean);
      const double half =
          n > 1 ? 1.959963984540054 * std::sqrt(squares / static_cast<double>(n - 1) / static_cast<double>(n)) : nan;
      trend.mean.push_back(mean);
      trend.low.push_back(mean - half);
      trend.high.push_back(mean + half);
    }
    trends.push_back(std::move(trend));
  }
  return trends;
}

}  // namespace causeway::ui
