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
  double sd = 0.0;
  Verdict verdict = Verdict::Pass;
  std::string explanation;  // one line, for the UI and the CLI
  std::string conventions;  // what was changed, how many draws, the verdict rule
  RefutationFigure figure;
};

struct RefuterOptions {
  int draws = 20;                // repetitions of each refuter
  std::uint64_t seed = 1;        // draw d uses its own mt19937_64 from (seed, refuter, d)
  double subsetFraction = 0.8;   // DataSubset
  // RandomCommonCause / DataSubset pass when |mean of draws - original| <= tolerance x original SE.
  double toleranceInSe = 0.5;
  unsigned threads = 0;
};

// Re-runs the whole estimation on a modified Design (must be callable from several threads).
using EffectFunction = std::function<Result<EffectEstimate>(const data::Design&)>;

// Placebo verdict: pass when the mean placebo estimate's 95% interval (mean -/+ 1.96 sd/sqrt(draws))
// covers 0, or |mean placebo| <= 0.1 x |original|.
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
