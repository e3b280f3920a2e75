#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"
#include "causeway/report/ChartSvg.hpp"
#include "causeway/ui/estimation/AdjustmentOptions.hpp"
#include "causeway/ui/estimation/EstimationSettings.hpp"

namespace causeway::ui {

// Everything one estimation run needs, copied for the worker thread.
struct EstimationInputs {
  std::shared_ptr<const data::Dataset> dataset;
  std::map<std::string, std::string> nodeToColumn;
  EstimationSettings settings;
  // Every set identification offers (O-set, minimal sets): estimated side by side.
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

// What the run produced: the core's report, plus the chart inputs derived from the same
// propensity scores and weights the core used.
struct EstimationOutcome {
  EstimationSettings settings;
  std::map<std::string, std::string> nodeToColumn;
  estimation::EstimationRequest request;   // exactly what the core was asked
  estimation::EstimationReport report;
  std::vector<AcrossSetRow> acrossSets;
  std::optional<report::MirroredHistogram> overlapUnweighted;
  std::optional<report::MirroredHistogram> overlapWeighted;  // by the estimand's weights
  std::optional<report::MirroredHistogram> weights;
  std::string dataPath;

  // The balance table the diagnostics show: matching's when matching is the only method,
  // else the estimand's weights.
  [[nodiscard]] const std::optional<estimation::BalanceTable>& primaryBalance() const;
};

// The core request for these settings, with covariates and sets given as data column names.
// Fails (UnknownNode) when a variable has no data column.
[[nodiscard]] Result<estimation::EstimationRequest> makeEstimationRequest(const EstimationInputs& inputs);

// Builds the Design (complete cases on the union of every set compared, so all estimates use
// the same rows) and runs the core pipeline with bootstrap and refuters, then derives the
// weighted overlap and weight histograms. Cancelled when the stop token fires.
[[nodiscard]] Result<EstimationOutcome> runEstimationJob(const EstimationInputs& inputs, const Progress& progress = {});

}  // namespace causeway::ui
