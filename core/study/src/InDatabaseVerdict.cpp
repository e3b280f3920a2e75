#include "InDatabaseVerdict.hpp"

#include <algorithm>
#include <cmath>

#include "Answer.hpp"
#include "causeway/estimation/Distributions.hpp"
#include "causeway/estimation/EValue.hpp"
#include "causeway/estimation/PrimaryChoice.hpp"

namespace causeway::study::detail {
namespace {

namespace est = estimation;

constexpr double kLevel = 0.95;  // as the in-memory estimators' default

est::EffectEstimate estimateOf(const InDatabaseStudyResult& r, est::Method method, double estimate, double se) {
  const auto& d = r.database;
  est::EffectEstimate e;
  e.method = method;
  e.methodName = est::displayName(method);
  e.estimand = r.estimand;
  e.estimate = estimate;
  e.se = se;
  e.level = kLevel;
  const double z = est::criticalValue(kLevel);
  e.ciLow = estimate - z * se;
  e.ciHigh = estimate + z * se;
  const auto ev = est::eValueForDifference(e.estimate, e.ciLow, e.ciHigh, d.outcomeSd);
  e.eValue = ev.point;
  e.eValueCi = ev.ci;
  e.n = d.n;
  e.nTreated = d.nTreated;
  e.nControl = d.n - d.nTreated;
  return e;
}

est::OverlapSummary overlapOf(const InDatabaseStudyResult& r) {
  const auto& o = r.database.overlap;
  const std::size_t nTreated = r.database.nTreated, nControl = r.database.n - r.database.nTreated;
  est::OverlapSummary s;
  s.treated = {o.minTreated, o.maxTreated, nTreated};
  s.control = {o.minControl, o.maxControl, nControl};
  s.supportLow = std::max(o.minTreated, o.minControl);
  s.supportHigh = std::min(o.maxTreated, o.maxControl);
  s.treatedOutside = o.outsideTreated;
  s.controlOutside = o.outsideControl;
  s.treatedOutsideShare = static_cast<double>(o.outsideTreated) / static_cast<double>(std::max<std::size_t>(1, nTreated));
  s.controlOutsideShare = static_cast<double>(o.outsideControl) / static_cast<double>(std::max<std::size_t>(1, nControl));
  s.extremeTreated = o.extremeTreated;
  s.extremeControl = o.extremeControl;
  s.positivityConcern = o.outsideTreated + o.outsideControl + o.extremeTreated + o.extremeControl > 0;
  return s;
}

est::BalanceTable balanceOf(const InDatabaseStudyResult& r) {
  const auto& d = r.database;
  est::BalanceTable table;
  table.estimand = r.estimand;
  table.adjustment = std::string(est::toString(r.estimand)) + " weights";  // the in-memory label
  table.nTreated = d.nTreated;
  table.nControl = d.n - d.nTreated;
  table.essTreated = d.essTreated;
  table.essControl = d.essControl;
  for (const auto& b : d.balance) {
    est::BalanceRow row;
    row.name = b.term;
    row.binary = b.binary;
    row.unadjusted.meanTreated = b.meanTreated;
    row.unadjusted.meanControl = b.meanControl;
    row.unadjusted.rawDifference = b.meanTreated - b.meanControl;
    row.unadjusted.smd = b.smdBefore;
    est::BalanceStatistics after;
    after.meanTreated = b.weightedMeanTreated;
    after.meanControl = b.weightedMeanControl;
    after.rawDifference = b.weightedMeanTreated - b.weightedMeanControl;
    after.smd = b.smdAfter;
    after.varianceRatio = b.varianceRatioAfter;
    row.adjusted = after;
    table.maxAbsSmdUnadjusted = std::max(table.maxAbsSmdUnadjusted, std::abs(b.smdBefore));
    table.maxAbsSmdAdjusted = std::max(table.maxAbsSmdAdjusted, std::abs(b.smdAfter));
    table.rows.push_back(std::move(row));
  }
  table.conventions = "Means, SMDs and the weighted variance ratio from one GROUP BY query in the database; "
                      "KS distances need sorted rows and are not computed there.";
  return table;
}

}  // namespace

StudyResult verdictInput(const InDatabaseStudyResult& r, const std::vector<est::Method>& methods) {
  const auto& d = r.database;
  StudyResult s;
  s.exposureColumn = r.exposureColumn;
  s.outcomeColumn = r.outcomeColumn;
  s.adjustment = r.adjustment;
  s.implicationTests = r.implicationTests;
  s.implicationsSkipped = r.implicationsSkipped;
  auto& e = s.estimation;
  e.estimand = r.estimand;
  e.treatment = r.exposureColumn;
  e.outcome = r.outcomeColumn;
  e.covariateColumns = r.adjustment.columns;
  e.nUsed = d.n;
  e.nTreated = d.nTreated;
  e.nControl = d.n - d.nTreated;
  // In the in-memory study's order (estimation::allMethods()), as choosePrimary expects.
  for (auto m : est::allMethods()) {
    if (m == est::Method::DifferenceInMeans && r.differenceInMeans)
      e.estimates.push_back(estimateOf(r, m, d.differenceInMeans.estimate, d.differenceInMeans.se));
    else if (m == est::Method::Ipw)
      e.estimates.push_back(estimateOf(r, m, d.estimate, d.se));
    for (const auto& o : d.outcomeEstimates)
      if (est::parseMethod(o.method) == m) e.estimates.push_back(estimateOf(r, m, o.estimate, o.se));
  }
  e.overlap = overlapOf(r);
  e.balanceWeighted = balanceOf(r);
  est::EstimationRequest request;
  request.estimand = r.estimand;
  request.methods = methods;
  if (auto choice = est::choosePrimary(e, request)) {
    e.primaryMethod = choice->method;
    e.primaryRule = std::move(choice->rule);
  }
  return s;
}

void judgeInDatabase(InDatabaseStudyResult& result, const std::vector<est::Method>& methods,
                     const VerdictThresholds& thresholds) {
  StudyResult input = verdictInput(result, methods);
  input.verdict = judge(input, thresholds);
  result.answer = answerFor(input);  // after the verdict: a not-supported answer says so
  for (auto& c : input.verdict.checks) {
    if (c.name == "refutations")
      c.explanation = "Not run in the database: the placebo, random common cause and subset refuters re-estimate on rows.";
    else if (c.name == "sensitivity" && c.status != CheckStatus::NotRun)
      c.explanation += " Covariate benchmarks re-estimate on rows: not run in the database.";
  }
  result.verdict = input.verdict;
  input.answer = result.answer;
  input.warnings = result.warnings;
  result.study = std::move(input);
}

}  // namespace causeway::study::detail
