#include "EstimateOutput.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <ostream>

#include "CliSupport.hpp"

namespace causeway::cli {

namespace {

namespace est = causeway::estimation;

// The balance after adjustment users look at first: weighting, else matching.
const est::BalanceTable* primaryBalance(const est::EstimationReport& r) {
  if (r.balanceWeighted) return &*r.balanceWeighted;
  if (r.balanceMatched) return &*r.balanceMatched;
  return nullptr;
}

constexpr const char* kPartialCorrelationTest = "partial-correlation (Fisher z)";

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

void printAnswerAndVerdict(std::ostream& out, const std::optional<study::Answer>& answer, const study::Verdict& verdict) {
  if (answer) {
    out << "Answer: " << answer->sentence << "\n";
    out << "  Method: " << answer->rule << "\n";
  } else {
    out << "Answer: none. No method gave an estimate that can stand for the study.\n";
  }
  std::string level = study::toString(verdict.level);
  std::transform(level.begin(), level.end(), level.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  out << "Verdict: " << level << " \u2014 " << verdict.summary << "\n";
  for (const auto& c : verdict.checks)
    out << "  [" << padRight(study::toString(c.status), 7) << "] " << padRight(c.name, 15) << c.explanation << "\n";
  out << "\n";
}

void printEstimateText(std::ostream& out, const study::StudyResult& result, const data::Dataset& data) {
  const auto& r = result.estimation;
  out << "Effect of " << result.exposureColumn << " on " << result.outcomeColumn << " (" << est::toString(r.estimand)
      << ")\n\n";
  printAnswerAndVerdict(out, result.answer, result.verdict);
  out << "Data: " << std::filesystem::path(data.sourcePath()).filename().string() << ", " << data.rowCount()
      << " rows; used " << r.nUsed << " (" << r.nTreated << " treated: " << r.treatment << " = " << r.treatedValue << ", "
      << r.nControl << " control: " << r.treatment << " = " << r.controlValue << ")";
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
  for (const auto& m : r.notApplicable)
    out << "  " << padRight(est::displayName(m.method), 46) << "not applicable: " << m.reason << "\n";
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
