#include "CovariateBenchmarks.hpp"

#include <cmath>

#include "WeightedStats.hpp"
#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/EValue.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation::detail {

std::vector<CovariateBenchmark> benchmarkCovariates(const data::Design& sample, const EffectEstimate& primary,
                                                    const EstimatorOptions& options, std::size_t maxVariables,
                                                    std::size_t maxCells) {
  std::vector<CovariateBenchmark> out;
  const std::vector<std::string> variables = covariateVariables(sample);
  if (variables.empty() || variables.size() > maxVariables ||
      static_cast<std::size_t>(sample.size()) * variables.size() > maxCells)
    return out;
  const double outcomeSd = std::sqrt(sampleVariance(sample.outcome));
  EstimatorOptions rerun = options;
  rerun.trim.reset();  // the sample is already trimmed; do not trim it again
  for (const auto& left : variables) {
    std::vector<std::string> kept;
    for (const auto& v : variables)
      if (v != left) kept.push_back(v);
    data::Design reduced;
    if (kept.empty()) {
      reduced = sample;
      reduced.covariates.resize(sample.size(), 0);
      reduced.covariateNames.clear();
      reduced.covariateSources.clear();
    } else {
      auto selected = selectCovariates(sample, kept);
      if (!selected) continue;
      reduced = std::move(*selected);
    }
    auto e = estimateEffect(reduced, primary.method, rerun);
    if (!e) continue;
    const double shift = e->estimate - primary.estimate;
    out.push_back({left, e->estimate, shift, eValueOfRiskRatio(std::exp(0.91 * std::abs(shift) / outcomeSd))});
  }
  return out;
}

}  // namespace causeway::estimation::detail
