#include "InDatabaseImplications.hpp"

#include <map>
#include <set>

#include "causeway/database/InDatabaseMoments.hpp"

namespace causeway::study::detail {

InDatabaseImplicationRun testImplicationsInDatabase(database::AggregateRunner& runner, const database::SourceSpec& source,
                                                    const graph::IndexedGraph& g,
                                                    const identification::IdentificationSummary& summary,
                                                    const data::ColumnMapping& mapping, const std::string& shardKey,
                                                    std::size_t maxTests) {
  InDatabaseImplicationRun run;
  // Which measured variables are text, from one probe of their columns.
  std::set<std::string> measured;
  for (const auto& imp : summary.implications) {
    measured.insert(g.name(imp.x));
    measured.insert(g.name(imp.y));
    for (auto z : imp.given) measured.insert(g.name(z));
  }
  std::erase_if(measured, [&](const std::string& node) { return !mapping.columnFor(node); });
  std::vector<std::string> nodes(measured.begin(), measured.end()), columns;
  for (const auto& node : nodes) columns.push_back(*mapping.columnFor(node));
  std::map<std::string, bool> text;
  if (!nodes.empty()) {
    auto textual = runner.textColumns(database::effectiveQuery(source), columns);
    if (!textual) {
      run.error = textual.error();
      return run;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) text[nodes[i]] = (*textual)[i];
  }

  std::vector<estimation::ImpliedIndependence> tests;
  std::set<std::string> used;
  for (const auto& imp : summary.implications) {
    const std::string x = g.name(imp.x), y = g.name(imp.y);
    std::vector<std::string> given;
    bool ok = text.contains(x) && text.contains(y) && !text[x] && !text[y];
    for (auto z : imp.given) {
      given.push_back(g.name(z));
      ok = ok && text.contains(given.back());
    }
    if (!ok || tests.size() >= maxTests) {
      ++run.skipped;
      continue;
    }
    used.insert(x);
    used.insert(y);
    used.insert(given.begin(), given.end());
    tests.push_back({x, y, std::move(given)});
  }
  if (tests.empty()) return run;
  std::vector<std::pair<std::string, std::string>> named;
  for (const auto& node : used) named.emplace_back(node, *mapping.columnFor(node));
  auto moments = database::momentsInDatabase(runner, source, named, shardKey);
  if (!moments) {
    run.error = moments.error();
    return run;
  }
  estimation::NamedMoments input{{moments->n, moments->means, moments->centred}, moments->names, moments->sources};
  auto report = estimation::runLocalTests(input, tests);
  if (report) run.report = std::move(report).value();
  else run.error = report.error();
  return run;
}

}  // namespace causeway::study::detail
