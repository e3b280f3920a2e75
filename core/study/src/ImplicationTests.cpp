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

// Level codes of categorical and 0/1 columns, complete cases on the variables used.
estimation::CategoricalColumns categoricalColumns(const data::Dataset& data, const data::ColumnMapping& mapping,
                                                  const std::set<std::string>& nodes) {
  std::vector<const data::Column*> columns;
  estimation::CategoricalColumns out;
  for (const auto& node : nodes) {
    columns.push_back(&data.column(*data.find(*mapping.columnFor(node))));
    out.names.push_back(node);
  }
  out.codes.resize(columns.size());
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    bool complete = true;
    for (const auto* c : columns) complete = complete && !c->isMissing(r);
    if (!complete) continue;
    for (std::size_t k = 0; k < columns.size(); ++k)
      out.codes[k].push_back(columns[k]->isCategorical() ? columns[k]->codes()[r]
                                                         : static_cast<std::int32_t>(columns[k]->values()[r]));
  }
  return out;
}

}  // namespace

ImplicationTestRun testImplications(const graph::IndexedGraph& g, const identification::IdentificationSummary& summary,
                                    const data::ColumnMapping& mapping, const data::Dataset& data,
                                    std::size_t maxTests) {
  ImplicationTestRun run;
  auto typeOf = [&](const std::string& node) -> std::optional<data::ColumnType> {
    auto column = mapping.columnFor(node);
    if (!column) return std::nullopt;
    return data.column(*data.find(*column)).type();
  };
  auto discrete = [](std::optional<data::ColumnType> t) { return t && *t != data::ColumnType::Numeric; };
  std::vector<estimation::ImpliedIndependence> tests, categoricalTests;
  std::set<std::string> used, categoricalUsed;
  for (const auto& imp : summary.implications) {
    const std::string x = g.name(imp.x), y = g.name(imp.y);
    const auto tx = typeOf(x), ty = typeOf(y);
    std::vector<std::string> given;
    bool measured = tx && ty, allDiscrete = discrete(tx) && discrete(ty);
    for (auto z : imp.given) {
      given.push_back(g.name(z));
      const auto tz = typeOf(given.back());
      measured = measured && tz;
      allDiscrete = allDiscrete && discrete(tz);
    }
    const bool numeric = measured && tx != data::ColumnType::Categorical && ty != data::ColumnType::Categorical;
    const bool categorical = measured && !numeric && allDiscrete;
    if ((!numeric && !categorical) || tests.size() + categoricalTests.size() >= maxTests) {
      ++run.skipped;
      continue;
    }
    auto& into = numeric ? used : categoricalUsed;
    into.insert(x);
    into.insert(y);
    into.insert(given.begin(), given.end());
    (numeric ? tests : categoricalTests).push_back({x, y, std::move(given)});
  }
  if (!tests.empty()) {
    auto report = estimation::runLocalTests(namedColumns(data, mapping, used), tests);
    if (report) run.report = std::move(report).value();
    else run.error = report.error();
  }
  if (!categoricalTests.empty()) {
    auto report = estimation::runChiSquareLocalTests(categoricalColumns(data, mapping, categoricalUsed), categoricalTests);
    if (report) run.categorical = std::move(report).value();
    else if (!run.error) run.error = report.error();
  }
  return run;
}

}  // namespace causeway::study::detail
