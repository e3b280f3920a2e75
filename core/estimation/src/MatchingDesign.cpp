#include "MatchingDesign.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/Estimators.hpp"

namespace causeway::estimation::detail {

std::optional<std::string> adaptMatchingDesign(EstimatorOptions& options, const data::Design& sample,
                                               const EstimationRequest& request) {
  MatchingOptions& mo = options.matching;
  const bool focalTreated = options.estimand == Estimand::ATT;
  // MatchIt 4.5.1's algorithm is asked for to reproduce its numbers: leave its design alone.
  if (!request.adaptMatchingDesign || mo.replace || mo.caliper || mo.ratio != 1 || mo.matchItLeftFirst) return std::nullopt;
  if (options.estimand != Estimand::ATT && options.estimand != Estimand::ATC) return std::nullopt;
  const double treated = sample.treatment.sum();
  const double control = static_cast<double>(sample.size()) - treated;
  const double focal = focalTreated ? treated : control;
  const double pool = focalTreated ? control : treated;
  if (focal <= 0 || pool / focal >= request.scarcePoolPerFocal) return std::nullopt;
  mo.replace = true;
  std::ostringstream text;
  text.precision(2);
  text << std::fixed << "only " << pool / focal << " " << (focalTreated ? "controls per treated unit" : "treated units per control")
       << " (fewer than " << std::defaultfloat << request.scarcePoolPerFocal
       << "): matched with replacement, because 1:1 matching without replacement then pairs units with distant "
          "matches and is biased; ask for a caliper to match without replacement within it";
  return text.str();
}

std::optional<double> matchingTieShift(const data::Design& sample, const Eigen::VectorXd& propensity,
                                       const EstimatorOptions& options, double estimate) {
  std::vector<Eigen::Index> reversed(static_cast<std::size_t>(sample.size()));
  std::iota(reversed.rbegin(), reversed.rend(), Eigen::Index{0});
  const data::Design flipped = subsetRows(sample, reversed);
  const Eigen::VectorXd flippedScores = propensity(reversed).eval();
  auto other = estimateMatching(flipped, flippedScores, options, nullptr);
  if (!other) return std::nullopt;
  const double shift = other->estimate - estimate;
  // The same matches summed in another order differ by rounding only: no tie dependence.
  return std::abs(shift) <= 1e-9 * std::max(1.0, std::abs(estimate)) ? 0.0 : shift;
}

}  // namespace causeway::estimation::detail
