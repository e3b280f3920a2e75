#include "ImplicationTests.hpp"

#include <cmath>
#include <set>

namespace causeway::study::detail {

namespace {

// The named columns of the variables used, complete cases only; categorical variables become
// dummies (first level is the reference) whose `source` is the node name.
estimation::NamedColumns namedColumns(const data::Dataset& data, const data::ColumnMapping& mapping,
                                      const std::set<std::string>& nodes) {
  std::vector<const data::Column*> columns;
  std::vector<std::string> nodeOf;
  for (const auto& node : nodes) {
    const auto index = data.find(*mapping.columnFor(node));
    columns.push_back(&data.column(*index));
    nodeOf.push_back(node);
  }
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    bool complete = true;
    for (const auto* c : columns) complete = complete && !c->isMissing(r);
    if (complete) rows.push_back(r);
  }
  estimation::NamedColumns out;
  std::vector<std::vector<double>> built;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const auto& c = *columns[k];
    if (c.isNumeric()) {
      std::vector<double> v;
      v.reserve(rows.size());
      for (auto r : rows) v.push_back(c.values()[r]);
      built.push_back(std::move(v));
      out.names.push_back(nodeOf[k]);
      out.sources.push_back(nodeOf[k]);
      continue;
    }
    for (std::size_t level = 1; level < c.levels().size(); ++level) {
      std::vector<double> v;
      v.reserve(rows.size());
      for (auto r : rows) v.push_back(c.codes()[r] == static_cast<std::int32_t>(level) ? 1.0 : 0.0);
      built.push_back(std::move(v));
      out.names.push_back(nodeOf[k] + c.levels()[level]);
      out.sources.push_back(nodeOf[k]);
    }
  }
  out.values.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(built.size()));
  for (std::size_t j = 0; j < built.size(); ++j)
    for (std::size_t i = 0; i < rows.size(); ++i)
      out.values(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = built[j][i];
  return out;
}

}  // namespace

ImplicationTestRun testImplications(const graph::IndexedGraph& g, const identification::IdentificationSummary& summary,
                                    const data::ColumnMapping& mapping, const data::Dataset& data,
                                    std::size_t maxTests) {
  ImplicationTestRun run;
  auto numericColumn = [&](const std::string& node) {
    auto column = mapping.columnFor(node);
    return column && data.column(*data.find(*column)).isNumeric();
  };
  std::vector<estimation::ImpliedIndependence> tests;
  std::set<std::string> used;
  for (const auto& imp : summary.implications) {
    const std::string x = g.name(imp.x), y = g.name(imp.y);
    bool testable = numericColumn(x) && numericColumn(y);
    std::vector<std::string> given;
    for (auto z : imp.given) {
      given.push_back(g.name(z));
      testable = testable && mapping.columnFor(given.back()).has_value();
    }
    if (!testable || tests.size() >= maxTests) {
      ++run.skipped;
      continue;
    }
    used.insert(x);
    used.insert(y);
    used.insert(given.begin(), given.end());
    tests.push_back({x, y, std::move(given)});
  }
  if (tests.empty()) return run;
  auto report = estimation::runLocalTests(namedColumns(data, mapping, used), tests);
  if (report) run.report = std::move(report).value();
  else run.error = report.error();
  return run;
}

}  // namespace causeway::study::detail
