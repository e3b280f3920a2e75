#include "causeway/panel/Rollout.hpp"

namespace causeway::panel {

namespace {

// A slice [from, to] of the caller's progress for one stage.
Progress stage(const Progress& progress, double from, double to) {
  return Progress(progress.stopToken(), [&progress, from, to](double fraction) { progress.report(from + (to - from) * fraction); });
}

}  // namespace

Result<RolloutResult> runRollout(const Panel& panel, const RolloutOptions& options, const Progress& progress) {
  RolloutResult result;
  result.options = options;
  result.warnings = panel.warnings;
  auto groupTime = estimateGroupTime(panel, options.groupTime, stage(progress, 0.0, 0.6));
  if (!groupTime) return groupTime.error();
  result.groupTime = std::move(groupTime).value();
  result.warnings.insert(result.warnings.end(), result.groupTime.warnings.begin(), result.groupTime.warnings.end());

  auto aggregates = aggregateEffects(result.groupTime, panel.periods(), options.aggregation);
  if (!aggregates) return aggregates.error();
  result.aggregates = std::move(aggregates).value();
  result.preTrend = preTrendTest(result.groupTime, result.aggregates);
  if (result.preTrend && result.preTrend->pValue < 0.05)
    result.warnings.push_back("the pre-periods reject parallel trends (Wald p = " + std::to_string(result.preTrend->pValue) +
                              "): the cohorts were already drifting apart before the rollout");

  if (options.bootstrapDraws > 0) {
    BootstrapOptions boot;
    boot.draws = options.bootstrapDraws;
    boot.seed = options.seed;
    boot.threads = options.groupTime.threads;
    boot.level = options.aggregation.level;
    auto band = multiplierBootstrap(result.aggregates.eventInfluence, boot, stage(progress, 0.6, 0.95));
    if (!band) return band.error();
    for (std::size_t k = 0; k < result.aggregates.eventStudy.size(); ++k) {
      auto& e = result.aggregates.eventStudy[k];
      const double half = band->critical * band->se[static_cast<Eigen::Index>(k)];
      e.bandLow = e.effect.att - half;
      e.bandHigh = e.effect.att + half;
    }
    result.bootstrap = std::move(band).value();
  }
  if (options.twfe) {
    auto twfe = twfeComparison(panel);
    if (twfe) {
      if (!twfe->warning.empty()) result.warnings.push_back(twfe->warning);
      result.twfe = std::move(twfe).value();
    } else {
      result.warnings.push_back("TWFE comparison not computed: " + twfe.error().message);
    }
  }
  progress.report(1.0);
  return result;
}

}  // namespace causeway::panel
