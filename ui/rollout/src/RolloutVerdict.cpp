#include "causeway/ui/rollout/RolloutVerdict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "causeway/panel/GroupTime.hpp"

namespace causeway::ui {

namespace {

std::string fixed3(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3f", v);
  return buffer;
}

std::string ci(const panel::Effect& e) { return "95% CI " + fixed3(e.ciLow) + " to " + fixed3(e.ciHigh); }

bool excludesZero(const panel::Effect& e) { return e.ciLow > 0 || e.ciHigh < 0; }

}  // namespace

std::string periodWord(const panel::Panel& panel) {
  if (!panel.timestamps || panel.periodKeys.size() < 2) return "period";
  const std::int64_t s = panel.periodKeys[1] - panel.periodKeys[0];
  const auto unit = [](std::int64_t n, const char* word) {
    return std::to_string(n) + "-" + word + " window";
  };
  if (s % 86400 == 0) return unit(s / 86400, "day");
  if (s % 3600 == 0) return unit(s / 3600, "hour");
  if (s % 60 == 0) return unit(s / 60, "minute");
  return unit(s, "second");
}

RolloutVerdict rolloutVerdict(const panel::RolloutResult& result, const panel::Panel& panel, const std::string& outcome,
                              const std::optional<panel::Effect>& alternative) {
  const auto& simple = result.aggregates.simple;
  // The post-rollout cells each wave contributes to the simple average.
  std::map<int, int> postCells;
  for (const auto& cell : result.groupTime.cells)
    if (cell.post()) ++postCells[cell.cohort];
  int fewest = 0, most = 0;
  for (const auto& [cohort, n] : postCells) {
    fewest = fewest == 0 ? n : std::min(fewest, n);
    most = std::max(most, n);
  }
  std::string name = outcome;
  std::replace(name.begin(), name.end(), '_', ' ');
  const std::size_t waves = result.groupTime.cohorts.size();
  RolloutVerdict v;
  v.headline = "After the rollout the " + name + " " + (simple.att >= 0 ? "rose" : "fell") + " by " +
               fixed3(std::abs(simple.att)) + " per " + periodWord(panel) + " (" + ci(simple) + "), averaged over the " +
               (waves == 1 ? std::string("wave") : std::to_string(waves) + " waves") + " and the " +
               (fewest == most ? std::to_string(most) : std::to_string(fewest) + " to " + std::to_string(most)) +
               (most == 1 ? " period after " : " periods after ") + (waves == 1 ? "it." : "each.");

  RolloutCheck pre{"pre-trends", RolloutCheckStatus::NotRun, "No pre-period to check parallel trends on."};
  if (result.preTrend) {
    char p[32];
    std::snprintf(p, sizeof p, "%.2g", result.preTrend->pValue);
    const bool ok = result.preTrend->pValue >= 0.05;
    pre.status = ok ? RolloutCheckStatus::Pass : RolloutCheckStatus::Fail;
    pre.explanation = ok ? std::string("Before the rollout the waves moved like their controls (p = ") + p + ")."
                         : std::string("Before the rollout the waves already moved differently (p = ") + p +
                               "): the estimate rests on parallel trends the data contradict.";
  }
  RolloutCheck precision{"precision", excludesZero(simple) ? RolloutCheckStatus::Pass : RolloutCheckStatus::Fail,
                         excludesZero(simple) ? "The 95% interval excludes zero."
                                              : "The 95% interval includes zero: the data cannot tell a rise from a fall."};
  const bool never = result.options.groupTime.control == panel::ControlGroup::NeverTreated;
  const std::string other = never ? "not-yet-treated" : "never-treated";
  RolloutCheck control{"control group", RolloutCheckStatus::NotRun,
                       "The " + other + " units could not serve as controls, so the choice was not checked."};
  if (alternative) {
    // A hair of slack: on noiseless data both estimates and the interval coincide up to rounding.
    const double slack = 1e-9 * (1.0 + std::abs(simple.att));
    const bool agrees = alternative->att >= simple.ciLow - slack && alternative->att <= simple.ciHigh + slack;
    control.status = agrees ? RolloutCheckStatus::Pass : RolloutCheckStatus::Fail;
    control.explanation = "Compared with the " + other + " units instead: " + fixed3(alternative->att) + " (" +
                          ci(*alternative) + "), " + (agrees ? "inside" : "outside") + " this estimate's interval.";
  }
  v.checks = {pre, precision, control};
  const auto failed = std::count_if(v.checks.begin(), v.checks.end(),
                                    [](const RolloutCheck& c) { return c.status == RolloutCheckStatus::Fail; });
  v.level = failed == 0 ? RolloutVerdictLevel::Supported
                        : (failed == 1 ? RolloutVerdictLevel::Fragile : RolloutVerdictLevel::NotSupported);
  return v;
}

}  // namespace causeway::ui
