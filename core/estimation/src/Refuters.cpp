#include "causeway/estimation/Refuters.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <sstream>

#include "ReplicateRunner.hpp"
#include "Rng.hpp"
#include "WeightedStats.hpp"
#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/Distributions.hpp"

namespace causeway::estimation {
namespace {

using Transform = std::function<data::Design(std::mt19937_64&)>;

// Runs the estimator on `draws` transformed copies of the design, each with its own engine.
Result<Refutation> runDraws(RefuterKind kind, const EffectFunction& estimate, const EffectEstimate& original,
                            const RefuterOptions& options, const Progress& progress, const Transform& transform) {
  if (options.draws < 2) return makeError(ErrorCode::InvalidArgument, "Refuters need at least 2 draws");
  const auto count = static_cast<std::size_t>(options.draws);
  std::function<Result<double>(std::size_t)> task = [&](std::size_t draw) -> Result<double> {
    auto engine = detail::replicateEngine(options.seed, 0x7265667574ull + static_cast<std::uint64_t>(kind), draw);
    auto result = estimate(transform(engine));
    if (!result) return result.error();
    return result->estimate;
  };
  std::vector<std::optional<Result<double>>> slots;
  const std::size_t completed = detail::runReplicates(count, options.threads, progress, task, slots);
  if (progress.cancelled() || completed < count)
    return makeError(ErrorCode::Cancelled, std::string(toString(kind)) + " refuter cancelled");
  Refutation out;
  out.kind = kind;
  out.name = toString(kind);
  out.originalEstimate = original.estimate;
  out.originalSe = original.se;
  std::string firstError;
  for (const auto& slot : slots) {
    if (slot->ok()) out.estimates.push_back(slot->value());
    else if (out.failedDraws++ == 0) firstError = slot->error().message;
  }
  if (out.estimates.size() < 2)
    return makeError(ErrorCode::InvalidArgument, out.name + " refuter: almost every draw failed; first: " + firstError);
  const Eigen::Map<const Eigen::VectorXd> values(out.estimates.data(), static_cast<Eigen::Index>(out.estimates.size()));
  out.mean = values.mean();
  out.sd = std::sqrt(detail::sampleVariance(values));
  out.figure.values = out.estimates;
  out.figure.markers.push_back({"original estimate", original.estimate});
  out.figure.markers.push_back({"mean of draws", out.mean});
  return out;
}

std::string number(double v) {
  std::ostringstream s;
  s.precision(4);
  s << v;
  return s.str();
}

// Below double-precision resolution a p-value is noise: "< 1e-16", never 2.9e-279.
std::string pText(double p) { return p < 1e-16 ? std::string("< 1e-16") : "= " + number(p); }

// Shared verdict for "the estimate should not move": the mean shift is judged against the
// original estimate's sampling SE, and a shift within the draws' own Monte-Carlo noise
// (1.96 SD/sqrt(draws)) is never a concern, so few noisy draws cannot fail a stable estimate.
void stabilityVerdict(Refutation& r, const RefuterOptions& options, const std::string& what) {
  const double shift = r.mean - r.originalEstimate;
  const double monteCarlo = 1.96 * r.sd / std::sqrt(static_cast<double>(r.estimates.size()));
  const double allowed = std::max(options.toleranceInSe * r.originalSe, monteCarlo);
  r.verdict = std::fabs(shift) <= allowed ? Verdict::Pass : Verdict::Concern;
  r.explanation = what + ": mean estimate " + number(r.mean) + " vs original " + number(r.originalEstimate) +
                  " (shift " + number(shift) + ", allowed +/-" + number(allowed) + ", the larger of " +
                  number(options.toleranceInSe) + " SE and the draws' Monte-Carlo noise) — " +
                  (r.verdict == Verdict::Pass ? "stable." : "the estimate moves more than sampling noise suggests.");
}

std::string stabilityRule(const RefuterOptions& options) {
  return "pass when |mean - original| <= the larger of " + number(options.toleranceInSe) +
         " x original SE (the sampling spread) and 1.96 x SD of the draws / sqrt(draws) (their Monte-Carlo noise)";
}

}  // namespace

const char* toString(RefuterKind kind) {
  switch (kind) {
    case RefuterKind::PlaceboTreatment: return "Placebo treatment";
    case RefuterKind::RandomCommonCause: return "Random common cause";
    case RefuterKind::DataSubset: return "Data subset";
  }
  return "?";
}

const char* toString(Verdict verdict) { return verdict == Verdict::Pass ? "pass" : "concern"; }

void judgePlacebo(Refutation& r, double toleranceInSd) {
  if (r.estimates.size() < 2) throw std::invalid_argument("judgePlacebo needs at least 2 placebo estimates");
  const auto k = static_cast<double>(r.estimates.size());
  const Eigen::Map<const Eigen::VectorXd> values(r.estimates.data(), static_cast<Eigen::Index>(r.estimates.size()));
  r.mean = values.mean();
  r.sd = k >= 2 ? std::sqrt(detail::sampleVariance(values)) : 0.0;
  // Material offset and not Monte-Carlo noise: the larger of the two thresholds.
  const double allowed = std::max(toleranceInSd, 1.96 / std::sqrt(k)) * r.sd;
  r.verdict = std::fabs(r.mean) <= allowed ? Verdict::Pass : Verdict::Concern;
  const double distance = r.originalEstimate - r.mean;
  if (r.sd > 0.0) {
    r.originalZ = distance / r.sd;
    r.originalPValue = twoSidedPValue(r.originalZ);
  } else {  // a degenerate placebo distribution: the original either sits on it or not
    r.originalZ = distance == 0.0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), distance);
    r.originalPValue = distance == 0.0 ? 1.0 : 0.0;
  }
  const auto asFar = std::count_if(r.estimates.begin(), r.estimates.end(),
                                   [&](double b) { return std::fabs(b) >= std::fabs(r.originalEstimate); });
  r.fractionAsExtreme = static_cast<double>(asFar) / k;
  r.explanation = "Permuted treatment (" + std::to_string(r.estimates.size()) + " draws): placebo estimates centred at " +
                  number(r.mean) + ", SD " + number(r.sd) + " across draws (allowed |mean| <= " + number(allowed) +
                  ") — " +
                  (r.verdict == Verdict::Pass ? "centred on 0, as they should be without the real treatment."
                                              : "an effect remains without the real treatment: the estimator is biased here.") +
                  " The original " + number(r.originalEstimate) + " lies at z = " + number(r.originalZ) +
                  " against the placebo distribution (p " + pText(r.originalPValue) + "; " + std::to_string(asFar) +
                  " of " + std::to_string(r.estimates.size()) + " draws as far from 0)" +
                  (r.originalPValue < 0.05 ? ": distinguishable from a null effect." : ": not distinguishable from a null effect.");
}

Result<Refutation> refutePlaceboTreatment(const data::Design& design, const EffectFunction& estimate,
                                          const EffectEstimate& original, const RefuterOptions& options,
                                          const Progress& progress) {
  auto r = runDraws(RefuterKind::PlaceboTreatment, estimate, original, options, progress, [&](std::mt19937_64& engine) {
    data::Design placebo = design;
    for (Eigen::Index i = placebo.size(); i > 1; --i)  // Fisher-Yates shuffle of the treatment
      std::swap(placebo.treatment(i - 1),
                placebo.treatment(static_cast<Eigen::Index>(detail::uniformBelow(engine, static_cast<std::uint64_t>(i)))));
    return placebo;
  });
  if (!r) return r;
  judgePlacebo(*r, options.placeboToleranceInSd);
  r->conventions = "Treatment randomly permuted (seeded, " + std::to_string(options.draws) +
                   " draws), the whole estimation re-run on each. Each placebo estimate is a draw from the "
                   "estimator's sampling distribution under a true effect of 0, so it is judged against its own "
                   "spread: concern when |mean placebo| > " + number(options.placeboToleranceInSd) +
                   " x SD of the placebo draws and beyond Monte-Carlo noise (|mean| > 1.96 SD/sqrt(draws)). "
                   "The original estimate's place in the placebo distribution is reported as z = "
                   "(original - mean)/SD with a two-sided normal p-value (DoWhy's placebo_treatment_refuter "
                   "significance test) and the share of draws at least as far from 0.";
  r->figure.title = "Placebo (permuted) treatment";
  r->figure.xLabel = "placebo estimate";
  r->figure.markers.push_back({"zero", 0.0});
  return r;
}

Result<Refutation> refuteRandomCommonCause(const data::Design& design, const EffectFunction& estimate,
                                           const EffectEstimate& original, const RefuterOptions& options,
                                           const Progress& progress) {
  auto r = runDraws(RefuterKind::RandomCommonCause, estimate, original, options, progress, [&](std::mt19937_64& engine) {
    data::Design more = design;
    more.covariates.conservativeResize(Eigen::NoChange, design.covariates.cols() + 1);
    for (Eigen::Index i = 0; i < more.size(); ++i) more.covariates(i, design.covariates.cols()) = detail::standardNormal(engine);
    more.covariateNames.push_back("random_common_cause");
    if (!more.covariateSources.empty()) more.covariateSources.push_back("random_common_cause");
    return more;
  });
  if (!r) return r;
  stabilityVerdict(*r, options, "Added an independent N(0,1) covariate");
  r->conventions = "An independent standard normal covariate (seeded, " + std::to_string(options.draws) +
                   " draws) added to the adjustment set, the whole estimation re-run; " + stabilityRule(options) +
                   " (DoWhy's random_common_cause).";
  r->figure.title = "Random common cause added";
  r->figure.xLabel = "estimate with the extra covariate";
  return r;
}

Result<Refutation> refuteDataSubset(const data::Design& design, const EffectFunction& estimate,
                                    const EffectEstimate& original, const RefuterOptions& options,
                                    const Progress& progress) {
  if (!(options.subsetFraction > 0.0 && options.subsetFraction < 1.0))
    return makeError(ErrorCode::InvalidArgument, "Data subset refuter: the fraction must lie in (0, 1)");
  auto r = runDraws(RefuterKind::DataSubset, estimate, original, options, progress, [&](std::mt19937_64& engine) {
    std::vector<Eigen::Index> rows(static_cast<std::size_t>(design.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<Eigen::Index>(i);
    const auto keep = static_cast<std::size_t>(std::llround(options.subsetFraction * static_cast<double>(rows.size())));
    for (std::size_t i = 0; i < keep; ++i)  // partial Fisher-Yates: the first `keep` form the subset
      std::swap(rows[i], rows[i + static_cast<std::size_t>(detail::uniformBelow(engine, rows.size() - i))]);
    rows.resize(keep);
    std::sort(rows.begin(), rows.end());
    return subsetRows(design, rows);
  });
  if (!r) return r;
  stabilityVerdict(*r, options, "Random " + number(100 * options.subsetFraction) + "% subsets");
  r->conventions = "Random subsets of " + number(100 * options.subsetFraction) + "% of the rows without replacement (seeded, " +
                   std::to_string(options.draws) + " draws), the whole estimation re-run; " + stabilityRule(options) +
                   " (DoWhy's data_subset_refuter).";
  r->explanation += " Spread across subsets: SD " + number(r->sd) + " (expected about " +
                    number(r->originalSe * std::sqrt((1 - options.subsetFraction) / options.subsetFraction)) + ").";
  r->figure.title = "Random data subsets";
  r->figure.xLabel = "estimate on the subset";
  return r;
}

}  // namespace causeway::estimation
