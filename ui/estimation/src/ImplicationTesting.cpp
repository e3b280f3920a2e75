#include "causeway/ui/estimation/ImplicationTesting.hpp"

#include <algorithm>
#include <numeric>
#include <sstream>

#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Identify.hpp"
#include "causeway/ui/estimation/NodeColumns.hpp"

namespace causeway::ui {

std::vector<estimation::ImpliedIndependence> graphImplications(const graph::CausalGraph& graph, std::size_t maxCount) {
  const graph::IndexedGraph g(graph);
  identification::IdentificationOptions options;
  options.parts = {false, false, false, true, false, false};
  options.maxSets = maxCount;
  // Implications do not depend on the exposure; an exposure that is also an outcome must not
  // block them, so ask with none.
  options.exposures = identification::NodeSet{};
  options.outcomes = identification::NodeSet{};
  auto summary = identification::identify(g, options);
  std::vector<estimation::ImpliedIndependence> out;
  if (!summary) return out;
  for (const auto& implication : summary->implications) {
    estimation::ImpliedIndependence t;
    t.x = g.name(implication.x);
    t.y = g.name(implication.y);
    for (auto v : implication.given) t.given.push_back(g.name(v));
    out.push_back(std::move(t));
  }
  return out;
}

std::size_t ImplicationResults::testedCount() const {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.result.has_value(); }));
}

std::size_t ImplicationResults::failingCount() const {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.fails; }));
}

std::vector<std::pair<std::string, std::string>> ImplicationResults::failingPairs() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : rows) {
    if (!r.fails) continue;
    std::pair<std::string, std::string> pair{r.test.x, r.test.y};
    if (std::find(out.begin(), out.end(), pair) == out.end()) out.push_back(pair);
  }
  return out;
}

std::vector<double> holmAdjust(const std::vector<double>& p) {
  const std::size_t m = p.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<double> adjusted(m, 1.0);
  double running = 0.0;
  for (std::size_t k = 0; k < m; ++k) {
    running = std::max(running, std::min(1.0, static_cast<double>(m - k) * p[order[k]]));
    adjusted[order[k]] = running;
  }
  return adjusted;
}

void flagFailures(ImplicationResults& results, const ImplicationTestOptions& options) {
  results.options = options;
  std::vector<double> p;
  for (const auto& r : results.rows)
    if (r.result) p.push_back(r.result->pValue);
  const std::vector<double> adjusted = holmAdjust(p);
  std::size_t k = 0;
  for (auto& r : results.rows) {
    r.fails = false;
    if (!r.result) continue;
    r.pHolm = adjusted[k++];
    r.fails = (options.holm ? r.pHolm : r.result->pValue) < options.alpha;
  }
}

Result<ImplicationResults> testImplications(const data::Dataset& dataset,
                                            const std::map<std::string, std::string>& nodeToColumn,
                                            const std::vector<estimation::ImpliedIndependence>& tests,
                                            const ImplicationTestOptions& options, const Progress& progress) {
  ImplicationResults results;
  std::string coreConventions;
  for (std::size_t i = 0; i < tests.size(); ++i) {
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "testing implications was cancelled");
    ImplicationRow row;
    row.test = tests[i];
    row.label = row.test.x + " _||_ " + row.test.y;
    for (std::size_t g = 0; g < row.test.given.size(); ++g) row.label += (g == 0 ? " | " : ", ") + row.test.given[g];

    std::vector<std::string> nodes{row.test.x, row.test.y};
    nodes.insert(nodes.end(), row.test.given.begin(), row.test.given.end());
    std::vector<std::pair<std::string, std::string>> variables;
    for (const auto& node : nodes) {
      const auto it = nodeToColumn.find(node);
      if (it == nodeToColumn.end()) {
        row.problem = "'" + node + "' has no data column";
        break;
      }
      variables.emplace_back(node, it->second);
    }
    // A partial correlation needs x and y as single numeric columns: say so for a categorical
    // variable with more than two levels rather than pass on the core's error.
    for (std::size_t v = 0; v < 2 && row.problem.empty() && v < variables.size(); ++v) {
      const auto index = dataset.find(variables[v].second);
      if (!index) continue;
      const data::Column& column = dataset.column(*index);
      if (column.isCategorical() && column.levels().size() > 2)
        row.problem = "'" + variables[v].first + "' is categorical with " + std::to_string(column.levels().size()) +
                      " levels; the partial-correlation test needs a numeric or two-level variable";
    }
    if (row.problem.empty()) {
      auto columns = nodeColumns(dataset, variables);
      if (!columns) {
        row.problem = columns.error().message;
      } else {
        auto report = estimation::runLocalTests(*columns, {row.test}, options.level);
        if (!report) {
          row.problem = report.error().message;
        } else {
          row.result = report->results.front();
          coreConventions = report->conventions;
        }
      }
    }
    results.rows.push_back(std::move(row));
    progress.report(static_cast<double>(i + 1) / static_cast<double>(tests.size()));
  }
  std::ostringstream text;
  text << coreConventions << (coreConventions.empty() ? "" : " ")
       << "Each implication is tested on the complete cases of its own variables. ";
  results.conventions = text.str();
  flagFailures(results, options);
  return results;
}

}  // namespace causeway::ui
