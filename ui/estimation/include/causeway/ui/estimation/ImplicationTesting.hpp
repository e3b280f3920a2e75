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
#include "causeway/estimation/ChiSquareLocalTests.hpp"
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
  std::optional<estimation::LocalTestResult> result;         // partial correlation (numeric x and y)
  std::optional<estimation::ChiSquareTestResult> chiSquare;  // stratified chi-square (categorical x or y)
  std::string problem;                    // why not testable (unmapped node, categorical meets continuous, ...)
  double pHolm = 1.0;                     // Holm-adjusted over the testable rows
  bool fails = false;                     // rejected at `alpha` (Holm-adjusted when chosen)

  [[nodiscard]] bool tested() const { return result.has_value() || chiSquare.has_value(); }
  [[nodiscard]] double pValue() const;   // of whichever test ran; 1 when untested
  [[nodiscard]] std::size_t n() const;   // units tested; 0 when untested
  [[nodiscard]] std::string testName() const;  // "partial-correlation (Fisher z)", "chi-square (Pearson)" or ""
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

// Tests each implication on the complete cases of its own variables with the core's local tests:
// a categorical x or y with every variable categorical or 0/1 by the stratified Pearson
// chi-square (as the study, CLI and report do); otherwise by partial correlation (Fisher z), a
// two-level categorical x or y as a 0/1 dummy. A categorical x or y with more than two levels
// // meeting a continuous variable is listed as not testable, as is a test naming a node that
// `nodeToColumn` does not map to a column. Reports progress per test; Cancelled when stopped.
[[nodiscard]] Result<ImplicationResults> testImplications(const data::Dataset& dataset,
                                                          const std::map<std::string, std::string>& nodeToColumn,
                                                          const std::vector<estimation::ImpliedIndependence>& tests,
                                                          const ImplicationTestOptions& options = {},
                                                          const Progress& progress = {});

// Re-flags failures under other options (no re-testing).
void flagFailures(ImplicationResults& results, const ImplicationTestOptions& options);

}  // namespace causeway::ui
