#include "ImplicationTests.hpp"

#include <cmath>
#include <set>

namespace causeway::study::detail {

namespace {

// The moments of the variables used over their complete cases, in one pass over the rows with
// one row buffer (no copy of the data); categorical variables become dummies (first level is
// the reference) whose `source` is the node name.
estimation::NamedMoments namedMoments(const data::Dataset& data, const data::ColumnMapping& mapping,
                                      const std::set<std::string>& nodes) {
  std::vector<const data::Column*> columns;
  estimation::NamedMoments out;
  for (const auto& node : nodes) {
    const auto& c = data.column(*data.find(*mapping.columnFor(node)));
    columns.push_back(&c);
    if (c.isNumeric()) {
      out.names.push_back(node);
      out.sources.push_back(node);
      continue;
    }
    for (std::size_t level = 1; level < c.levels().size(); ++level) {
      out.names.push_back(node + c.levels()[level]);
      out.sources.push_back(node);
    }
  }
  estimation::MomentAccumulator moments(static_cast<Eigen::Index>(out.names.size()));
  std::vector<double> row(out.names.size());
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    bool complete = true;
    for (const auto* c : columns) complete = complete && !c->isMissing(r);
    if (!complete) continue;
    std::size_t j = 0;
    for (const auto* c : columns) {
      if (c->isNumeric()) {
        row[j++] = c->values()[r];
        continue;
      }
      for (std::size_t level = 1; level < c->levels().size(); ++level)
        row[j++] = c->codes()[r] == static_cast<std::int32_t>(level) ? 1.0 : 0.0;
    }
    moments.addRow(row);
  }
  out.moments = moments.finish();
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
    auto report = estimation::runLocalTests(namedMoments(data, mapping, used), tests);
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
