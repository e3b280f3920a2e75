#include "EstimateOutput.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <ostream>

#include "CliSupport.hpp"

namespace causeway::cli {

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
json implicationTestsJson(const study::StudyResult& result) {
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

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string padRight(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}
std::string padLeft(const std::string& s, std::size_t width) {
  return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

// Partial correlations (numeric x and y), then chi-square tests (categorical ones).
void printImplicationTests(std::ostream& out, const study::StudyResult& result) {
  const bool correlations = result.implicationTests && !result.implicationTests->results.empty();
  const bool chiSquares = result.categoricalImplicationTests && !result.categoricalImplicationTests->results.empty();
  if (correlations || chiSquares) out << "\nImplied independencies tested on the data\n";
  if (correlations) {
    out << "  " << kPartialCorrelationTest << "\n";
    for (const auto& t : result.implicationTests->results)
      out << "  " << padRight(t.label, 40) << " r = " << padLeft(fixed(t.estimate, 3), 7) << "  p = " << fixed(t.pValue, 4)
          << (t.pValue < 0.05 ? "  (rejected at 5%)" : "") << "\n";
  }
  if (chiSquares) {
    const auto& report = *result.categoricalImplicationTests;
    out << "  " << est::toString(report.statistic) << ", stratified by the conditioning set\n";
    for (const auto& t : report.results)
      out << "  " << padRight(t.label, 40) << " X2 = " << padLeft(fixed(t.statistic, 3), 9) << "  df = "
          << padLeft(fixed(t.df, 0), 3) << "  p = " << fixed(t.pValue, 4) << (t.pValue < 0.05 ? "  (rejected at 5%)" : "")
          << "\n";
  }
  if (result.implicationsSkipped)
    out << "  " << result.implicationsSkipped << " not tested (a variable without a column, a categorical variable "
        << "against a continuous one, or the list capped)\n";
}

}  // namespace

json estimateJson(const study::StudyResult& result, const data::Dataset& data) {
  const auto& r = result.estimation;
  json doc;
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
  std::vector<std::string> warnings = result.warnings;
  warnings.insert(warnings.end(), r.warnings.begin(), r.warnings.end());
  doc["warnings"] = warnings;
  doc["conventions"] = r.conventions;
  return doc;
}

void printEstimateText(std::ostream& out, const study::StudyResult& result, const data::Dataset& data) {
  const auto& r = result.estimation;
  out << "Effect of " << result.exposureColumn << " on " << result.outcomeColumn << " (" << est::toString(r.estimand)
      << ")\n\n";
  out << "Data: " << std::filesystem::path(data.sourcePath()).filename().string() << ", " << data.rowCount()
      << " rows; used " << r.nUsed << " (" << r.nTreated << " treated, " << r.nControl << " control)";
  if (r.nDroppedMissing) out << "; " << r.nDroppedMissing << " dropped for missing values";
  if (r.nTrimmedTreated + r.nTrimmedControl)
    out << "; " << r.nTrimmedTreated + r.nTrimmedControl << " trimmed by propensity";
  out << "\n";
  out << "Adjustment set: {" << joined(result.adjustment.nodes) << "} (" << result.adjustment.reason << ")\n";
  if (!result.adjustment.valid) out << "  NOT VALID: " << result.adjustment.problem << "\n";

  if (r.propensityModel) {
    out << "\nPropensity model (logistic regression)\n";
    out << "  " << padRight("term", 16) << padLeft("estimate", 14) << padLeft("std. error", 14) << "\n";
    for (const auto& c : r.propensityModel->coefficients)
      out << "  " << padRight(c.name, 16) << padLeft(fixed(c.estimate, 6), 14) << padLeft(fixed(c.standardError, 6), 14)
          << "\n";
  }
  if (r.overlap) {
    const auto& o = *r.overlap;
    out << "\nOverlap: common support [" << fixed(o.supportLow, 4) << ", " << fixed(o.supportHigh, 4) << "]; outside it: "
        << o.treatedOutside << " treated, " << o.controlOutside << " control\n";
  }
  if (const auto* balance = primaryBalance(r)) {
    out << "\nBalance (" << (balance->adjustment.empty() ? "unadjusted" : balance->adjustment) << ")\n";
    out << "  " << padRight("covariate", 16) << padLeft("SMD before", 12) << padLeft("SMD after", 12)
        << padLeft("VR before", 12) << padLeft("VR after", 12) << "\n";
    for (const auto& row : balance->rows) {
      out << "  " << padRight(row.name, 16) << padLeft(fixed(row.unadjusted.smd, 4), 12)
          << padLeft(row.adjusted ? fixed(row.adjusted->smd, 4) : "", 12)
          << padLeft(fixed(row.unadjusted.varianceRatio, 3), 12)
          << padLeft(row.adjusted ? fixed(row.adjusted->varianceRatio, 3) : "", 12) << "\n";
    }
    out << "  Effective sample size: treated " << fixed(balance->essTreated, 1) << ", control "
        << fixed(balance->essControl, 1) << "\n";
    out << "  " << balance->conventions << "\n";
  }
  out << "\nEstimates\n";
  out << "  " << padRight("method", 46) << padLeft("estimate", 12) << padLeft("SE", 12) << padLeft("95% CI", 26)
      << padLeft("E-value", 10) << "\n";
  for (const auto& e : r.estimates)
    out << "  " << padRight(e.methodName, 46) << padLeft(fixed(e.estimate, 3), 12) << padLeft(fixed(e.se, 3), 12)
        << padLeft("[" + fixed(e.ciLow, 3) + ", " + fixed(e.ciHigh, 3) + "]", 26) << padLeft(fixed(e.eValue, 2), 10)
        << "\n";
  for (const auto& f : r.failures) out << "  " << padRight(est::displayName(f.method), 46) << "failed: " << f.error.message << "\n";
  if (!r.adjustmentSetComparison.empty()) {
    out << "\nAcross adjustment sets (" << (r.adjustmentSetComparison.front().estimate
                                                ? r.adjustmentSetComparison.front().estimate->methodName
                                                : std::string("primary method")) << ")\n";
    for (const auto& a : r.adjustmentSetComparison) {
      out << "  " << padRight("{" + joined(a.set) + "}", 46);
      if (a.estimate)
        out << padLeft(fixed(a.estimate->estimate, 3), 12) << padLeft("[" + fixed(a.estimate->ciLow, 3) + ", " +
                                                                  fixed(a.estimate->ciHigh, 3) + "]", 26);
      else if (a.error)
        out << "failed: " << a.error->message;
      out << "\n";
    }
  }
  if (!r.refutations.empty()) {
    out << "\nRefutation checks\n";
    for (const auto& ref : r.refutations)
      out << "  " << padRight(ref.name, 28) << padRight(est::toString(ref.verdict), 9) << ref.explanation << "\n";
  }
  printImplicationTests(out, result);
  std::vector<std::string> warnings = result.warnings;
  warnings.insert(warnings.end(), r.warnings.begin(), r.warnings.end());
  if (!warnings.empty()) {
    out << "\nWarnings\n";
    for (const auto& w : warnings) out << "  - " << w << "\n";
  }
  out << "\nConventions: " << r.conventions << "\n";
}

}  // namespace causeway::cli
