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

data::MatchKind matchKind(MappingStatus status) {
  switch (status) {
    case MappingStatus::IgnoringCase: return data::MatchKind::IgnoringCase;
    case MappingStatus::Chosen: return data::MatchKind::Override;
    default: return data::MatchKind::Exact;
  }
}

data::ColumnMapping columnMapping(const WorkspaceSnapshot& w) {
  data::ColumnMapping out;
  for (const auto& row : w.mapping.rows) {
    if (row.latent) continue;
    if (row.status == MappingStatus::Ambiguous) {
      out.ambiguous.push_back({row.node, row.candidates});
    } else if (row.column.empty()) {
      out.unmappedNodes.push_back(row.node);
    } else {
      const auto index = w.dataset ? w.dataset->indexOf(row.column) : std::nullopt;
      out.mapped.push_back({row.node, row.column, index.value_or(0), matchKind(row.status)});
    }
  }
  out.unmappedColumns = w.mapping.unusedColumns;
  return out;
}

study::AdjustmentChoice adjustmentChoice(const graph::IndexedGraph& g, const EstimationOutcome& o) {
  study::AdjustmentChoice choice;
  choice.nodes = o.settings.adjustment;
  for (const auto& node : choice.nodes) {
    const auto it = o.nodeToColumn.find(node);
    choice.columns.push_back(it == o.nodeToColumn.end() ? node : it->second);
  }
  choice.reason = "chosen in the desktop app: " + o.settings.adjustmentLabel;
  // A custom set may not be valid: check it against the adjustment criterion.
  const auto x = g.find(o.settings.exposure), y = g.find(o.settings.outcome);
  if (x && y) {
    identification::NodeSet z;
    for (const auto& node : choice.nodes)
      if (auto v = g.find(node)) z.push_back(*v);
    const identification::NodeSet xs{*x}, ys{*y};
    const auto check = identification::checkAdjustmentSet(g, xs, ys, identification::normalized(z));
    choice.valid = check.valid;
    if (!check.valid)
      choice.problem = check.openBiasingPath ? "a biasing path stays open" : "it contains a forbidden or latent node";
  }
  return choice;
}

Section sessionSection(const WorkspaceSnapshot& w) {
  Section out{"Desktop session", {}};
  if (w.estimation) {
    const EstimationOutcome& o = *w.estimation;
    if (o.overlapWeighted) {
      auto h = *o.overlapWeighted;
      h.title = "Propensity score overlap after " + std::string(estimation::toString(o.settings.estimand)) + " weighting";
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
    const auto& st = w.estimation->settings;
    std::string methods;
    for (auto m : st.methods) methods += (methods.empty() ? "" : ", ") + std::string(estimation::toString(m));
    settings.items = {"Estimand " + std::string(estimation::toString(st.estimand)) + "; methods " + methods + ".",
                      "Adjustment set " + st.adjustmentLabel + ".",
                      "Bootstrap replicates " + std::to_string(st.bootstrapReplicates) + ", seed " + std::to_string(st.seed) +
                          "; refuters with the same seed."};
  }
  settings.items.push_back("Causeway " + w.version + ", report generated " + w.generated + ".");
  out.blocks.emplace_back(Paragraph{"To reproduce this run:"});
  out.blocks.emplace_back(settings);
  return out;
}

}  // namespace

SessionStudy sessionStudy(const WorkspaceSnapshot& w) {
  SessionStudy out;
  out.request.title = "Causeway report";
  out.request.version = w.version;
  out.request.generated = w.generated;
  out.request.laidOutGraph = placed(w.graph);
  out.request.modelText = graph::writeDagitty(w.graph);
  if (!w.dataPath.empty())
    if (auto print = report::fingerprintFile(w.dataPath)) out.request.data = *print;

  const graph::IndexedGraph g(w.graph);
  identification::IdentificationOptions options;
  if (w.estimation) {
    // The question the estimate answered, whatever the roles say now.
    if (auto x = g.find(w.estimation->settings.exposure)) options.exposures = identification::NodeSet{*x};
    if (auto y = g.find(w.estimation->settings.outcome)) options.outcomes = identification::NodeSet{*y};
  }
  if (auto summary = identification::identify(g, options)) out.identification = std::move(summary).value();

  if (w.estimation) {
    const EstimationOutcome& o = *w.estimation;
    study::StudyResult st;
    st.indexed = g;
    st.identification = out.identification;
    st.mapping = columnMapping(w);
    st.exposureColumn = o.nodeToColumn.contains(o.settings.exposure) ? o.nodeToColumn.at(o.settings.exposure) : "";
    st.outcomeColumn = o.nodeToColumn.contains(o.settings.outcome) ? o.nodeToColumn.at(o.settings.outcome) : "";
    st.adjustment = adjustmentChoice(g, o);
    if (w.implications) {
      estimation::LocalTestsReport tests;
      estimation::ChiSquareTestsReport chiSquares;
      for (const auto& row : w.implications->rows) {
        if (row.result) tests.results.push_back(*row.result);
        else if (row.chiSquare) chiSquares.results.push_back(*row.chiSquare);
        else ++st.implicationsSkipped;
      }
      tests.conventions = chiSquares.conventions = w.implications->conventions;
      if (!tests.results.empty()) st.implicationTests = std::move(tests);
      if (!chiSquares.results.empty()) st.categoricalImplicationTests = std::move(chiSquares);
    }
    st.estimation = o.report;
    out.study = std::move(st);
  }
  return out;
}

report::ReportDocument buildWorkspaceReport(const WorkspaceSnapshot& w) {
  const SessionStudy session = sessionStudy(w);
  report::ReportDocument doc =
      report::buildStudyReport(session.request, session.identification, session.study ? &*session.study : nullptr);
  doc.sections.push_back(sessionSection(w));
  return doc;
}

}  // namespace causeway::ui
