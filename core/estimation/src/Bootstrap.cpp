#include "causeway/estimation/Bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "ReplicateRunner.hpp"
#include "Rng.hpp"
#include "WeightedStats.hpp"
#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/Distributions.hpp"

namespace causeway::estimation {

Result<BootstrapSummary> bootstrap(const data::Design& design, const BootstrapStatistic& statistic,
                                   double pointEstimate, const BootstrapOptions& options, const Progress& progress) {
  if (options.replicates < 2) return makeError(ErrorCode::InvalidArgument, "Bootstrap needs at least 2 replicates");
  if (!(options.level > 0.0 && options.level < 1.0))
    return makeError(ErrorCode::InvalidArgument, "Bootstrap: the confidence level must lie in (0, 1)");
  const auto n = static_cast<std::uint64_t>(design.size());
  const auto count = static_cast<std::size_t>(options.replicates);
  std::function<Result<double>(std::size_t)> task = [&](std::size_t replicate) -> Result<double> {
    auto engine = detail::replicateEngine(options.seed, 0x626f6f74ull, replicate);
    std::vector<Eigen::Index> rows(n);
    for (auto& r : rows) r = static_cast<Eigen::Index>(detail::uniformBelow(engine, n));
    return statistic(subsetRows(design, rows));
  };
  std::vector<std::optional<Result<double>>> slots;
  const std::size_t completed = detail::runReplicates(count, options.threads, progress, task, slots);
  if (progress.cancelled() || completed < count)
    return makeError(ErrorCode::Cancelled, "Bootstrap cancelled after " + std::to_string(completed) + " of " +
                                               std::to_string(count) + " replicates");

  BootstrapSummary out;
  out.replicates = options.replicates;
  out.seed = options.seed;
  out.level = options.level;
  for (const auto& slot : slots) {
    if (slot->ok()) {
      out.estimates.push_back(slot->value());
    } else {
      if (out.failed++ == 0) out.firstFailure = slot->error().message;
    }
  }
  if (out.estimates.size() < 2 || out.failed * 2 > options.replicates) {
    const Error& first = [&]() -> const Error& {
      for (const auto& slot : slots)
        if (!slot->ok()) return slot->error();
      throw std::logic_error("no failed replicate");
    }();
    return makeError(first.code, "Bootstrap: " + std::to_string(out.failed) + " of " + std::to_string(count) +
                                     " replicates failed; first failure: " + first.message,
                     first.context);
  }
  const Eigen::Map<const Eigen::VectorXd> values(out.estimates.data(), static_cast<Eigen::Index>(out.estimates.size()));
  out.mean = values.mean();
  out.se = std::sqrt(detail::sampleVariance(values));
  out.bias = out.mean - pointEstimate;
  std::vector<double> sorted = out.estimates;
  std::sort(sorted.begin(), sorted.end());
  const double alpha = (1.0 - options.level) / 2.0;
  out.percentileLow = detail::sortedQuantile(sorted, alpha);
  out.percentileHigh = detail::sortedQuantile(sorted, 1.0 - alpha);
  const double z = criticalValue(options.level);
  out.normalLow = pointEstimate - z * out.se;
  out.normalHigh = pointEstimate + z * out.se;
  std::ostringstream text;
  text << "Nonparametric bootstrap, " << options.replicates << " replicates of n rows drawn with replacement (seed "
       << options.seed << ", one mt19937_64 per replicate); the whole procedure, propensity model included, is "
       << "re-run on each replicate. SE = SD of the replicate estimates; percentile CI = type-7 quantiles; normal CI "
       << "= estimate -/+ z * SE.";
  if (out.failed > 0) text << " " << out.failed << " replicates failed and were left out (first: " << out.firstFailure << ").";
  out.conventions = text.str();
  return out;
}

}  // namespace causeway::estimation
