#include "causeway/ui/estimation/EstimationJob.hpp"

#include <algorithm>
#include <set>

#include "causeway/data/DesignBuilder.hpp"
#include "causeway/estimation/DesignOps.hpp"
#include "causeway/ui/estimation/ChartFeeds.hpp"

namespace causeway::ui {
namespace {

Result<std::string> columnOf(const std::map<std::string, std::string>& mapping, const std::string& node) {
  const auto it = mapping.find(node);
  if (it == mapping.end())
    return makeError(ErrorCode::UnknownNode, "'" + node + "' has no data column; map it first", ErrorContext::about(node));
  return it->second;
}

Result<std::vector<std::string>> columnsOf(const std::map<std::string, std::string>& mapping,
                                           const std::vector<std::string>& nodes) {
  std::vector<std::string> out;
  for (const auto& node : nodes) {
    auto column = columnOf(mapping, node);
    if (!column) return std::move(column).error();
    out.push_back(*column);
  }
  return out;
}

}  // namespace

const std::optional<estimation::BalanceTable>& EstimationOutcome::primaryBalance() const {
  const bool onlyMatching = settings.methods.size() == 1 && settings.methods.front() == estimation::Method::Matching;
  if (onlyMatching && report.balanceMatched) return report.balanceMatched;
  return report.balanceWeighted;
}

Result<estimation::EstimationRequest> makeEstimationRequest(const EstimationInputs& inputs) {
  const EstimationSettings& s = inputs.settings;
  estimation::EstimationRequest request;
  request.estimand = s.estimand;
  request.methods = s.methods;
  auto covariates = columnsOf(inputs.nodeToColumn, s.adjustment);
  if (!covariates) return std::move(covariates).error();
  request.covariates = *covariates;
  request.bootstrapReplicates = s.bootstrapReplicates;
  request.seed = s.seed;
  request.refute = true;
  if (s.acrossAllSets) {
    for (const auto& option : inputs.alternatives) {
      auto columns = columnsOf(inputs.nodeToColumn, option.nodes);
      if (columns) request.alternativeAdjustmentSets.push_back(*columns);
    }
  }
  return request;
}

Result<EstimationOutcome> runEstimationJob(const EstimationInputs& inputs, const Progress& progress) {
  if (!inputs.dataset) return makeError(ErrorCode::InvalidArgument, "no data loaded");
  const EstimationSettings& s = inputs.settings;
  auto treatment = columnOf(inputs.nodeToColumn, s.exposure);
  if (!treatment) return std::move(treatment).error();
  auto outcomeColumn = columnOf(inputs.nodeToColumn, s.outcome);
  if (!outcomeColumn) return std::move(outcomeColumn).error();
  auto request = makeEstimationRequest(inputs);
  if (!request) return std::move(request).error();

  // The union of every set compared: complete cases on it, so all estimates share their rows.
  std::vector<std::string> all = request->covariates;
  for (const auto& set : request->alternativeAdjustmentSets)
    for (const auto& c : set)
      if (std::find(all.begin(), all.end(), c) == all.end()) all.push_back(c);
  auto design = data::buildDesign(*inputs.dataset, *treatment, *outcomeColumn, all);
  if (!design) return std::move(design).error();

  EstimationOutcome out;
  out.settings = s;
  out.nodeToColumn = inputs.nodeToColumn;
  out.dataPath = inputs.dataset->sourcePath();
  estimation::EstimationRequest coreRequest = *request;
  // An empty request.covariates means "all of the design's": with no adjustment chosen, run on
  // a design without covariates and compare the sets separately.
  const bool noAdjustment = request->covariates.empty() && !all.empty();
  data::Design unadjusted;
  if (noAdjustment) {
    auto none = estimation::selectCovariates(*design, {});
    if (!none) return std::move(none).error();
    unadjusted = std::move(*none);
    coreRequest.alternativeAdjustmentSets.clear();
  }
  auto report = estimation::runEstimation(noAdjustment ? unadjusted : *design, coreRequest, progress);
  if (!report) return std::move(report).error();
  out.request = *request;
  out.report = std::move(*report);

  std::vector<estimation::AdjustmentSetEstimate> comparison = out.report.adjustmentSetComparison;
  if (noAdjustment && !request->alternativeAdjustmentSets.empty() && !out.report.estimates.empty()) {
    estimation::EstimatorOptions options;
    options.estimand = s.estimand;
    options.level = request->level;
    auto compared = estimation::estimateOverAdjustmentSets(*design, request->alternativeAdjustmentSets,
                                                           out.report.estimates.front().method, options);
    if (!compared) return std::move(compared).error();
    comparison = std::move(*compared);
  }
  // Back to node names: the comparison follows the order of inputs.alternatives (those mapped).
  std::size_t k = 0;
  for (const auto& option : inputs.alternatives) {
    if (!columnsOf(inputs.nodeToColumn, option.nodes) || k >= comparison.size()) continue;
    const auto& entry = comparison[k++];
    AcrossSetRow row{option.name, option.label, option.nodes, entry.estimate,
                     entry.error ? entry.error->message : std::string()};
    out.acrossSets.push_back(std::move(row));
  }

  // The chart inputs from the per-unit propensity scores and weights the pipeline used (after
  // trimming, if any), as its report keeps them: no refit.
  if (out.report.overlap) {
    out.overlapUnweighted = overlapHistogram(out.report.overlap->histogram);
    const estimation::UnitValues& units = out.report.units;
    if (units.propensity.size() > 0 && units.weights.size() == units.propensity.size()) {
      out.overlapWeighted =
          weightedOverlapHistogram(units.treatment, units.propensity, units.weights, out.overlapUnweighted->binEdges);
      out.weights = weightHistogram(units.treatment, units.weights);
      out.weights->title = std::string(estimation::toString(s.estimand)) + " weights";
    }
  }
  return out;
}

}  // namespace causeway::ui
