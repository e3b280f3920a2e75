#include "causeway/estimation/AdjustmentSets.hpp"

#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation {

Result<std::vector<AdjustmentSetEstimate>> estimateOverAdjustmentSets(const data::Design& design,
                                                                      const std::vector<std::vector<std::string>>& sets,
                                                                      Method method, const EstimatorOptions& options,
                                                                      const Progress& progress) {
  std::vector<AdjustmentSetEstimate> out;
  for (std::size_t k = 0; k < sets.size(); ++k) {
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "Estimation over adjustment sets cancelled");
    AdjustmentSetEstimate entry;
    entry.set = sets[k];
    entry.rows = static_cast<std::size_t>(design.size());
    auto selected = selectCovariates(design, sets[k]);
    if (!selected) {
      entry.error = selected.error();
    } else {
      entry.columns = selected->covariateNames;
      // An empty set with a propensity-based method still needs a model: intercept only.
      auto estimate = estimateEffect(*selected, method, options);
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
