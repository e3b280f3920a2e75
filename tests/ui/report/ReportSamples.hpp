#pragma once

// A small report built by hand: every kind of block, two figures and a table long enough to
// break across a page.

#include <string>

#include "causeway/report/ChartSvg.hpp"
#include "causeway/report/ReportDocument.hpp"

namespace causeway::ui::testing {

inline report::ReportDocument sampleReport(int tableRows = 60) {
  using namespace causeway::report;
  ReportDocument doc;
  doc.title = "Causeway report";
  doc.subtitle = "Effect of treat on re78";
  doc.generated = "2026-01-01T12:00:00";
  doc.version = "0.1.0";

  Section summary{"Summary", {}};
  summary.blocks.emplace_back(Paragraph{"The ATT estimate is 1214.07 (95% CI 153.2 to 2274.9).", Paragraph::Style::Normal});
  summary.blocks.emplace_back(Paragraph{"Estimates assume no unmeasured confounding.", Paragraph::Style::Note});
  summary.blocks.emplace_back(Paragraph{"3 units have propensity scores above 0.95.", Paragraph::Style::Warning});
  summary.blocks.emplace_back(BulletList{{"first point", "second point", "third point"}});
  doc.sections.push_back(summary);

  Section balance{"Balance", {}};
  Table table;
  table.caption = "Covariate balance";
  table.header = {"covariate", "SMD before", "SMD after"};
  for (int i = 0; i < tableRows; ++i)
    table.rows.push_back({"covariate_" + std::to_string(i), std::to_string(0.5 - i * 0.001), "0.0123"});
  table.conventions = "SMD divides by the SD of the treated group; weights normalised to sum to one per group.";
  balance.blocks.emplace_back(table);
  std::vector<LovePlotRow> love{{"age", 0.3, 0.05}, {"educ", 0.2, 0.02}, {"re74", 0.8, 0.08}};
  balance.blocks.emplace_back(Figure{"Love plot", renderLovePlotSvg(love), 640, 240});
  MirroredHistogram hist;
  hist.title = "Propensity overlap";
  hist.binEdges = {0, 0.25, 0.5, 0.75, 1};
  hist.upper = {5, 10, 20, 40};
  hist.lower = {80, 30, 10, 2};
  balance.blocks.emplace_back(Figure{"Overlap", renderMirroredHistogramSvg(hist), 640, 320});
  doc.sections.push_back(balance);

  Section model{"Model", {}};
  model.blocks.emplace_back(CodeBlock{"dag {\n  treat [exposure]\n  re78 [outcome]\n  treat -> re78\n}\n"});
  doc.sections.push_back(model);
  return doc;
}

}  // namespace causeway::ui::testing
