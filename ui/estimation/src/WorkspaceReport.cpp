#include "causeway/ui/estimation/WorkspaceReport.hpp"

#include <QString>

#include <cmath>
#include <numbers>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/report/ChartSvg.hpp"
#include "causeway/report/Fingerprint.hpp"
#include "causeway/ui/estimation/NumberFormat.hpp"

namespace causeway::ui {
namespace {

using report::BulletList;
using report::Figure;
using report::Paragraph;
using report::Section;
using report::Table;

std::string s(const QString& text) { return text.toStdString(); }

// Figures need every node placed; nodes without a position go on a circle.
graph::CausalGraph placed(graph::CausalGraph g) {
  const auto ids = g.nodeIds();
  bool missing = false;
  for (auto id : ids) missing = missing || !g.node(id).position;
  if (!missing) return g;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const double angle = 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(ids.size());
    g.setPosition(ids[i], graph::Point{3 * std::cos(angle), 3 * std::sin(angle)});
  }
  return g;
}

Section sessionSection(const WorkspaceSnapshot& w) {
  Section out{"Desktop session", {}};
  if (w.estimation) {
    const EstimationOutcome& o = *w.estimation;
    if (o.overlapWeighted) {
      auto h = *o.overlapWeighted;
      h.title = "Propensity score overlap after " + std::string(estimation::toString(o.report().estimand)) + " weighting";
      out.blocks.emplace_back(Figure{"Propensity densities with each unit weighted by the estimand's weights (treated "
                                     "above, control below): the weighted groups should look alike.",
                                     report::renderMirroredHistogramSvg(h), 640, 320});
    }
    if (o.weights) {
      out.blocks.emplace_back(Figure{"Distribution of the " + o.weights->title + " (units per bin; treated above, "
                                     "control below). Long tails mean a few units dominate.",
                                     report::renderMirroredHistogramSvg(*o.weights), 640, 280});
    }
  }
  if (w.implications && !w.implications->rows.empty()) {
    const ImplicationResults& r = *w.implications;
    Table table;
    table.caption = "Implied independencies as flagged in the app";
    table.header = {"implication", "test", "r or chi-square (df)", "p", "p (Holm)", "verdict"};
    for (const auto& row : r.rows) {
      if (!row.tested()) {
        table.rows.push_back({row.label, "", "", "", "", "not tested: " + row.problem});
        continue;
      }
      const std::string statistic =
          row.result ? s(formatFixed(row.result->estimate, 3))
                     : s(formatFixed(row.chiSquare->statistic, 3)) + " (" + s(QString::number(row.chiSquare->df)) + ")";
      table.rows.push_back({row.label, row.testName(), statistic, s(formatPValue(row.pValue())),
                            s(formatPValue(row.pHolm)), row.fails ? "violated" : "consistent"});
    }
    table.conventions = std::string("Flagged as violated when ") +
                        (r.options.holm ? "the Holm-adjusted p-value" : "the p-value") + " is below " +
                        s(QString::number(r.options.alpha)) +
                        "; each implication tested on the complete cases of its own variables.";
    out.blocks.emplace_back(table);
  }
  BulletList settings;
  if (w.estimation) {
    const auto& a = w.estimation->settings.analysis;
    std::string methods;
    for (const auto& m : a.methods) methods += (methods.empty() ? "" : ", ") + m;
    settings.items = {"Estimand " + a.estimand + "; methods " + methods + ".",
                      "Adjustment set " + w.estimation->settings.adjustmentLabel + ".",
                      "Bootstrap replicates " + std::to_string(a.bootstrap) + ", seed " + std::to_string(a.seed) +
                          "; refuters with the same seed.",
                      "The same run from the command line: save the project, then causeway-cli estimate PROJECT.causeway."};
  }
  settings.items.push_back("Causeway " + w.version + ", report generated " + w.generated + ".");
  out.blocks.emplace_back(Paragraph{"To reproduce this run:"});
  out.blocks.emplace_back(settings);
  return out;
}

}  // namespace

SessionStudy sessionStudy(const WorkspaceSnapshot& w, const Progress& progress) {
  SessionStudy out;
  out.request.title = "Causeway report";
  out.request.version = w.version;
  out.request.generated = w.generated;
  out.request.laidOutGraph = placed(w.graph);
  out.request.modelText = graph::writeDagitty(w.graph);
  // A database source is fingerprinted in the database (server, query, rows, checksum).
  if (w.source) {
    if (auto print = report::fingerprintDatabase(*w.source, progress)) out.request.data = *print;
  } else if (!w.dataPath.empty()) {
    if (auto print = report::fingerprintFile(w.dataPath)) out.request.data = *print;
  }

  if (w.estimation && w.estimation->study) {
    // The study the run computed (study::runStudy), as the CLI's report would show it.
    out.identification = w.estimation->study->identification;
    out.study = *w.estimation->study;
  } else if (auto summary = identification::identify(graph::IndexedGraph(w.graph))) {
    out.identification = std::move(summary).value();
  }
  return out;
}

report::ReportDocument buildWorkspaceReport(const WorkspaceSnapshot& w, const Progress& progress) {
  const SessionStudy session = sessionStudy(w, progress);
  report::ReportDocument doc =
      report::buildStudyReport(session.request, session.identification, session.study ? &*session.study : nullptr);
  doc.sections.push_back(sessionSection(w));
  return doc;
}

}  // namespace causeway::ui
