#include <algorithm>
#include <map>

#include "causeway/estimation/Distributions.hpp"
#include "causeway/estimation/EValue.hpp"
#include "causeway/study/InDatabaseStudy.hpp"
#include "causeway/study/StudyJson.hpp"

namespace causeway::study {
namespace {

namespace est = estimation;
using nlohmann::json;

constexpr double kLevel = 0.95;

json estimateJson(const InDatabaseStudyResult& r, est::Method method, double estimate, double se,
                  const std::string& conventions) {
  const auto& d = r.database;
  const double z = est::criticalValue(kLevel);
  const auto ev = est::eValueForDifference(estimate, estimate - z * se, estimate + z * se, d.outcomeSd);
  return {{"method", est::toString(method)}, {"method_name", est::displayName(method)},
          {"estimand", est::toString(r.estimand)}, {"estimate", estimate},
          {"se", se}, {"ci_low", estimate - z * se},
          {"ci_high", estimate + z * se}, {"level", kLevel},
          {"e_value", ev.point}, {"e_value_ci", ev.ci},
          {"n", d.n}, {"n_treated", d.nTreated},
          {"n_control", d.n - d.nTreated}, {"conventions", conventions + " Computed in the database from sums."}};
}

std::string conventions(est::Method method) {
  switch (method) {
    case est::Method::Aipw: return "Augmented IPW with per-arm OLS outcome models; SE = SD(influence function) / sqrt(n).";
    case est::Method::GComputation:
      return "Per-arm OLS outcome models averaged over the target; delta-method SE with per-arm HC2 covariances plus the "
             "variance of the covariate means.";
    default: return "Coefficient of the treatment in OLS of the outcome on treatment + covariates; HC2 sandwich SE.";
  }
}

}  // namespace

json inDatabaseStudyJson(const InDatabaseStudyResult& r) {
  const auto& d = r.database;
  const bool sqlite = r.source.kind == database::SourceKind::Sqlite;
  json doc;
  doc["answer"] = answerJson(r.answer);
  doc["verdict"] = verdictJson(r.verdict);
  doc["data_source"] = {{"kind", database::toString(r.source.kind)},
                        {sqlite ? "file" : "server", database::displayLocation(r.source)},
                        {r.source.table.empty() ? "query" : "table", r.source.table.empty() ? r.source.query : r.source.table},
                        {"rows", d.n},
                        {"in_database", true}};
  if (!r.database.queries.empty()) doc["data_source"]["queries"] = d.queries.size();
  doc["exposure"] = r.exposureColumn;
  doc["outcome"] = r.outcomeColumn;
  doc["estimand"] = est::toString(r.estimand);
  doc["n_used"] = d.n;
  doc["n_treated"] = d.nTreated;
  doc["n_control"] = d.n - d.nTreated;
  doc["treatment"] = {{"column", r.exposureColumn}, {"treated_value", "1"}, {"control_value", "0"},
                      {"n_treated", d.nTreated},    {"n_control", d.n - d.nTreated}};
  doc["adjustment_set"] = r.adjustment.nodes;
  doc["adjustment_columns"] = r.adjustment.columns;
  doc["adjustment_set_reason"] = r.adjustment.reason;
  doc["adjustment_set_valid"] = r.adjustment.valid;
  if (!r.adjustment.valid) doc["adjustment_set_problem"] = r.adjustment.problem;
  json coefficients = json::object();
  for (std::size_t j = 0; j < d.terms.size(); ++j) coefficients[d.terms[j]] = d.coefficients(static_cast<Eigen::Index>(j));
  doc["propensity"] = {{"coefficients", coefficients},
                       {"iterations", d.iterations},
                       {"conventions", "Logistic regression by IRLS, one aggregate query per step (X'WX, X'Wz)."}};
  json balance = json::array();
  for (const auto& b : d.balance)
    balance.push_back({{"covariate", b.term}, {"mean_treated_before", b.meanTreated}, {"mean_control_before", b.meanControl},
                       {"smd_before", b.smdBefore}, {"mean_treated_after", b.weightedMeanTreated},
                       {"mean_control_after", b.weightedMeanControl}, {"smd_after", b.smdAfter},
                       {"variance_ratio_after", b.varianceRatioAfter}});
  doc["balance"] = balance;
  doc["balance_adjustment"] = "ipw";
  doc["ess"] = {{"treated", d.essTreated}, {"control", d.essControl}};
  const auto& o = d.overlap;
  doc["overlap"] = {{"treated", {{"min", o.minTreated}, {"max", o.maxTreated}}},
                    {"control", {{"min", o.minControl}, {"max", o.maxControl}}},
                    {"support_low", std::max(o.minTreated, o.minControl)},
                    {"support_high", std::min(o.maxTreated, o.maxControl)},
                    {"treated_outside", o.outsideTreated}, {"control_outside", o.outsideControl},
                    {"extreme_treated", o.extremeTreated}, {"extreme_control", o.extremeControl}};
  // In the order of the in-memory study (estimation::allMethods()).
  std::map<est::Method, json> estimates;
  if (r.differenceInMeans)
    estimates[est::Method::DifferenceInMeans] =
        estimateJson(r, est::Method::DifferenceInMeans, d.differenceInMeans.estimate, d.differenceInMeans.se,
                     "Unadjusted difference of group means; Welch SE sqrt(s1^2/n1 + s0^2/n0).");
  estimates[est::Method::Ipw] = estimateJson(r, est::Method::Ipw, d.estimate, d.se,
                                             "Hajek IPW; sandwich SE of the stacked estimating equations (propensity "
                                             "model estimated).");
  for (const auto& e : d.outcomeEstimates) {
    const auto method = *est::parseMethod(e.method);
    estimates[method] = estimateJson(r, method, e.estimate, e.se, conventions(method));
  }
  doc["estimates"] = json::array();
  for (auto m : est::allMethods())
    if (estimates.contains(m)) doc["estimates"].push_back(estimates[m]);
  doc["implication_tests"] = json::array();
  if (r.implicationTests)
    for (const auto& t : r.implicationTests->results)
      doc["implication_tests"].push_back({{"x", t.test.x}, {"y", t.test.y}, {"given", t.test.given},
                                          {"test", "partial-correlation (Fisher z)"}, {"estimate", t.estimate},
                                          {"p_value", t.pValue}, {"ci_low", t.ciLow}, {"ci_high", t.ciHigh}, {"n", t.n},
                                          {"conventions", r.implicationTests->conventions + " Moments computed in the database."}});
  doc["implications_skipped"] = r.implicationsSkipped;
  doc["not_run"] = json::array();
  for (const auto& [what, why] : r.notRun) doc["not_run"].push_back({{"what", what}, {"reason", why}});
  if (r.sample) {
    doc["sample"] = {{"rows", r.sample->rows},
                     {"seeded", r.sample->seeded},
                     {"query", r.sample->sql},
                     {"study", studyJson(r.sample->study, r.sample->data)}};
  } else {
    doc["sample"] = nullptr;
  }
  doc["warnings"] = r.warnings;
  return doc;
}

}  // namespace causeway::study
