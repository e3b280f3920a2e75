#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"
#include "causeway/estimation/Estimand.hpp"

namespace causeway::estimation {

enum class MatchOrder {
  Default,   // Largest for ATT, Smallest for ATC (MatchIt's defaults)
  Largest,   // focal units in decreasing order of the distance
  Smallest,  // increasing order
  Random,    // seeded shuffle
  Data,      // data order
};
enum class MatchDistance {
  Propensity,       // the score itself (MatchIt's default)
  LogitPropensity,  // log(e / (1 - e)) (MatchIt's link = "linear.logit")
};

struct MatchingOptions {
  Estimand estimand = Estimand::ATT;  // ATT: controls matched to treated; ATC: the reverse
  int ratio = 1;                      // k in 1:k
  bool replace = false;
  std::optional<double> caliper;      // in SDs of the distance over all units (MatchIt's std.caliper);
                                      // |difference| <= width (see matchItLeftFirst for 4.5.1's test)
  MatchDistance distance = MatchDistance::Propensity;
  MatchOrder order = MatchOrder::Default;
  std::uint64_t seed = 1;             // for MatchOrder::Random
  // Reproduce MatchIt 4.5.1 (Debian 12's r-cran-matchit). Its fast nearest-neighbour code
  // (nn_matchC_vec) takes abs() of distance differences through C's integer abs, so every
  // difference is truncated to a whole number before (a) the caliper test, trunc(|d|) <= width,
  // and (b) the choice between the nearest available units below and above the focal unit in
  // the (distance, row) order: below unless its truncated difference is larger. Consequences:
  // on the propensity scale (differences < 1) the unit below is taken whenever one is available,
  // even when the unit above is nearer; a caliper narrower than 1 accepts every difference
  // under 1 (Lalonde, logit, caliper 0.2 SD = 0.36: 131 treated matched, 72 pairs wider than
  // 0.36; a true caliper gives 117). See kosukeimai/MatchIt#163 (calipers broken in 4.5.1-4.5.3).
  // Off = the true nearest neighbour within the true caliper, as MatchIt documents.
  bool matchItLeftFirst = false;
};

struct MatchedSet {
  Eigen::Index focal = 0;             // row of the focal (e.g. treated) unit
  std::vector<Eigen::Index> matches;  // rows of its matched units, in the order found
};

struct MatchingResult {
  // MatchIt's matching weights: focal units 1 when matched; each matched unit gets
  // sum over its matched sets of 1 / (size of that set's matches), then the non-focal
  // weights are divided by their nonzero mean (so they sum to the number matched).
  // Unmatched units 0.
  Eigen::VectorXd weights;
  // Matched set of each unit (0-based), -1 if unmatched; empty when matching with replacement.
  std::vector<std::int64_t> subclass;
  std::vector<MatchedSet> sets;  // in matching order
  std::size_t focalTotal = 0;
  std::size_t focalMatched = 0;
  std::size_t poolTotal = 0;
  std::size_t poolMatched = 0;   // distinct matched units of the non-focal group
  double distanceSd = 0.0;
  std::optional<double> caliperWidth;  // on the distance scale
  std::string conventions;
};

// Greedy nearest-neighbour matching on the propensity score (or its logit), as MatchIt's
// method = "nearest": focal units in the chosen order each take the nearest still-available
// unit of the other group (1:k in rounds: everyone's first match before anyone's second).
// Errors: InvalidArgument (options, sizes, scores outside (0,1)), EmptyGroup (a group is
// empty, or no focal unit found a match within the caliper).
[[nodiscard]] Result<MatchingResult> matchNearestNeighbor(const Eigen::VectorXd& treatment,
                                                          const Eigen::VectorXd& propensity,
                                                          const MatchingOptions& options = {});

}  // namespace causeway::estimation
