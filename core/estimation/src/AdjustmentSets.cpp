#include "causeway/estimation/AdjustmentSets.hpp"

#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation {
namespace {

bool sameColumns(const data::Design& design, const std::vector<Eigen::Index>& columns,
                 const std::vector<std::string>& names) {
  if (columns.size() != names.size()) return false;
  for (std::size_t j = 0; j < columns.size(); ++j)
    if (design.covariateNames[static_cast<std::size_t>(columns[j])] != names[j]) return false;
  return true;
}

}  // namespace

Result<std::vector<AdjustmentSetEstimate>> estimateOverAdjustmentSets(const data::Design& design,
                                                                      const std::vector<std::vector<std::string>>& sets,
                                                                      Method method, const EstimatorOptions& options,
                                                                      const Progress& progress,
                                                                      const KnownSetEstimate* known) {
  std::vector<AdjustmentSetEstimate> out;
  for (std::size_t k = 0; k < sets.size(); ++k) {
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "Estimation over adjustment sets cancelled");
    AdjustmentSetEstimate entry;
    entry.set = sets[k];
    entry.rows = static_cast<std::size_t>(design.size());
    auto columns = covariateColumns(design, sets[k]);
    if (!columns) {
      entry.error = columns.error();
    } else if (known && known->estimate && sameColumns(design, *columns, known->columns)) {
      entry.columns = known->columns;
      entry.estimate = *known->estimate;
    } else {
      // Sorted distinct columns, as many as the design has: the design itself, not a copy.
      const bool whole = columns->size() == design.covariateNames.size();
      data::Design selected;
      if (!whole) selected = selectCovariates(design, sets[k]).value();  // the names resolved above
      const data::Design& used = whole ? design : selected;
      entry.columns = used.covariateNames;
      // An empty set with a propensity-based method still needs a model: intercept only.
      auto estimate = estimateEffect(used, method, options);
      if (estimate) entry.estimate = std::move(*estimate);
      else if (estimate.error().code == ErrorCode::Cancelled) return estimate.error();
      else entry.error = estimate.error();
    }
    out.push_back(std::move(entry));
    progress.report(static_cast<double>(k + 1) / static_cast<double>(sets.size()));
  }
  return out;
}

}  // namespace causeway::estimation
