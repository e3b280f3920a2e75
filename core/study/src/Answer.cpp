#include "Answer.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "NegativeControlRun.hpp"
#include "VerdictChecks.hpp"

namespace causeway::study::detail {

namespace est = causeway::estimation;

namespace {

// Digits that the standard error supports: 0.92 (SE 0.03), 1214 (SE 700).
std::string rounded(double value, double se) {
  int decimals = se > 0.0 && std::isfinite(se) ? static_cast<int>(-std::floor(std::log10(se))) : 3;
  decimals = std::clamp(decimals, 0, 6);
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  std::string text = s.str();
  if (text.front() == '-') text.replace(0, 1, "\u2212");
  return text;
}

const char* population(est::Estimand e) {
  switch (e) {
    case est::Estimand::ATE: return "on average over all units";
    case est::Estimand::ATT: return "on average among the treated";
    case est::Estimand::ATC: return "on average among the controls";
    case est::Estimand::ATO: return "on average over the overlap population";
  }
  return "";
}

std::string listOf(const Verdict& v, CheckStatus status) {
  std::string out;
  for (const auto& c : v.checks)
    if (c.status == status) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

}  // namespace

Verdict judge(const StudyResult& result, const VerdictThresholds& t) {
  Verdict v;
  v.checks = {checkIdentification(result), checkExtrapolation(result, t), checkOverlap(result, t),
              checkBalance(result, t),        checkImplications(result, t),  checkRefutations(result),
              checkSensitivity(result, t),    checkAgreement(result, t),     checkPrecision(result, t)};
  if (auto ties = checkTies(result, t)) v.checks.push_back(std::move(*ties));
  if (auto controls = checkNegativeControls(result)) v.checks.push_back(std::move(*controls));
  const std::string failed = listOf(v, CheckStatus::Fail), warned = listOf(v, CheckStatus::Warn);
  if (!answerEstimate(result)) {
    v.level = VerdictLevel::NotSupported;
    v.summary = "no method gave an estimate that can stand for the study";
  } else if (!failed.empty()) {
    v.level = VerdictLevel::NotSupported;
    for (const auto& c : v.checks)
      if (c.status == CheckStatus::Fail) {
        v.summary = "failed " + failed + ". " + c.explanation;
        break;
      }
  } else if (!warned.empty()) {
    v.level = VerdictLevel::Fragile;
    v.summary = "no check failed, but " + warned + " raised warnings";
  } else {
    v.level = VerdictLevel::Supported;
    v.summary = "every check that was run passed";
  }
  return v;
}

std::string answerConventions(const VerdictThresholds& t) {
  std::ostringstream s;
  s << "Answer: the method asked for if it gave an estimate; else the first that did of AIPW, IPW, g-computation, "
       "matching (only with |SMD| <= 0.1 after matching), the regression coefficient (ATE only); the difference in "
       "means only with nothing to adjust for. Verdict: not supported if any check fails (or there is no answer), "
       "fragile if any warns, else supported; checks not run do not count. Thresholds: extrapolation (share of the "
       "estimand's population outside the common support) warn > "
    << t.extrapolationWarn << ", fail > " << t.extrapolationFail << "; overlap: scores outside [0.01, 0.99] warn > "
    << t.extremeScoreShare << " of units, ESS warn < " << t.essShare << " of a group; balance |SMD| warn > " << t.smd
    << " (fail > " << t.smdFail << " for weighting or matching answers), variance ratio outside [1/" << t.varianceRatio
    << ", " << t.varianceRatio << "] warn; implications: Holm-adjusted p <= " << t.implicationAlpha
    << " warn; sensitivity: E-value of the CI limit <= max(" << t.eValueFloor
    << ", E-value of the shift from leaving out the strongest measured covariate) warn; agreement of AIPW, IPW and "
       "g-computation: spread > "
    << t.agreementSe << " SE warn; precision: CI width / |estimate| > " << t.ciWidthRatio
    << " or a CI including 0 warn; ties (matching answers): shift > " << t.tieShiftSe << " SE warn.";
  return s.str();
}

std::optional<Answer> answerFor(const StudyResult& result) {
  const auto* e = answerEstimate(result);
  if (!e) return std::nullopt;
  Answer a;
  a.method = e->method;
  a.estimand = e->estimand;
  a.estimate = e->estimate;
  a.se = e->se;
  a.ciLow = e->ciLow;
  a.ciHigh = e->ciHigh;
  a.rule = result.estimation.primaryRule;
  const std::string ci = "(" + rounded(e->level * 100.0, 1.0) + "% CI " + rounded(e->ciLow, e->se) + " to " +
                         rounded(e->ciHigh, e->se) + ")";
  const bool includesZero = e->ciLow <= 0.0 && e->ciHigh >= 0.0;
  if (includesZero)
    a.sentence = "The data do not show a clear effect of " + result.exposureColumn + " on " + result.outcomeColumn +
                 ": the estimate is " + rounded(e->estimate, e->se) + " " + ci + ", " + population(e->estimand) + ".";
  else
    a.sentence = result.exposureColumn + " " + (e->estimate > 0 ? "raised " : "lowered ") + result.outcomeColumn +
                 " by " + rounded(std::abs(e->estimate), e->se) + " " + ci + ", " + population(e->estimand) + ".";
  if (result.verdict.level == VerdictLevel::NotSupported)
    a.sentence += " This number cannot be trusted: " + result.verdict.summary;
  return a;
}

}  // namespace causeway::study::detail
