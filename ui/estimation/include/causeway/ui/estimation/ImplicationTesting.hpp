#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/estimation/LocalTests.hpp"
#include "causeway/graph/CausalGraph.hpp"

namespace causeway::ui {

// The testable implications of a graph, by node name: "x ⊥ y | given".
using ImplicationSource = std::function<std::vector<estimation::ImpliedIndependence>(const graph::CausalGraph&)>;

// The default source: core identification's implied conditional independencies (DAGitty's
// "missing.edge" type), at most `maxCount`.
[[nodiscard]] std::vector<estimation::ImpliedIndependence> graphImplications(const graph::CausalGraph& graph,
                                                                            std::size_t maxCount = 200);

struct ImplicationRow {
  estimation::ImpliedIndependence test;  // node names
  std::string label;                      // "x _||_ y | a, b"
  std::optional<estimation::LocalTestResult> result;  // unset when not testable
  std::string problem;                    // why not testable (unmapped node, categorical x, ...)
  double pHolm = 1.0;                     // Holm-adjusted over the testable rows
  bool fails = false;                     // rejected at `alpha` (Holm-adjusted when chosen)
};

struct ImplicationTestOptions {
  double level = 0.95;  // confidence level of the CIs
  double alpha = 0.05;  // rejection threshold
  bool holm = true;     // flag by Holm-adjusted p-values (many tests at once)
};

struct ImplicationResults {
  std::vector<ImplicationRow> rows;
  std::string conventions;  // the core's, plus how failures are flagged
  ImplicationTestOptions options;

  [[nodiscard]] std::size_t testedCount() const;
  [[nodiscard]] std::size_t failingCount() const;
  // Node pairs of the failing rows (x, y), for the canvas's dashed links.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> failingPairs() const;
};

// Holm's step-down adjustment (same order as `p`).
[[nodiscard]] std::vector<double> holmAdjust(const std::vector<double>& p);

// Tests each implication with the core's local tests (partial correlation, Fisher z) on the
// complete cases of its own variables. `nodeToColumn` maps nodes to data columns; tests naming
// an unmapped node are listed as not testable. Reports progress per test; Cancelled when stopped.
[[nodiscard]] Result<ImplicationResults> testImplications(const data::Dataset& dataset,
                                                          const std::map<std::string, std::string>& nodeToColumn,
                                                          const std::vector<estimation::ImpliedIndependence>& tests,
                                                          const ImplicationTestOptions& options = {},
                                                          const Progress& progress = {});

// Re-flags failures under other options (no re-testing).
void flagFailures(ImplicationResults& results, const ImplicationTestOptions& options);

}  // namespace causeway::ui
