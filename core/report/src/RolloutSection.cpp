#include "causeway/report/RolloutSection.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "causeway/common/NumberFormat.hpp"
#include "causeway/panel/RolloutAnswer.hpp"
#include "causeway/report/EventStudyPlotSvg.hpp"

namespace causeway::report {

namespace {

std::string ci(const panel::Effect& e) { return format::fixed(e.ciLow, 3) + " to " + format::fixed(e.ciHigh, 3); }

std::vector<std::string> effectRow(const std::string& name, const panel::Effect& e) {
  return {name, format::fixed(e.att, 3), format::fixed(e.se, 3), ci(e)};
}

std::string periodUnit(const panel::Panel& panel) {
  if (!panel.timestamps || panel.periodKeys.size() < 2) return "periods";
  const auto step = panel.periodKeys[1] - panel.periodKeys[0];
  if (step % 86400 == 0) return std::to_string(step / 86400) + " d";
  if (step % 3600 == 0) return std::to_string(step / 3600) + " h";
  if (step % 60 == 0) return std::to_string(step / 60) + " min";
  return std::to_string(step) + " s";
}

}  // namespace

std::string rolloutHeadline(const panel::RolloutResult& result, const panel::Panel& panel, const std::string& outcome) {
  return panel::rolloutSentence(result, panel, outcome);
}

Section rolloutSection(const panel::RolloutResult& result, const panel::Panel& panel, const std::string& outcome,
                       const std::string& covariateSource) {
  Section section;
  section.title = "The rollout: staggered difference-in-differences";
  // The core's answer and verdict, as the CLI and the GUI show them.
  const auto answer = panel::answerRollout(result, panel, outcome);
  section.blocks.push_back(Paragraph{answer.sentence});
  std::string level = panel::toString(answer.level);
  std::replace(level.begin(), level.end(), '-', ' ');
  section.blocks.push_back(Paragraph{"Verdict: " + level + ".", answer.level == panel::RolloutLevel::Supported
                                                                    ? Paragraph::Style::Normal
                                                                    : Paragraph::Style::Warning});
  Table checks{"The checks behind the verdict (README, rollout)", {"check", "status", "value", "threshold", "what it means"}, {}, ""};
  const auto shown = [](const std::optional<double>& v) { return v ? format::significant(*v, 3) : std::string("\u2013"); };
  for (const auto& c : answer.checks)
    checks.rows.push_back({c.name, panel::toString(c.status), shown(c.value), shown(c.threshold), c.explanation});
  section.blocks.push_back(std::move(checks));
  const auto& o = result.options;
  section.blocks.push_back(Paragraph{
      std::to_string(panel.units()) + " units over " + std::to_string(panel.periods()) + " periods; each wave is compared with the " +
      panel::toString(o.groupTime.control) + " units (Callaway & Sant'Anna 2021). " +
      (panel.covariateNames.empty()
           ? std::string("No covariates: the comparison assumes the waves would have trended like their controls.")
           : "Parallel trends are assumed given " + covariateSource + ", taken before each comparison (" +
                 panel::toString(o.groupTime.estimator) + " estimator of Sant'Anna & Zhao 2020).")});
  if (result.preTrend) {
    const auto& p = *result.preTrend;
    const bool rejected = p.pValue < 0.05;
    section.blocks.push_back(Paragraph{
        std::string(rejected ? "Before the rollout the waves already moved differently from their controls: "
                             : "Before the rollout the waves moved like their controls: ") +
            p.description + ", p = " + format::significant(p.pValue, 2) + "." +
            (rejected ? " The estimates rest on parallel trends that the pre-periods contradict." : ""),
        rejected ? Paragraph::Style::Warning : Paragraph::Style::Normal});
  }
  Figure figure;
  figure.caption = "Event study: the effect by periods since each unit's rollout, with pointwise 95% intervals (bars), " +
                   std::string(result.bootstrap ? "the uniform 95% band (shaded, multiplier bootstrap)" : "no uniform band (no bootstrap)") +
                   " and the pre-periods shaded grey.";
  figure.svg = renderEventStudySvg(result.aggregates, periodUnit(panel));
  section.blocks.push_back(figure);

  Table aggregates;
  aggregates.caption = "Average effects (as R's did::aggte)";
  aggregates.header = {"average", "effect", "SE", "95% CI"};
  aggregates.rows = {effectRow("over post-rollout cells (simple)", result.aggregates.simple),
                     effectRow("by wave, then across waves", result.aggregates.group),
                     effectRow("by period, then across periods", result.aggregates.calendar),
                     effectRow("by event time e >= 0 (dynamic)", result.aggregates.dynamic)};
  aggregates.conventions = "Standard errors from the influence functions, clustered by unit, including the estimated wave shares.";
  section.blocks.push_back(aggregates);

  Table waves;
  waves.caption = "Effect of each wave, averaged over its post-rollout periods";
  waves.header = {"wave (first treated)", "effect", "SE", "95% CI"};
  for (const auto& [cohort, effect] : result.aggregates.byCohort) waves.rows.push_back(effectRow(panel.periodLabel(cohort), effect));
  section.blocks.push_back(waves);

  if (result.twfe) {
    const auto& t = *result.twfe;
    std::string text = "For comparison, the two-way fixed-effects regression gives " + format::fixed(t.staticEstimate, 3) + ".";
    if (!t.warning.empty()) text += " Its weights are negative on " + std::to_string(t.negativeWeights) + " of " +
                                    std::to_string(t.weights.size()) +
                                    " treated cells (de Chaisemartin & D'Haultfœuille 2020), so it is not an average effect here.";
    section.blocks.push_back(Paragraph{text, t.warning.empty() ? Paragraph::Style::Note : Paragraph::Style::Warning});
  }
  if (!result.warnings.empty()) {
    BulletList list;
    for (const auto& w : result.warnings) list.items.push_back(w);
    if (list.items.size() > 12) list.items.resize(12);
    section.blocks.push_back(list);
  }
  return section;
}

}  // namespace causeway::report
