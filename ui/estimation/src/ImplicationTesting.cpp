#include "causeway/ui/estimation/ImplicationTesting.hpp"

#include <algorithm>
#include <numeric>
#include <sstream>

#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Identify.hpp"
#include "causeway/ui/estimation/NodeColumns.hpp"

namespace causeway::ui {

namespace {

constexpr const char* kPartialCorrelationTest = "partial-correlation (Fisher z)";

enum class TestKind { PartialCorrelation, ChiSquare, None };

// Which test suits the variables (node, column; x and y first), as the core's study chooses:
// a categorical x or y takes the chi-square test when every variable is categorical or 0/1.
// A partial correlation needs x and y as single numeric columns, so a categorical x or y with
// more than two levels against a continuous variable cannot be tested: say why in `problem`.
TestKind chooseTest(const data::Dataset& dataset, const std::vector<std::pair<std::string, std::string>>& variables,
                    std::string& problem) {
  std::vector<const data::Column*> columns;
  for (const auto& [node, column] : variables) {
    const auto index = dataset.find(column);
    if (!index) return TestKind::PartialCorrelation;  // nodeColumns reports the unknown column
    columns.push_back(&dataset.column(*index));
  }
  if (columns.size() < 2) return TestKind::PartialCorrelation;  // x and y always come first
  const bool categoricalXY = columns[0]->isCategorical() || columns[1]->isCategorical();
  if (!categoricalXY) return TestKind::PartialCorrelation;
  const auto continuous = std::find_if(columns.begin(), columns.end(),
                                       [](const data::Column* c) { return c->type() == data::ColumnType::Numeric; });
  if (continuous == columns.end()) return TestKind::ChiSquare;
  for (std::size_t v = 0; v < 2; ++v)
    if (columns[v]->isCategorical() && columns[v]->levels().size() > 2) {
      problem = "'" + variables[v].first + "' is categorical with " + std::to_string(columns[v]->levels().size()) +
                " levels and '" + variables[static_cast<std::size_t>(continuous - columns.begin())].first +
                "' is continuous; the partial-correlation test needs numeric or two-level x and y, the chi-square "
                "test categorical or 0/1 variables throughout";
      return TestKind::None;
    }
  return TestKind::PartialCorrelation;  // a two-level x or y as a 0/1 dummy
}

}  // namespace

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

double ImplicationRow::pValue() const {
  if (result) return result->pValue;
  if (chiSquare) return chiSquare->pValue;
  return 1.0;
}

std::size_t ImplicationRow::n() const {
  if (result) return result->n;
  if (chiSquare) return chiSquare->n;
  return 0;
}

std::string ImplicationRow::testName() const {
  if (result) return kPartialCorrelationTest;
  if (chiSquare) return estimation::toString(estimation::ContingencyStatistic::PearsonChiSquare);
  return {};
}

std::size_t ImplicationResults::testedCount() const {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const auto& r) { return r.tested(); }));
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
    if (r.tested()) p.push_back(r.pValue());
  const std::vector<double> adjusted = holmAdjust(p);
  std::size_t k = 0;
  for (auto& r : results.rows) {
    r.fails = false;
    if (!r.tested()) continue;
    r.pHolm = adjusted[k++];
    r.fails = (options.holm ? r.pHolm : r.pValue()) < options.alpha;
  }
}

Result<ImplicationResults> testImplications(const data::Dataset& dataset,
                                            const std::map<std::string, std::string>& nodeToColumn,
                                            const std::vector<estimation::ImpliedIndependence>& tests,
                                            const ImplicationTestOptions& options, const Progress& progress) {
  ImplicationResults results;
  std::string coreConventions, chiSquareConventions;
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
    if (row.problem.empty()) {
      switch (chooseTest(dataset, variables, row.problem)) {
        case TestKind::ChiSquare: {
          auto codes = nodeCodes(dataset, variables);
          auto report = codes ? estimation::runChiSquareLocalTests(*codes, {row.test})
                              : Result<estimation::ChiSquareTestsReport>(codes.error());
          if (!report) {
            row.problem = report.error().message;
          } else {
            row.chiSquare = report->results.front();
            chiSquareConventions = report->conventions;
          }
          break;
        }
        case TestKind::PartialCorrelation: {
          auto columns = nodeColumns(dataset, variables);
          auto report = columns ? estimation::runLocalTests(*columns, {row.test}, options.level)
                                : Result<estimation::LocalTestsReport>(columns.error());
          if (!report) {
            row.problem = report.error().message;
          } else {
            row.result = report->results.front();
            coreConventions = report->conventions;
          }
          break;
        }
        case TestKind::None: break;
      }
    }
    results.rows.push_back(std::move(row));
    progress.report(static_cast<double>(i + 1) / static_cast<double>(tests.size()));
  }
  std::ostringstream text;
  if (!coreConventions.empty()) text << kPartialCorrelationTest << ": " << coreConventions << " ";
  if (!chiSquareConventions.empty()) text << "Categorical variables: " << chiSquareConventions << " ";
  text << "Each implication is tested on the complete cases of its own variables. ";
  results.conventions = text.str();
  flagFailures(results, options);
  return results;
}

}  // namespace causeway::ui
