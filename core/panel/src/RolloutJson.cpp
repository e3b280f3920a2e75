#include "causeway/panel/RolloutJson.hpp"

namespace causeway::panel {

namespace {

using nlohmann::json;

json period(const Panel& panel, int t) {
  if (panel.timestamps) return panel.periodLabel(t);
  return panel.periodKeys[static_cast<std::size_t>(t)];
}

json effectJson(const Effect& e) {
  return {{"att", e.att}, {"se", e.se}, {"ci_low", e.ciLow}, {"ci_high", e.ciHigh}};
}

json conventions(const RolloutResult& result, const Panel& panel) {
  const auto& o = result.options;
  json c;
  c["method"] = panel.covariateNames.empty() ? "unconditional" : toString(o.groupTime.estimator);
  c["covariates"] = panel.covariateNames;
  c["covariate_timing"] = "each 2x2 uses the covariates of its base period";
  c["control_group"] = toString(o.groupTime.control);
  c["anticipation"] = o.groupTime.anticipation;
  c["base_period"] = "varying: t-1 before treatment, g-1-anticipation after (R did default)";
  c["unbalanced_panel"] = "each ATT(g,t) uses the units observed in both of its periods";
  c["standard_errors"] = "influence functions incl. estimated group shares, clustered by unit";
  c["confidence_level"] = o.aggregation.level;
  c["aggregation"] = "R did::aggte: group-share weights; dynamic overall = mean over event times >= 0";
  c["balance_event_time"] = o.aggregation.balanceEventTime ? json(*o.aggregation.balanceEventTime) : json(nullptr);
  if (result.bootstrap)
    c["bootstrap"] = {{"draws", result.bootstrap->draws}, {"seed", o.seed}, {"weights", "Rademacher"},
                      {"critical_value", result.bootstrap->critical}};
  else
    c["bootstrap"] = nullptr;
  c["band"] = result.bootstrap ? "uniform over event times (multiplier bootstrap)" : "pointwise (no bootstrap)";
  c["twfe"] = "cohort x period means weighted by unit counts; weights of de Chaisemartin & D'Haultfoeuille (2020)";
  return c;
}

}  // namespace

nlohmann::json rolloutJson(const RolloutResult& result, const Panel& panel) {
  json doc;
  doc["units"] = panel.units();
  doc["periods"] = panel.periods();
  json cohorts = json::array();
  for (std::size_t s = 0; s < result.groupTime.cohorts.size(); ++s) {
    const double share = result.groupTime.cohortShare[s];
    cohorts.push_back({{"cohort", period(panel, result.groupTime.cohorts[s])},
                       {"units", static_cast<std::size_t>(share * static_cast<double>(panel.units()) + 0.5)},
                       {"share", share}});
  }
  doc["cohorts"] = cohorts;
  const double z = normalCritical(result.options.aggregation.level);
  json cells = json::array();
  for (const auto& cell : result.groupTime.cells) {
    cells.push_back({{"cohort", period(panel, cell.cohort)},
                     {"time", period(panel, cell.period)},
                     {"base_time", period(panel, cell.basePeriod)},
                     {"att", cell.att},
                     {"se", cell.se},
                     {"ci_low", cell.att - z * cell.se},
                     {"ci_high", cell.att + z * cell.se},
                     {"n_treated", cell.nTreated},
                     {"n_control", cell.nControl}});
  }
  doc["att_gt"] = cells;
  const auto& a = result.aggregates;
  doc["aggregate"] = {{"simple", effectJson(a.simple)},
                      {"group", effectJson(a.group)},
                      {"calendar", effectJson(a.calendar)},
                      {"dynamic", effectJson(a.dynamic)}};
  json events = json::array();
  for (const auto& e : a.eventStudy) {
    json item = effectJson(e.effect);
    item["event_time"] = e.eventTime;
    item["band_low"] = e.bandLow;
    item["band_high"] = e.bandHigh;
    events.push_back(item);
  }
  doc["event_study"] = events;
  if (result.preTrend)
    doc["pretrend"] = {{"statistic", result.preTrend->statistic},
                       {"df", result.preTrend->df},
                       {"denominator_df", result.preTrend->denominatorDf},
                       {"p_value", result.preTrend->pValue},
                       {"test", result.preTrend->description + "; p-value from Hotelling's F(df, n - df)"}};
  else
    doc["pretrend"] = nullptr;
  if (result.twfe) {
    json coefficients = json::array();
    for (const auto& c : result.twfe->eventTimes) coefficients.push_back({{"event_time", c.eventTime}, {"estimate", c.estimate}});
    json weights = json::array();
    for (const auto& w : result.twfe->weights)
      weights.push_back({{"cohort", period(panel, w.cohort)}, {"time", period(panel, w.period)}, {"weight", w.weight}});
    doc["twfe"] = {{"static", result.twfe->staticEstimate},
                   {"event_time", coefficients},
                   {"event_time_note", result.twfe->eventStudyNote.empty() ? json(nullptr) : json(result.twfe->eventStudyNote)},
                   {"negative_weights", result.twfe->negativeWeights},
                   {"negative_weight_sum", result.twfe->negativeWeightSum},
                   {"weights", weights},
                   {"warning", result.twfe->warning.empty() ? json(nullptr) : json(result.twfe->warning)}};
  } else {
    doc["twfe"] = nullptr;
  }
  doc["warnings"] = result.warnings;
  doc["conventions"] = conventions(result, panel);
  return doc;
}

}  // namespace causeway::panel
