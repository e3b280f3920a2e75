#include "causeway/ui/estimation/EstimationJob.hpp"

#include <algorithm>

#include "causeway/study/ProjectStudy.hpp"
#include "causeway/ui/estimation/ChartFeeds.hpp"

namespace causeway::ui {
namespace {

// The comparison lists data columns; the panel shows node names and the set's name.
AcrossSetRow acrossSetRow(const estimation::AdjustmentSetEstimate& entry, const data::ColumnMapping& mapping,
                          const std::vector<AdjustmentOption>& offered, std::size_t index) {
  AcrossSetRow row;
  for (const auto& column : entry.set) {
    const auto it = std::find_if(mapping.mapped.begin(), mapping.mapped.end(),
                                 [&](const data::NodeColumn& m) { return m.column == column; });
    row.nodes.push_back(it == mapping.mapped.end() ? column : it->node);
  }
  std::sort(row.nodes.begin(), row.nodes.end());
  const auto named = std::find_if(offered.begin(), offered.end(), [&](const AdjustmentOption& o) { return o.nodes == row.nodes; });
  row.name = named != offered.end() ? named->name : "set " + std::to_string(index + 1);
  row.label = row.name + " " + formatNodeSet(row.nodes);
  row.estimate = entry.estimate;
  if (entry.error) row.error = entry.error->message;
  return row;
}

}  // namespace

const std::optional<estimation::BalanceTable>& EstimationOutcome::primaryBalance() const {
  const auto& methods = settings.analysis.methods;
  const bool onlyMatching = methods.size() == 1 && estimation::parseMethod(methods.front()) == estimation::Method::Matching;
  if (onlyMatching && report().balanceMatched) return report().balanceMatched;
  return report().balanceWeighted;
}

Result<EstimationOutcome> runEstimationJob(const EstimationInputs& inputs, const Progress& progress) {
  if (!inputs.dataset) return makeError(ErrorCode::InvalidArgument, "no data loaded");
  if (!inputs.graph) return makeError(ErrorCode::InvalidArgument, "no model");
  // An override for a node left unmapped is moot (the mapper would reject it as unknown).
  std::map<std::string, std::string> overrides = inputs.columnOverrides;
  std::erase_if(overrides, [&](const auto& entry) { return inputs.unmeasuredNodes.contains(entry.first); });
  auto spec = study::studySpec(inputs.settings.analysis, overrides, *inputs.graph);
  if (!spec) return spec.error();
  spec->unmeasuredNodes = inputs.unmeasuredNodes;
  auto result = study::runStudy(*spec, *inputs.dataset, progress);
  if (!result) return result.error();

  EstimationOutcome out;
  out.settings = inputs.settings;
  out.dataset = inputs.dataset;
  out.dataPath = inputs.dataset->sourcePath();
  auto study = std::make_shared<study::StudyResult>(std::move(result).value());
  const auto& comparison = study->estimation.adjustmentSetComparison;
  for (std::size_t k = 0; k < comparison.size(); ++k)
    out.acrossSets.push_back(acrossSetRow(comparison[k], study->mapping, inputs.alternatives, k));
  out.study = std::move(study);

  // The chart inputs from the per-unit propensity scores and weights the pipeline used (after
  // trimming, if any), as its report keeps them: no refit.
  const estimation::EstimationReport& report = out.report();
  if (report.overlap) {
    out.overlapUnweighted = overlapHistogram(report.overlap->histogram);
    const estimation::UnitValues& units = report.units;
    if (units.propensity.size() > 0 && units.weights.size() == units.propensity.size()) {
      out.overlapWeighted =
          weightedOverlapHistogram(units.treatment, units.propensity, units.weights, out.overlapUnweighted->binEdges);
      out.weights = weightHistogram(units.treatment, units.weights);
      out.weights->title = std::string(estimation::toString(report.estimand)) + " weights";
    }
  }
  return out;
}

}  // namespace causeway::ui
