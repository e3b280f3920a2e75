#include "causeway/report/StudyReport.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "causeway/common/NumberFormat.hpp"
#include "causeway/report/SensitivitySection.hpp"
#include "causeway/report/AnswerSection.hpp"
#include "causeway/report/ChartSvg.hpp"
#include "causeway/report/ImplicationSection.hpp"
#include "causeway/report/ModelSections.hpp"

namespace causeway::report {

namespace {

namespace est = causeway::estimation;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void addDataSection(ReportDocument& doc, const ReportRequest& request, const study::StudyResult& s) {
  const auto& r = s.estimation;
  Section section{"Data", {}};
  BulletList facts;
  if (request.data) facts.items.push_back(describeFingerprint(*request.data));
  facts.items.push_back(std::to_string(r.nInput) + " rows; " + std::to_string(r.nUsed) + " used in the analysis (" +
                        std::to_string(r.nTreated) + " treated with " + s.exposureColumn + " = " +
                        (r.treatedValue.empty() ? std::string("1") : r.treatedValue) + ", " +
                        std::to_string(r.nControl) + " controls with " + s.exposureColumn + " = " +
                        (r.controlValue.empty() ? std::string("0") : r.controlValue) + ").");
  if (r.nDroppedMissing)
    facts.items.push_back(std::to_string(r.nDroppedMissing) +
                          " rows dropped for missing values in the variables used (complete-case analysis).");
  if (r.nTrimmedTreated + r.nTrimmedControl)
    facts.items.push_back(std::to_string(r.nTrimmedTreated + r.nTrimmedControl) +
                          " units dropped by propensity trimming.");
  if (!s.mapping.unmappedNodes.empty())
    facts.items.push_back("Model variables with no column in the data: " + joined(s.mapping.unmappedNodes) + ".");
  section.blocks.emplace_back(std::move(facts));
  section.blocks.emplace_back(Paragraph{"Adjustment set used: {" + joined(s.adjustment.nodes) + "} — " +
                                        s.adjustment.reason + "."});
  if (!s.adjustment.valid)
    section.blocks.emplace_back(Paragraph{"This set is not valid for the model: " + s.adjustment.problem + ".",
                                          Paragraph::Style::Warning});
  doc.sections.push_back(std::move(section));
}

void addOverlapSection(ReportDocument& doc, const est::EstimationReport& r) {
  if (!r.overlap) return;
  const auto& o = *r.overlap;
  Section section{"Propensity score and overlap", {}};
  MirroredHistogram histogram;
  histogram.title = "Propensity score by group";
  histogram.binEdges = o.histogram.edges;
  histogram.upper = o.histogram.treatedDensity;
  histogram.lower = o.histogram.controlDensity;
  section.blocks.emplace_back(Figure{"Estimated propensity scores of treated (above) and control (below) units, as "
                                     "densities per group.",
                                     renderMirroredHistogramSvg(histogram), 640, 320});
  section.blocks.emplace_back(Paragraph{"Common support [" + format::fixed(o.supportLow, 4) + ", " + format::fixed(o.supportHigh, 4) +
                                        "]; outside it: " + std::to_string(o.treatedOutside) + " treated and " +
                                        std::to_string(o.controlOutside) + " control units."});
  for (const auto& w : o.warnings) section.blocks.emplace_back(Paragraph{w, Paragraph::Style::Warning});
  if (r.propensityModel) {
    Table table{"Propensity model (logistic regression)", {"term", "estimate", "std. error"}, {}, r.propensityModel->conventions};
    for (const auto& c : r.propensityModel->coefficients)
      table.rows.push_back({c.name, format::fixed(c.estimate, 6), format::fixed(c.standardError, 6)});
    section.blocks.emplace_back(std::move(table));
  }
  doc.sections.push_back(std::move(section));
}

void addBalanceSection(ReportDocument& doc, const est::EstimationReport& r) {
  const est::BalanceTable* balance = r.balanceWeighted ? &*r.balanceWeighted : r.balanceMatched ? &*r.balanceMatched : nullptr;
  if (!balance) return;
  Section section{"Covariate balance", {}};
  std::vector<LovePlotRow> rows;
  Table table{"Balance before and after " + balance->adjustment,
              {"covariate", "mean treated", "mean control", "SMD before", "SMD after", "var. ratio before", "var. ratio after"},
              {},
              balance->conventions};
  for (const auto& row : balance->rows) {
    rows.push_back({row.name, std::abs(row.unadjusted.smd), row.adjusted ? std::abs(row.adjusted->smd) : std::abs(row.unadjusted.smd)});
    table.rows.push_back({row.name, format::fixed(row.unadjusted.meanTreated), format::fixed(row.unadjusted.meanControl), format::fixed(row.unadjusted.smd),
                          row.adjusted ? format::fixed(row.adjusted->smd) : "", format::fixed(row.unadjusted.varianceRatio),
                          row.adjusted ? format::fixed(row.adjusted->varianceRatio) : ""});
  }
  section.blocks.emplace_back(Figure{"Love plot: absolute standardised mean differences before and after " +
                                         balance->adjustment + "; the dashed line marks 0.1.",
                                     renderLovePlotSvg(rows), 640, 30 + 22.0 * static_cast<double>(rows.size()) + 56});
  section.blocks.emplace_back(std::move(table));
  section.blocks.emplace_back(Paragraph{"Effective sample size after " + balance->adjustment + ": treated " +
                                        format::fixed(balance->essTreated, 1) + ", control " + format::fixed(balance->essControl, 1) + "."});
  doc.sections.push_back(std::move(section));
}

// The estimates' conventions end alike (CI and E-value rules): that tail once, then each
// method's own part; '\n' separates the notes (numberConventions).
std::string estimateConventions(const est::EstimationReport& r) {
  std::string shared;
  if (r.estimates.size() > 1) {
    shared = r.estimates.front().conventions;
    for (const auto& e : r.estimates) {
      std::size_t k = 0;
      while (k < shared.size() && k < e.conventions.size() &&
             shared[shared.size() - 1 - k] == e.conventions[e.conventions.size() - 1 - k])
        ++k;
      shared = shared.substr(shared.size() - k);
    }
    const auto boundary = shared.find(". ");  // start the shared tail at a whole sentence
    shared = boundary == std::string::npos ? std::string() : shared.substr(boundary + 2);
  }
  std::string out;
  for (const auto& e : r.estimates) {
    std::string own = e.conventions.substr(0, e.conventions.size() - shared.size());
    while (!own.empty() && own.back() == ' ') own.pop_back();
    out += e.methodName + ": " + own + "\n";
  }
  return out + (shared.empty() ? "" : "Every estimate: " + shared);
}

void addEstimatesSection(ReportDocument& doc, const est::EstimationReport& r) {
  Section section{"Estimates", {}};
  Table table{"Effect of " + r.treatment + " on " + r.outcome + " (" + est::toString(r.estimand) + ")",
              {"method", "estimate", "std. error", "95% CI", "E-value", "E-value (CI)"},
              {},
              ""};
  for (const auto& e : r.estimates) {
    const bool answer = r.primaryMethod == e.method;
    table.rows.push_back({e.methodName + (answer ? " (the answer)" : ""), format::fixed(e.estimate), format::fixed(e.se), "[" + format::fixed(e.ciLow) + ", " + format::fixed(e.ciHigh) + "]",
                          format::fixed(e.eValue, 2), format::fixed(e.eValueCi, 2)});
  }
  for (const auto& f : r.failures) table.rows.push_back({est::displayName(f.method), "failed: " + f.error.message, "", "", "", ""});
  for (const auto& m : r.notApplicable)
    table.rows.push_back({est::displayName(m.method), "not applicable: " + m.reason, "", "", "", ""});
  table.conventions = estimateConventions(r);
  section.blocks.emplace_back(std::move(table));
  if (r.adjustmentSetComparison.size() > 1) {
    std::vector<ForestRow> rows;
    for (const auto& a : r.adjustmentSetComparison)
      if (a.estimate) rows.push_back({"{" + joined(a.set) + "}", a.estimate->estimate, a.estimate->ciLow, a.estimate->ciHigh});
    if (!rows.empty())
      section.blocks.emplace_back(Figure{"The answer's method (" + std::string(r.primaryMethod ? est::displayName(*r.primaryMethod) : "?") +
                                             ") over every measured minimal adjustment set: valid sets should agree up "
                                             "to sampling error.",
                                         renderForestPlotSvg(rows), 640, 16 + 26.0 * static_cast<double>(rows.size()) + 48});
  }
  doc.sections.push_back(std::move(section));
}

void addSensitivitySection(ReportDocument& doc, const est::EstimationReport& r) {
  Section section{"Sensitivity and refutation", {}};
  for (const auto& e : r.estimates) {
    if (e.method != r.primaryMethod) continue;  // the answer's estimate, as everywhere
    section.blocks.emplace_back(Paragraph{
        e.methodName + ": an unmeasured confounder associated with both " + r.treatment + " and " + r.outcome +
        " by a risk ratio of " + format::fixed(e.eValue, 2) + " each (E-value; VanderWeele & Ding 2017) could explain away the "
        "estimate; one of " + format::fixed(e.eValueCi, 2) + " could move the confidence interval to include no effect."});
    break;
  }
  if (!r.refutations.empty()) {
    Table table{"Refutation checks (as in DoWhy)", {"check", "verdict", "result"}, {}, ""};
    for (const auto& ref : r.refutations) table.rows.push_back({ref.name, est::toString(ref.verdict), ref.explanation});
    section.blocks.emplace_back(std::move(table));
  }
  doc.sections.push_back(std::move(section));
}

void addCaveats(ReportDocument& doc, const identification::IdentificationSummary& summary, const study::StudyResult* s) {
  Section section{"Caveats", {}};
  BulletList items;
  items.items.push_back("These estimates are causal only if the diagram is right: no unobserved common cause of "
                        "exposure and outcome other than those drawn, and no arrow missing that matters.");
  if (summary.adjustmentSets.empty())
    items.items.push_back("The diagram itself says covariate adjustment cannot remove the bias (latent confounding).");
  if (s) {
    if (s->estimation.overlap && s->estimation.overlap->positivityConcern)
      items.items.push_back("Positivity: some units have almost no comparable units in the other group; estimates "
                            "for them rest on extrapolation by the models.");
    for (const auto& w : s->warnings) items.items.push_back(w);
    items.items.push_back("Missing values were handled by complete-case analysis, which assumes they are unrelated "
                          "to the outcome given the adjustment set.");
  }
  items.items.push_back("Confidence intervals reflect sampling error only, not doubts about the diagram.");
  section.blocks.emplace_back(std::move(items));
  doc.sections.push_back(std::move(section));
}

}  // namespace

ReportDocument buildStudyReport(const ReportRequest& request, const identification::IdentificationSummary& summary,
                                const study::StudyResult* study) {
  ReportDocument doc;
  doc.title = request.title;
  const graph::IndexedGraph g(request.laidOutGraph);
  std::string question = describeQuestion(g, summary);
  question[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(question[0])));
  doc.subtitle = question;
  doc.generated = request.generated;
  doc.version = request.version;
  if (study) doc.sections.push_back(answerSection(*study));  // the answer first, then the checklist
  if (!request.notes.empty()) doc.sections.push_back(Section{"Summary", {Paragraph{request.notes}}});
  identification::NodeSet adjustedFor = summary.adjusted;
  if (study) {
    adjustedFor.clear();
    for (const auto& name : study->adjustment.nodes)
      if (auto index = g.find(name)) adjustedFor.push_back(*index);
    adjustedFor = identification::normalized(adjustedFor);
  }
  // Draw the set the estimate used as adjusted, whatever roles the model file carried.
  graph::CausalGraph picture = request.laidOutGraph;
  if (study)
    for (auto id : picture.nodeIds())
      picture.setRole(id, graph::Role::Adjusted, std::binary_search(adjustedFor.begin(), adjustedFor.end(), *g.indexOf(id)));
  addModelSections(doc, picture, request.modelText, summary, adjustedFor);
  if (study) {
    addDataSection(doc, request, *study);
    if (auto implications = implicationSection(*study)) doc.sections.push_back(std::move(*implications));
    addOverlapSection(doc, study->estimation);
    addBalanceSection(doc, study->estimation);
    addEstimatesSection(doc, study->estimation);
    addSensitivitySection(doc, study->estimation);
    if (auto unmeasured = sensitivitySection(*study)) doc.sections.push_back(std::move(*unmeasured));
  }
  addCaveats(doc, summary, study);
  numberConventions(doc);
  return doc;
}

}  // namespace causeway::report
