#include "causeway/panel/RolloutAnswer.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "causeway/common/NumberFormat.hpp"

namespace causeway::panel {

namespace {

// Above this CI width / |effect| the interval is wider than the effect itself: the size is unclear.
constexpr double kWidthRatio = 1.0;
constexpr double kPreTrendAlpha = 0.05;

std::string ci(const Effect& e) { return "95% CI " + format::fixed(e.ciLow, 3) + " to " + format::fixed(e.ciHigh, 3); }

bool excludesZero(const Effect& e) { return e.ciLow > 0 || e.ciHigh < 0; }

RolloutCheck preTrendCheck(const RolloutResult& result) {
  RolloutCheck c{"pre-trends", RolloutCheckStatus::NotRun, std::nullopt, kPreTrendAlpha,
                 "No pre-period to check parallel trends on."};
  if (!result.preTrend) return c;
  const double p = result.preTrend->pValue;
  const std::string shown = format::significant(p, 2);
  c.value = p;
  c.status = p >= kPreTrendAlpha ? RolloutCheckStatus::Pass : RolloutCheckStatus::Fail;
  c.explanation = p >= kPreTrendAlpha
                      ? "Before the rollout the waves moved like their controls (p = " + shown + ")."
                      : "Before the rollout the waves already moved differently (p = " + shown +
                            "): the estimate rests on parallel trends the data contradict.";
  return c;
}

RolloutCheck precisionCheck(const Effect& e) {
  RolloutCheck c{"precision", RolloutCheckStatus::Pass, std::nullopt, kWidthRatio, ""};
  if (e.att != 0) c.value = (e.ciHigh - e.ciLow) / std::abs(e.att);
  if (!excludesZero(e)) {
    c.status = RolloutCheckStatus::Fail;
    c.explanation = "The 95% interval includes zero: the data cannot tell a rise from a fall.";
  } else if (c.value && *c.value > kWidthRatio) {
    c.status = RolloutCheckStatus::Warn;
    c.explanation = "The 95% interval excludes zero but is wider than the effect: its size is uncertain.";
  } else {
    c.explanation = "The 95% interval excludes zero and is narrower than the effect.";
  }
  return c;
}

RolloutCheck controlCheck(const RolloutResult& result, const std::optional<Effect>& other) {
  const bool never = result.options.groupTime.control == ControlGroup::NeverTreated;
  const std::string name = never ? "not-yet-treated" : "never-treated";
  RolloutCheck c{"control group", RolloutCheckStatus::NotRun, std::nullopt, std::nullopt,
                 "The " + name + " units could not serve as controls, so the choice was not checked."};
  if (!other) return c;
  const auto& simple = result.aggregates.simple;
  // A hair of slack: on noiseless data both estimates and the interval coincide up to rounding.
  const double slack = 1e-9 * (1.0 + std::abs(simple.att));
  const bool inside = other->att >= simple.ciLow - slack && other->att <= simple.ciHigh + slack;
  const bool sameSign = other->att * simple.att > 0;
  c.value = other->att;
  c.status = inside ? RolloutCheckStatus::Pass : (sameSign ? RolloutCheckStatus::Warn : RolloutCheckStatus::Fail);
  c.explanation = "Compared with the " + name + " units instead: " + format::fixed(other->att, 3) + " (" + ci(*other) +
                  "), " + (inside ? "inside this estimate's interval." :
                           sameSign ? "outside this estimate's interval, same direction." :
                                      "the opposite direction: the answer depends on the control group.");
  return c;
}

}  // namespace

std::string toString(RolloutCheckStatus status) {
  switch (status) {
    case RolloutCheckStatus::Pass: return "pass";
    case RolloutCheckStatus::Warn: return "warn";
    case RolloutCheckStatus::Fail: return "fail";
    case RolloutCheckStatus::NotRun: break;
  }
  return "not-run";
}

std::string toString(RolloutLevel level) {
  switch (level) {
    case RolloutLevel::Supported: return "supported";
    case RolloutLevel::Fragile: return "fragile";
    case RolloutLevel::NotSupported: break;
  }
  return "not-supported";
}

std::string periodWord(const Panel& panel) {
  if (!panel.timestamps || panel.periodKeys.size() < 2) return "period";
  const std::int64_t s = panel.periodKeys[1] - panel.periodKeys[0];
  const auto unit = [](std::int64_t n, const char* word) { return std::to_string(n) + "-" + word + " window"; };
  if (s % 86400 == 0) return unit(s / 86400, "day");
  if (s % 3600 == 0) return unit(s / 3600, "hour");
  if (s % 60 == 0) return unit(s / 60, "minute");
  return unit(s, "second");
}

std::string rolloutSentence(const RolloutResult& result, const Panel& panel, const std::string& outcome) {
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
  return "After the rollout the " + name + " " + (simple.att >= 0 ? "rose" : "fell") + " by " +
         format::fixed(std::abs(simple.att), 3) + " per " + periodWord(panel) + " (" + ci(simple) +
         "), averaged over the " + (waves == 1 ? std::string("wave") : std::to_string(waves) + " waves") + " and the " +
         (fewest == most ? std::to_string(most) : std::to_string(fewest) + " to " + std::to_string(most)) +
         (most == 1 ? " period after " : " periods after ") + (waves == 1 ? "it." : "each.");
}

RolloutAnswer rolloutAnswer(const RolloutResult& result, const Panel& panel, const std::string& outcome,
                            const std::optional<Effect>& otherControl) {
  RolloutAnswer a;
  a.sentence = rolloutSentence(result, panel, outcome);
  a.effect = result.aggregates.simple;
  a.otherControl = otherControl;
  a.checks = {preTrendCheck(result), precisionCheck(a.effect), controlCheck(result, otherControl)};
  const auto any = [&](RolloutCheckStatus s) {
    return std::any_of(a.checks.begin(), a.checks.end(), [s](const RolloutCheck& c) { return c.status == s; });
  };
  a.level = any(RolloutCheckStatus::Fail) ? RolloutLevel::NotSupported
                                          : (any(RolloutCheckStatus::Warn) ? RolloutLevel::Fragile : RolloutLevel::Supported);
  return a;
}

RolloutAnswer answerRollout(const RolloutResult& result, const Panel& panel, const std::string& outcome,
                            const Progress& progress) {
  RolloutOptions options = result.options;
  options.groupTime.control = options.groupTime.control == ControlGroup::NeverTreated ? ControlGroup::NotYetTreated
                                                                                       : ControlGroup::NeverTreated;
  // Pointwise intervals suffice for the check.
  options.bootstrapDraws = 0;
  options.twfe = false;
  auto other = runRollout(panel, options, progress);
  return rolloutAnswer(result, panel, outcome, other ? std::optional<Effect>(other->aggregates.simple) : std::nullopt);
}

nlohmann::json rolloutAnswerJson(const RolloutAnswer& answer) {
  const auto number = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : answer.checks)
    checks.push_back({{"name", c.name},
                      {"status", toString(c.status)},
                      {"value", number(c.value)},
                      {"threshold", number(c.threshold)},
                      {"explanation", c.explanation}});
  return {{"answer",
           {{"sentence", answer.sentence},
            {"att", answer.effect.att},
            {"se", answer.effect.se},
            {"ci_low", answer.effect.ciLow},
            {"ci_high", answer.effect.ciHigh}}},
          {"verdict", {{"level", toString(answer.level)}, {"checks", checks}}}};
}

}  // namespace causeway::panel
