#include "SetComparison.hpp"

#include <algorithm>

#include "causeway/data/DesignBuilder.hpp"

namespace causeway::estimation::detail {

std::optional<KnownSetEstimate> reusablePrimary(const EstimationReport& report, const EffectEstimate& primary,
                                                const EstimationRequest& request) {
  if (request.trim || primary.method == Method::Matching) return std::nullopt;
  const Eigen::VectorXd& scores = report.units.propensity;
  if (primary.method == Method::Aipw && !((scores.array() > 0.0) && (scores.array() < 1.0)).all()) return std::nullopt;
  return KnownSetEstimate{report.covariateColumns, &primary};
}

Result<void> compareAdjustmentSets(EstimationReport& report, const data::Design& comparison,
                                   const EstimationRequest& request, const EstimatorOptions& options,
                                   const EffectEstimate& primary, const Progress& progress,
                                   const std::optional<KnownSetEstimate>& known) {
  auto entries = estimateOverAdjustmentSets(comparison, request.alternativeAdjustmentSets, primary.method, options,
                                            progress, known ? &*known : nullptr);
  if (!entries) return entries.error();
  report.adjustmentSetComparison = std::move(*entries);
  const auto rows = static_cast<std::size_t>(comparison.size());
  const std::size_t primaryRows = report.nUsed + report.nTrimmedTreated + report.nTrimmedControl;
  report.adjustmentSetComparisonConventions =
      std::string(displayName(primary.method)) + " on each set, all on the same " + std::to_string(rows) +
      " rows: the complete cases on the variables of every compared set";
  if (rows != primaryRows) {
    const std::string note = "the primary estimate used " + std::to_string(primaryRows) +
                             " rows, complete on its own set; the comparison across adjustment sets uses the " +
                             std::to_string(rows) + " rows complete on every compared set's variables";
    report.adjustmentSetComparisonConventions += " (" + note + ")";
    report.warnings.push_back("Sample differs: " + note);
  }
  return {};
}

Result<void> compareOnCommonRows(const data::Dataset& dataset, const std::string& treatment,
                                 const std::string& outcome, const std::vector<std::string>& names,
                                 const EstimationRequest& request, const EstimatorOptions& options,
                                 const EffectEstimate& primary, data::Design& design, EstimationReport& report,
                                 const Progress& progress) {
  // The union of the compared sets' variables (names that are no column are left to fail in
  // their own entry), the primary set's first.
  std::vector<std::string> all = names;
  for (const auto& set : request.alternativeAdjustmentSets)
    for (const auto& name : set)
      if (dataset.find(name) && std::find(all.begin(), all.end(), name) == all.end()) all.push_back(name);
  std::optional<KnownSetEstimate> known = reusablePrimary(report, primary, request);
  // No variable beyond the primary set's: the union design is the primary design itself.
  const data::Design* comparison = &design;
  Result<data::Design> unionDesign = data::Design{};
  if (all.size() != names.size()) {
    const std::vector<std::size_t> primaryRows = std::move(design.rows);
    // The report's units keep the analysis sample's treatment (EstimationPipeline.cpp).
    if (report.units.treatment.size() == 0) report.units.treatment = std::move(design.treatment);
    design = data::Design{};  // not needed any more: free it before building the larger one
    unionDesign = data::buildDesign(dataset, treatment, outcome, all, {request.treatedValue, request.threads});
    if (!unionDesign) {
      report.warnings.push_back("The estimate across adjustment sets was skipped: " + unionDesign.error().message);
      return Ok{};
    }
    comparison = &*unionDesign;
    if (unionDesign->rows != primaryRows) known.reset();  // other rows: the primary estimate does not carry over
  }
  return compareAdjustmentSets(report, *comparison, request, options, primary, progress, known);
}

}  // namespace causeway::estimation::detail
