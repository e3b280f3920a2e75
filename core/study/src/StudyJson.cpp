#include "causeway/study/StudyJson.hpp"
#include "causeway/study/SensitivityJson.hpp"

#include <filesystem>

namespace causeway::study {

namespace {

using nlohmann::json;
namespace est = causeway::estimation;

// The balance after adjustment users look at first: weighting, else matching.
const est::BalanceTable* primaryBalance(const est::EstimationReport& r) {
  if (r.balanceWeighted) return &*r.balanceWeighted;
  if (r.balanceMatched) return &*r.balanceMatched;
  return nullptr;
}

json balanceJson(const est::BalanceTable& table) {
  json rows = json::array();
  for (const auto& row : table.rows) {
    json j{{"covariate", row.name},
           {"binary", row.binary},
           {"mean_treated_before", row.unadjusted.meanTreated},
           {"mean_control_before", row.unadjusted.meanControl},
           {"smd_before", row.unadjusted.smd},
           {"variance_ratio_before", row.unadjusted.varianceRatio},
           {"ks_before", row.unadjusted.ks}};
    if (row.adjusted) {
      j["mean_treated_after"] = row.adjusted->meanTreated;
      j["mean_control_after"] = row.adjusted->meanControl;
      j["smd_after"] = row.adjusted->smd;
      j["variance_ratio_after"] = row.adjusted->varianceRatio;
      j["ks_after"] = row.adjusted->ks;
    }
    rows.push_back(std::move(j));
  }
  return rows;
}

json estimateJsonOf(const est::EffectEstimate& e) {
  json j{{"method", est::toString(e.method)},   {"method_name", e.methodName},
         {"estimand", est::toString(e.estimand)}, {"estimate", e.estimate},
         {"se", e.se},                             {"ci_low", e.ciLow},
         {"ci_high", e.ciHigh},                    {"level", e.level},
         {"e_value", e.eValue},                    {"e_value_ci", e.eValueCi},
         {"n", e.n},                               {"n_treated", e.nTreated},
         {"n_control", e.nControl},                {"conventions", e.conventions},
         {"notes", e.notes}};
  if (e.bootstrap) {
    const auto& b = *e.bootstrap;
    j["bootstrap"] = {{"replicates", b.replicates}, {"failed", b.failed},
                      {"seed", b.seed},             {"se", b.se},
                      {"bias", b.bias},             {"percentile_ci", {b.percentileLow, b.percentileHigh}},
                      {"normal_ci", {b.normalLow, b.normalHigh}}};
  }
  return j;
}

json refutationJson(const est::Refutation& ref) {
  json j{{"refuter", est::toString(ref.kind)},
         {"name", ref.name},
         {"verdict", est::toString(ref.verdict)},
         {"original_estimate", ref.originalEstimate},
         {"mean", ref.mean},
         {"sd", ref.sd},
         {"draws", ref.estimates.size()},
         {"explanation", ref.explanation}};
  // Where the original estimate falls among the placebo (null) draws; only the placebo has a null.
  if (ref.kind == est::RefuterKind::PlaceboTreatment) {
    j["original_z"] = ref.originalZ;
    j["original_p_value"] = ref.originalPValue;
    j["fraction_as_extreme"] = ref.fractionAsExtreme;
  }
  return j;
}

constexpr const char* kPartialCorrelationTest = "partial-correlation (Fisher z)";

// Both families in one list; "test" says which one each entry used.
json implicationTestsJson(const StudyResult& result) {
  json out = json::array();
  if (result.implicationTests)
    for (const auto& t : result.implicationTests->results)
      out.push_back({{"x", t.test.x},
                     {"y", t.test.y},
                     {"given", t.test.given},
                     {"test", kPartialCorrelationTest},
                     {"estimate", t.estimate},
                     {"p_value", t.pValue},
                     {"ci_low", t.ciLow},
                     {"ci_high", t.ciHigh},
                     {"n", t.n},
                     {"conventions", result.implicationTests->conventions}});
  if (result.categoricalImplicationTests) {
    const auto& report = *result.categoricalImplicationTests;
    for (const auto& t : report.results)
      out.push_back({{"x", t.test.x},
                     {"y", t.test.y},
                     {"given", t.test.given},
                     {"test", est::toString(report.statistic)},
                     {"statistic", t.statistic},
                     {"df", t.df},
                     {"p_value", t.pValue},
                     {"rmsea", t.rmsea},
                     {"n", t.n},
                     {"strata", t.strata},
                     {"strata_tested", t.strataTested},
                     {"conventions", report.conventions}});
  }
  return out;
}

json optionalNumber(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

json verdictJson(const Verdict& verdict) {
  json checks = json::array();
  for (const auto& c : verdict.checks)
    checks.push_back({{"name", c.name},
                      {"status", toString(c.status)},
                      {"value", optionalNumber(c.value)},
                      {"threshold", optionalNumber(c.threshold)},
                      {"explanation", c.explanation}});
  return {{"level", toString(verdict.level)}, {"summary", verdict.summary}, {"checks", checks}};
}

json answerJson(const std::optional<Answer>& answer) {
  if (!answer) return nullptr;
  const auto& a = *answer;
  return {{"method", est::toString(a.method)}, {"estimand", est::toString(a.estimand)},
          {"estimate", a.estimate},            {"se", a.se},
          {"ci_low", a.ciLow},                 {"ci_high", a.ciHigh},
          {"rule", a.rule},                    {"sentence", a.sentence}};
}

json studyJson(const StudyResult& result, const data::Dataset& data) {
  const auto& r = result.estimation;
  json doc;
  doc["answer"] = answerJson(result.answer);
  doc["verdict"] = verdictJson(result.verdict);
  doc["exposure"] = result.exposureColumn;
  doc["outcome"] = result.outcomeColumn;
  doc["estimand"] = est::toString(r.estimand);
  doc["data"] = {{"file", std::filesystem::path(data.sourcePath()).filename().string()},
                 {"rows", data.rowCount()},
                 {"columns", data.columnCount()}};
  doc["n_used"] = r.nUsed;
  doc["n_dropped_missing"] = r.nDroppedMissing;
  doc["n_trimmed"] = {{"treated", r.nTrimmedTreated}, {"control", r.nTrimmedControl}};
  doc["n_treated"] = r.nTreated;
  doc["n_control"] = r.nControl;
  // Which value of the treatment column is "treated", so no reader has to guess the sign.
  doc["treatment"] = {{"column", r.treatment},           {"treated_value", r.treatedValue},
                      {"control_value", r.controlValue}, {"n_treated", r.nTreated},
                      {"n_control", r.nControl}};
  doc["adjustment_set"] = result.adjustment.nodes;
  doc["adjustment_columns"] = r.covariateColumns;
  doc["adjustment_set_reason"] = result.adjustment.reason;
  doc["adjustment_set_valid"] = result.adjustment.valid;
  if (!result.adjustment.valid) doc["adjustment_set_problem"] = result.adjustment.problem;
  if (r.propensityModel) {
    json coefficients = json::object(), errors = json::object();
    for (const auto& c : r.propensityModel->coefficients) {
      coefficients[c.name] = c.estimate;
      errors[c.name] = c.standardError;
    }
    doc["propensity"] = {{"coefficients", coefficients},
                         {"standard_errors", errors},
                         {"deviance", r.propensityModel->deviance},
                         {"null_deviance", r.propensityModel->nullDeviance},
                         {"aic", r.propensityModel->aic},
                         {"iterations", r.propensityModel->iterations},
                         {"conventions", r.propensityModel->conventions}};
  }
  if (r.overlap) {
    const auto& o = *r.overlap;
    doc["overlap"] = {{"common_support", {o.supportLow, o.supportHigh}},
                      {"treated_outside", o.treatedOutside},
                      {"control_outside", o.controlOutside},
                      {"treated_outside_share", o.treatedOutsideShare},
                      {"control_outside_share", o.controlOutsideShare},
                      {"positivity_concern", o.positivityConcern},
                      {"warnings", o.warnings}};
  }
  if (const auto* balance = primaryBalance(r)) {
    doc["balance"] = balanceJson(*balance);
    doc["balance_adjustment"] = balance->adjustment;
    doc["balance_conventions"] = balance->conventions;
    doc["ess"] = {{"treated", balance->essTreated}, {"control", balance->essControl}};
  } else {
    doc["balance"] = json::array();
  }
  if (r.balanceMatched && r.balanceWeighted) {
    doc["balance_matched"] = balanceJson(*r.balanceMatched);
    doc["ess_matched"] = {{"treated", r.balanceMatched->essTreated}, {"control", r.balanceMatched->essControl}};
  }
  doc["estimates"] = json::array();
  for (const auto& e : r.estimates) doc["estimates"].push_back(estimateJsonOf(e));
  doc["failures"] = json::array();
  for (const auto& f : r.failures)
    doc["failures"].push_back({{"method", est::toString(f.method)}, {"message", f.error.describe()}});
  doc["not_applicable"] = json::array();
  for (const auto& m : r.notApplicable)
    doc["not_applicable"].push_back({{"method", est::toString(m.method)}, {"reason", m.reason}});
  doc["covariate_benchmarks"] = json::array();
  for (const auto& b : r.covariateBenchmarks)
    doc["covariate_benchmarks"].push_back(
        {{"variable", b.variable}, {"estimate_without", b.estimateWithout}, {"shift", b.shift}, {"e_value", b.eValue}});
  if (r.matchingTieShift) doc["matching_tie_shift"] = *r.matchingTieShift;
  doc["adjustment_set_comparison"] = json::array();
  for (const auto& a : r.adjustmentSetComparison) {
    json j{{"set", a.set}, {"columns", a.columns}};
    if (a.estimate) j.update(estimateJsonOf(*a.estimate));
    if (a.error) j["error"] = a.error->describe();
    doc["adjustment_set_comparison"].push_back(std::move(j));
  }
  doc["refutations"] = json::array();
  for (const auto& ref : r.refutations) doc["refutations"].push_back(refutationJson(ref));
  doc["implication_tests"] = implicationTestsJson(result);
  if (result.sensitivity) addSensitivityJson(doc, *result.sensitivity);
  std::vector<std::string> warnings = result.warnings;
  warnings.insert(warnings.end(), r.warnings.begin(), r.warnings.end());
  doc["warnings"] = warnings;
  doc["conventions"] = r.conventions;
  return doc;
}

}  // namespace causeway::study
