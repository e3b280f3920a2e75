#include "VerdictChecks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>

#include "causeway/common/NumberFormat.hpp"
#include "causeway/estimation/EValue.hpp"

namespace causeway::study::detail {

namespace est = causeway::estimation;

namespace {

// Numbers as everywhere in Causeway (core/common NumberFormat): significant digits, "4.0%".
using format::percent;
std::string num(double v, int significant = 3) { return format::significant(v, significant); }

VerdictCheck make(const char* name, CheckStatus status, std::optional<double> value, std::optional<double> threshold,
                  std::string explanation) {
  return VerdictCheck{name, status, value, threshold, std::move(explanation)};
}

const est::EffectEstimate* findEstimate(const est::EstimationReport& r, est::Method m) {
  for (const auto& e : r.estimates)
    if (e.method == m) return &e;
  return nullptr;
}

// The propensity model failed because the covariates predict the exposure perfectly.
bool separated(const est::EstimationReport& r) {
  for (const auto& f : r.failures)
    if (est::needsPropensity(f.method) && f.error.code == ErrorCode::Separation) return true;
  return false;
}

}  // namespace

const est::EffectEstimate* answerEstimate(const StudyResult& result) {
  const auto& r = result.estimation;
  return r.primaryMethod ? findEstimate(r, *r.primaryMethod) : nullptr;
}

VerdictCheck checkIdentification(const StudyResult& result) {
  if (result.adjustment.valid)
    return make("identification", CheckStatus::Pass, std::nullopt, std::nullopt,
                "The adjustment set blocks every biasing path in the diagram.");
  return make("identification", CheckStatus::Fail, std::nullopt, std::nullopt,
              "The adjustment set is not valid for the diagram (" + result.adjustment.problem +
                  "), so the estimate is biased if the diagram is right.");
}

VerdictCheck checkExtrapolation(const StudyResult& result, const VerdictThresholds& t) {
  const auto& r = result.estimation;
  if (separated(r))
    return make("extrapolation", CheckStatus::Fail, 1.0, t.extrapolationFail,
                "The covariates predict the exposure perfectly: treated and control units do not overlap, so any "
                "estimate extrapolates a model into regions without data.");
  if (!r.overlap)
    return make("extrapolation", CheckStatus::NotRun, std::nullopt, t.extrapolationFail,
                "Not checked: the propensity model could not be fitted.");
  const auto& o = *r.overlap;
  double share = 0.0;
  std::string population = "units";
  switch (r.estimand) {
    case est::Estimand::ATT: share = o.treatedOutsideShare; population = "treated units"; break;
    case est::Estimand::ATC: share = o.controlOutsideShare; population = "control units"; break;
    default:
      share = static_cast<double>(o.treatedOutside + o.controlOutside) / std::max<double>(1.0, static_cast<double>(r.nUsed));
  }
  const CheckStatus status = share > t.extrapolationFail  ? CheckStatus::Fail
                             : share > t.extrapolationWarn ? CheckStatus::Warn
                                                           : CheckStatus::Pass;
  std::string text = percent(share) + " of the " + population + " of the " + est::toString(r.estimand) +
                     " lie outside the common support of the propensity scores";
  text += status == CheckStatus::Pass ? "; the estimate rests on units that have comparable counterparts."
          : status == CheckStatus::Warn ? "; for them the estimate relies on extrapolation."
                                        : "; the estimate rests on covariate regions without overlap and cannot be trusted.";
  return make("extrapolation", status, share, status == CheckStatus::Fail ? t.extrapolationFail : t.extrapolationWarn,
              text);
}

VerdictCheck checkOverlap(const StudyResult& result, const VerdictThresholds& t) {
  const auto& r = result.estimation;
  if (separated(r))
    return make("overlap", CheckStatus::Fail, std::nullopt, std::nullopt,
                "No overlap: the covariates separate the treated from the controls completely (positivity fails).");
  if (!r.overlap)
    return make("overlap", CheckStatus::NotRun, std::nullopt, std::nullopt,
                "Not checked: the propensity model could not be fitted.");
  const auto& o = *r.overlap;
  const double n = std::max<double>(1.0, static_cast<double>(r.nUsed));
  const double extreme = static_cast<double>(o.extremeTreated + o.extremeControl) / n;
  std::optional<double> essShare;
  if (r.balanceWeighted && r.balanceWeighted->nTreated > 0 && r.balanceWeighted->nControl > 0)
    essShare = std::min(r.balanceWeighted->essTreated / static_cast<double>(r.balanceWeighted->nTreated),
                        r.balanceWeighted->essControl / static_cast<double>(r.balanceWeighted->nControl));
  const bool extremeBad = extreme > t.extremeScoreShare;
  const bool essBad = essShare && *essShare < t.essShare;
  std::string text = percent(extreme) + " of units have propensity scores outside [0.01, 0.99]";
  if (essShare) text += "; after weighting the smaller group keeps an effective sample size of " + percent(*essShare) + " of its units";
  text += extremeBad || essBad ? ": a few units carry much of the weight, so positivity is doubtful."
                               : ": treated and control units are comparable.";
  return make("overlap", extremeBad || essBad ? CheckStatus::Warn : CheckStatus::Pass, extreme, t.extremeScoreShare, text);
}

VerdictCheck checkBalance(const StudyResult& result, const VerdictThresholds& t) {
  const auto& r = result.estimation;
  const auto* answer = answerEstimate(result);
  const bool matching = answer && answer->method == est::Method::Matching;
  const est::BalanceTable* table = matching ? (r.balanceMatched ? &*r.balanceMatched : nullptr)
                                            : (r.balanceWeighted ? &*r.balanceWeighted : nullptr);
  if (!table || table->rows.empty())
    return make("balance", CheckStatus::NotRun, std::nullopt, t.smd,
                table ? "Nothing to balance: the adjustment set is empty." : "Not checked: no weights or matches to check.");
  std::size_t outsideRatio = 0;
  for (const auto& row : table->rows)
    if (row.adjusted && !row.binary &&
        (row.adjusted->varianceRatio > t.varianceRatio || row.adjusted->varianceRatio < 1.0 / t.varianceRatio))
      ++outsideRatio;
  const double smd = table->maxAbsSmdAdjusted;
  // Weighting and matching rely on balance alone; an outcome model also adjusts for what is left.
  const bool balanceOnly = answer && (answer->method == est::Method::Ipw || matching);
  CheckStatus status = CheckStatus::Pass;
  if (smd > t.smd || outsideRatio > 0) status = CheckStatus::Warn;
  if (smd > t.smdFail && balanceOnly) status = CheckStatus::Fail;
  std::string text = "After " + table->adjustment + " the largest standardised mean difference is " + num(smd, 2) +
                     (smd > t.smd ? " (above " + num(t.smd) + ")" : " (at most " + num(t.smd) + ")");
  if (outsideRatio)
    text += ", and " + std::to_string(outsideRatio) + " continuous covariate(s) have a variance ratio outside [" +
            num(1.0 / t.varianceRatio) + ", " + num(t.varianceRatio) + "]";
  text += status == CheckStatus::Pass ? ": the groups are comparable on the adjustment set."
                                      : ": the groups still differ on measured covariates.";
  return make("balance", status, smd, t.smd, text);
}

std::vector<double> holmAdjusted(const std::vector<double>& p) {
  std::vector<std::size_t> order(p.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<double> out(p.size());
  double running = 0.0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    running = std::max(running, std::min(1.0, static_cast<double>(p.size() - k) * p[order[k]]));
    out[order[k]] = running;
  }
  return out;
}

VerdictCheck checkImplications(const StudyResult& result, const VerdictThresholds& t) {
  std::vector<double> p;
  if (result.implicationTests)
    for (const auto& r : result.implicationTests->results) p.push_back(r.pValue);
  if (result.categoricalImplicationTests)
    for (const auto& r : result.categoricalImplicationTests->results) p.push_back(r.pValue);
  if (p.empty())
    return make("implications", CheckStatus::NotRun, std::nullopt, t.implicationAlpha,
                "The diagram implies no independence that could be tested on these data.");
  const auto adjusted = holmAdjusted(p);
  const double smallest = *std::min_element(adjusted.begin(), adjusted.end());
  const auto rejected = std::count_if(adjusted.begin(), adjusted.end(), [&](double q) { return q <= t.implicationAlpha; });
  const std::string tested = std::to_string(p.size()) + " implied independenc" + (p.size() == 1 ? "y" : "ies");
  if (rejected == 0)
    return make("implications", CheckStatus::Pass, smallest, t.implicationAlpha,
                "The data are consistent with the diagram: none of " + tested + " is rejected (Holm-adjusted).");
  return make("implications", CheckStatus::Warn, smallest, t.implicationAlpha,
              "The data contradict the diagram: " + std::to_string(rejected) + " of " + tested +
                  " rejected (Holm-adjusted), so the adjustment set may be wrong.");
}

VerdictCheck checkRefutations(const StudyResult& result) {
  const auto& refs = result.estimation.refutations;
  if (refs.empty())
    return make("refutations", CheckStatus::NotRun, std::nullopt, std::nullopt, "Not run (ask for refutation checks).");
  std::string failed;
  double concerns = 0.0;
  for (const auto& ref : refs)
    if (ref.verdict == est::Verdict::Concern) {
      failed += (failed.empty() ? "" : ", ") + ref.name;
      concerns += 1.0;
    }
  if (failed.empty())
    return make("refutations", CheckStatus::Pass, 0.0, 0.0,
                "The estimate passes every refutation check (placebo, random common cause, subsets).");
  return make("refutations", CheckStatus::Warn, concerns, 0.0,
              "Refutation checks raise concerns: " + failed + ".");
}

VerdictCheck checkSensitivity(const StudyResult& result, const VerdictThresholds& t) {
  const auto* answer = answerEstimate(result);
  if (!answer) return make("sensitivity", CheckStatus::NotRun, std::nullopt, t.eValueFloor, "No estimate to check.");
  if (answer->ciLow <= 0.0 && answer->ciHigh >= 0.0)
    return make("sensitivity", CheckStatus::NotRun, 1.0, t.eValueFloor,
                "The confidence interval already includes no effect: there is nothing for a confounder to explain away.");
  // A confounder as strong as a measured variable would leave a bias like the shift seen when
  // that variable is left out; on the E-value's scale (RR ~ exp(0.91 d), VanderWeele & Ding).
  double threshold = t.eValueFloor;
  std::string strongest;
  for (const auto& b : result.estimation.covariateBenchmarks) {
    if (b.eValue > threshold) {
      threshold = b.eValue;
      strongest = b.variable;
    }
  }
  const double value = answer->eValueCi;
  const bool ok = value > threshold;
  std::string text = "To move the confidence interval to no effect, an unmeasured confounder would need a risk ratio of " +
                     num(value) + " with both exposure and outcome";
  const bool benchmarked = !result.estimation.covariateBenchmarks.empty();
  text += strongest.empty() ? (ok ? ", above the floor of " + num(t.eValueFloor) +
                                        (benchmarked ? " (every measured covariate's confounding corresponds to less)."
                                                     : " (no measured covariate was benchmarked).")
                                  : ", no more than the floor of " + num(t.eValueFloor) + ": a weak confounder suffices.")
                            : (ok ? "; the strongest measured covariate, " + strongest + ", corresponds to " + num(threshold) +
                                        ", so a confounder as strong would not suffice."
                                  : "; the strongest measured covariate, " + strongest + ", corresponds to " +
                                        num(threshold) + ", so a confounder as strong could explain the effect away.");
  if (result.sensitivity && result.sensitivity->ols) text += " " + robustnessSentence(*result.sensitivity->ols);
  return make("sensitivity", ok ? CheckStatus::Pass : CheckStatus::Warn, value, threshold, text);
}

VerdictCheck checkAgreement(const StudyResult& result, const VerdictThresholds& t) {
  const auto* answer = answerEstimate(result);
  std::vector<const est::EffectEstimate*> compared;
  for (est::Method m : {est::Method::Aipw, est::Method::Ipw, est::Method::GComputation})
    if (const auto* e = findEstimate(result.estimation, m)) compared.push_back(e);
  if (!answer || compared.size() < 2 || !(answer->se > 0.0))
    return make("agreement", CheckStatus::NotRun, std::nullopt, t.agreementSe,
                "Fewer than two of the doubly robust, weighting and outcome-model estimates are available to compare.");
  const auto [low, high] = std::minmax_element(compared.begin(), compared.end(),
                                               [](const auto* a, const auto* b) { return a->estimate < b->estimate; });
  const double spread = ((*high)->estimate - (*low)->estimate) / answer->se;
  const bool ok = spread <= t.agreementSe;
  std::string names;
  for (const auto* e : compared) names += (names.empty() ? "" : ", ") + std::string(est::toString(e->method));
  return make("agreement", ok ? CheckStatus::Pass : CheckStatus::Warn, spread, t.agreementSe,
              "The " + names + " estimates lie within " + num(spread, 2) + " standard errors of each other" +
                  (ok ? ": the propensity and outcome models tell the same story."
                      : ": the models disagree, so at least one of them is misspecified."));
}

VerdictCheck checkPrecision(const StudyResult& result, const VerdictThresholds& t) {
  const auto* answer = answerEstimate(result);
  if (!answer) return make("precision", CheckStatus::NotRun, std::nullopt, t.ciWidthRatio, "No estimate to check.");
  const double width = answer->ciHigh - answer->ciLow;
  const double ratio = answer->estimate != 0.0 ? width / std::abs(answer->estimate) : std::numeric_limits<double>::infinity();
  const bool includesZero = answer->ciLow <= 0.0 && answer->ciHigh >= 0.0;
  const bool ok = !includesZero && ratio <= t.ciWidthRatio;
  std::string text = "The confidence interval is " + num(ratio, 2) + " times as wide as the estimate";
  text += includesZero ? " and includes no effect: the data cannot tell the sign of the effect."
          : ok         ? ": the size of the effect is well determined."
                       : ": the size of the effect is poorly determined.";
  return make("precision", ok ? CheckStatus::Pass : CheckStatus::Warn, ratio, t.ciWidthRatio, text);
}

std::optional<VerdictCheck> checkTies(const StudyResult& result, const VerdictThresholds& t) {
  const auto* answer = answerEstimate(result);
  const auto& shift = result.estimation.matchingTieShift;
  if (!answer || answer->method != est::Method::Matching || !shift) return std::nullopt;
  const double inSe = answer->se > 0.0 ? std::abs(*shift) / answer->se : 0.0;
  const bool ok = inSe <= t.tieShiftSe;
  return make("ties", ok ? CheckStatus::Pass : CheckStatus::Warn, inSe, t.tieShiftSe,
              *shift == 0.0 ? "The matching estimate does not depend on how ties in the propensity score are broken."
                            : "Breaking ties in the propensity score the other way moves the matching estimate to " +
                                  num(answer->estimate + *shift, 6) + " (" + num(inSe, 2) + " standard errors)" +
                                  (ok ? "." : ": the estimate depends on the row order of the data."));
}

}  // namespace causeway::study::detail
