#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/ColumnMapping.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/estimation/ChiSquareLocalTests.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"
#include "causeway/estimation/LocalTests.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Identify.hpp"
#include "causeway/study/StudySensitivity.hpp"
#include "causeway/study/Verdict.hpp"
#include "causeway/study/VerdictThresholds.hpp"

// A study joins a causal model to data: identify what to adjust for, find those variables in
// the data, estimate, and test the model's implications. The CLI and the GUI both run it.
namespace causeway::study {

struct StudySpec {
  graph::CausalGraph graph;
  std::optional<std::string> exposure;  // node names; default: the graph's exposure / outcome roles
  std::optional<std::string> outcome;
  std::optional<std::vector<std::string>> adjustmentSet;  // node names; default: chosen, see below
  std::map<std::string, std::string> columnOverrides;     // node -> column
  // Nodes the user left without a column on purpose: unmeasured even if a column has their name.
  std::set<std::string> unmeasuredNodes;
  estimation::EstimationRequest request;                  // covariates are filled in by the study
  bool compareAdjustmentSets = true;  // estimate over every measured minimal set (and the O-set)
  std::size_t maxComparedSets = 12;
  bool testImplications = true;
  std::size_t maxImplications = 200;
  VerdictThresholds thresholds;  // of the verdict's checks
  // Sensitivity to unmeasured confounding and negative controls (StudySensitivity.hpp); none = skip.
  std::optional<SensitivityRequest> sensitivity = SensitivityRequest{};
};

// Which adjustment set was used, and why.
struct AdjustmentChoice {
  std::vector<std::string> nodes;    // sorted node names
  std::vector<std::string> columns;  // their data columns, in the same order
  std::string reason;                // e.g. "the first minimal sufficient set measured in the data"
  bool valid = true;                 // by the adjustment criterion
  std::string problem;               // why not valid (user-given sets only)
};

struct StudyResult {
  graph::IndexedGraph indexed;
  identification::IdentificationSummary identification;
  data::ColumnMapping mapping;
  std::string exposureColumn;
  std::string outcomeColumn;
  AdjustmentChoice adjustment;
  std::optional<estimation::LocalTestsReport> implicationTests;  // numeric x and y: partial correlation
  // Categorical x or y, every variable categorical or 0/1: stratified chi-square tests.
  std::optional<estimation::ChiSquareTestsReport> categoricalImplicationTests;
  // Implications left untested: a variable with no column, or a categorical x / y tested
  // against a continuous variable.
  std::size_t implicationsSkipped = 0;
  estimation::EstimationReport estimation;
  std::optional<StudySensitivity> sensitivity;  // when spec.sensitivity asked for it
  std::optional<Answer> answer;  // none when no estimate can be trusted to stand for the study
  Verdict verdict;
  std::vector<std::string> warnings;
};

// Fails with a clear message when: the model does not have exactly one exposure and one outcome;
// either is not in the data; a user-given set names unknown or unmeasured variables; no valid
// adjustment set is measured in the data (the message names the variables that would be needed);
// or the estimation itself fails (non-binary treatment, empty group, ...).
[[nodiscard]] Result<StudyResult> runStudy(const StudySpec& spec, const data::Dataset& data,
                                           const Progress& progress = {});

}  // namespace causeway::study
