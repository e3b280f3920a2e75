#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Design.hpp"
#include "causeway/estimation/EffectEstimate.hpp"

namespace causeway::estimation {

// DoWhy-style refutation tests of an estimate.
enum class RefuterKind {
  PlaceboTreatment,   // treatment permuted: the effect should vanish
  RandomCommonCause,  // an independent N(0,1) covariate added: the estimate should not move
  DataSubset,         // random subsets: the estimate should stay put, within sampling noise
};
enum class Verdict { Pass, Concern };

[[nodiscard]] const char* toString(RefuterKind kind);
[[nodiscard]] const char* toString(Verdict verdict);

// Plain data for a chart: the draws' estimates as a distribution (histogram / strip plot)
// with labelled reference lines.
struct RefutationFigure {
  std::string title;
  std::string xLabel;
  std::vector<double> values;
  std::vector<std::pair<std::string, double>> markers;  // e.g. {"original estimate", 1214.1}
};

struct Refutation {
  RefuterKind kind = RefuterKind::PlaceboTreatment;
  std::string name;
  double originalEstimate = 0.0;
  double originalSe = 0.0;
  std::vector<double> estimates;  // one per successful draw, in draw order
  std::size_t failedDraws = 0;
  double mean = 0.0;
  double sd = 0.0;  // of the individual draws (their spread), not of their mean
  // Placebo only: where the original estimate falls against the placebo (null) distribution
  // (DoWhy's significance test). z = (original - mean) / sd, its two-sided normal p-value, and
  // the share of placebo draws at least as far from 0 as the original.
  double originalZ = 0.0;
  double originalPValue = 1.0;
  double fractionAsExtreme = 1.0;
  Verdict verdict = Verdict::Pass;
  std::string explanation;  // one line, for the UI and the CLI
  std::string conventions;  // what was changed, how many draws, the verdict rule
  RefutationFigure figure;
};

struct RefuterOptions {
  int draws = 20;                // repetitions of each refuter
  std::uint64_t seed = 1;        // draw d uses its own mt19937_64 from (seed, refuter, d)
  double subsetFraction = 0.8;   // DataSubset
  // RandomCommonCause / DataSubset pass when |mean of draws - original| <= tolerance x original SE
  // (the sampling spread), or when the shift is within the draws' Monte-Carlo noise.
  double toleranceInSe = 0.5;
  // PlaceboTreatment: the largest tolerated |mean placebo| in SDs of the placebo draws.
  double placeboToleranceInSd = 0.5;
  unsigned threads = 0;
};

// Re-runs the whole estimation on a modified Design (must be callable from several threads).
using EffectFunction = std::function<Result<EffectEstimate>(const data::Design&)>;

// The placebo verdict from the draws alone. Under a permuted treatment the true effect is 0, so
// each placebo estimate is one draw from the estimator's null sampling distribution; its SD is
// the estimator's sampling spread. A concern is raised only when the placebo distribution is off
// centre by a material amount, |mean| > tolerance x SD (a bias of 0.5 SD lowers a nominal 95%
// CI's coverage to about 92%), and the offset is beyond Monte-Carlo noise of the mean,
// |mean| > 1.96 SD / sqrt(draws). Fills mean, sd, originalZ, originalPValue, fractionAsExtreme,
// verdict, explanation. Needs at least 2 values.
void judgePlacebo(Refutation& r, double toleranceInSd);

[[nodiscard]] Result<Refutation> refutePlaceboTreatment(const data::Design& design, const EffectFunction& estimate,
                                                        const EffectEstimate& original, const RefuterOptions& options = {},
                                                        const Progress& progress = {});
[[nodiscard]] Result<Refutation> refuteRandomCommonCause(const data::Design& design, const EffectFunction& estimate,
                                                         const EffectEstimate& original, const RefuterOptions& options = {},
                                                         const Progress& progress = {});
[[nodiscard]] Result<Refutation> refuteDataSubset(const data::Design& design, const EffectFunction& estimate,
                                                  const EffectEstimate& original, const RefuterOptions& options = {},
                                                  const Progress& progress = {});

}  // namespace causeway::estimation
