#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/report/ChartSvg.hpp"
#include "causeway/study/InDatabaseStudy.hpp"
#include "causeway/study/Study.hpp"
#include "causeway/ui/estimation/AdjustmentOptions.hpp"
#include "causeway/ui/estimation/EstimationSettings.hpp"

namespace causeway::ui {

// Everything one estimation run needs: shared immutable snapshots for the worker thread.
struct EstimationInputs {
  std::shared_ptr<const graph::CausalGraph> graph;
  std::shared_ptr<const data::Dataset> dataset;
  std::map<std::string, std::string> columnOverrides;  // node -> column, as a project stores them
  // Nodes left without a column in the mapping dialog: the study treats them as unmeasured, as
  // the CLI does a node with no column, even when a column has their name.
  std::set<std::string> unmeasuredNodes;
  EstimationSettings settings;
  // The sets identification offers (O-set, minimal k): only to name the comparison's rows.
  std::vector<AdjustmentOption> alternatives;
};

// One row of the "estimates across adjustment sets" comparison, by node names.
struct AcrossSetRow {
  std::string name;   // "O-set", "minimal 2"
  std::string label;  // "O-set {…}", "minimal 2 {…}"
  std::vector<std::string> nodes;
  std::optional<estimation::EffectEstimate> estimate;
  std::string error;
};

// What the run produced: the core's study (study::runStudy, exactly as `causeway-cli estimate`),
// plus chart inputs derived for display from the propensity scores and weights the core used.
struct EstimationOutcome {
  EstimationSettings settings;
  std::shared_ptr<const study::StudyResult> study;
  std::shared_ptr<const data::Dataset> dataset;  // the data it ran on (for the JSON export)
  std::vector<AcrossSetRow> acrossSets;
  std::optional<report::MirroredHistogram> overlapUnweighted;
  std::optional<report::MirroredHistogram> overlapWeighted;  // by the estimand's weights
  std::optional<report::MirroredHistogram> weights;
  std::string dataPath;
  // Computed by aggregate queries in the database (ui/estimation/InDatabaseRun).
  bool inDatabase = false;
  // The in-database engine's own result (inDatabase only): its JSON is what the CLI prints.
  std::shared_ptr<const study::InDatabaseStudyResult> inDatabaseResult;

  [[nodiscard]] const estimation::EstimationReport& report() const { return study->estimation; }
  // The balance table the diagnostics show: matching's when matching is the only method,
  // else the estimand's weights.
  [[nodiscard]] const std::optional<estimation::BalanceTable>& primaryBalance() const;
};

// The study the settings ask for (study::studySpec on the graph snapshot), run by the core; the
// comparison rows named after the offered sets; the weighted overlap and weight histograms.
// Cancelled when the stop token fires.
[[nodiscard]] Result<EstimationOutcome> runEstimationJob(const EstimationInputs& inputs, const Progress& progress = {});

}  // namespace causeway::ui
