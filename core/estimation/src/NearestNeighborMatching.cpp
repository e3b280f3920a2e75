#include "causeway/estimation/NearestNeighborMatching.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <utility>

#include "RadixSort.hpp"
#include "Rng.hpp"
#include "WeightedStats.hpp"

namespace causeway::estimation {
namespace {

// Pool units sorted by distance; finds the nearest still-available one. Removal uses
// path-compressed skip pointers, so a whole matching run is close to O(n log n).
class AvailablePool {
 public:
  AvailablePool(const std::vector<Eigen::Index>& rows, const Eigen::VectorXd& distance) {
    const auto sorted = detail::sortRows(distance, rows);  // by distance, ties in data order
    rows_.reserve(sorted.size());
    values_.reserve(sorted.size());
    for (const auto& r : sorted) {
      rows_.push_back(static_cast<Eigen::Index>(r.row));
      values_.push_back(distance(static_cast<Eigen::Index>(r.row)));
    }
    const std::size_t m = rows_.size();
    right_.resize(m + 1);
    left_.resize(m + 1);
    std::iota(right_.begin(), right_.end(), 0);
    std::iota(left_.begin(), left_.end(), 0);  // left_[i + 1] refers to slot i; left_[0] = "none"
  }

  // Position (into the sorted pool) of the nearest available unit within `width`, or -1.
  // The candidates are the available units immediately left (smaller distance) and right of
  // `value` in the (distance, row) order; the right one wins only when strictly nearer, so
  // exact ties go to the left neighbour (MatchIt's rule).
  [[nodiscard]] std::ptrdiff_t nearest(double value, double width) {
    const auto split = static_cast<std::ptrdiff_t>(std::lower_bound(values_.begin(), values_.end(), value) - values_.begin());
    const auto [l, r] = neighbours(split);
    const double dl = l >= 0 ? value - values_[static_cast<std::size_t>(l)] : INFINITY;
    const double dr = r >= 0 ? values_[static_cast<std::size_t>(r)] - value : INFINITY;
    const std::ptrdiff_t chosen = dr < dl ? r : l;
    return std::min(dl, dr) <= width ? chosen : -1;
  }

  // MatchIt 4.5.1's rule (nn_matchC_vec): the focal unit sits in the (distance, row) order of
  // all units, and both the caliper test and the left/right comparison use the distance
  // differences truncated to whole numbers (4.5.1 takes abs() of a double through C's integer
  // abs). A neighbour qualifies when trunc(|difference|) <= width; of two qualifying ones the
  // left wins unless its truncated difference is larger. On the propensity scale every
  // difference truncates to 0, so the left neighbour is taken whenever there is one.
  [[nodiscard]] std::ptrdiff_t nearestMatchIt451(double value, Eigen::Index row, double width) {
    const auto before = [&](std::size_t i) { return values_[i] < value || (values_[i] == value && rows_[i] < row); };
    std::size_t lo = 0, hi = values_.size();
    while (lo < hi) {  // first slot not before the focal unit
      const std::size_t mid = lo + (hi - lo) / 2;
      if (before(mid)) lo = mid + 1; else hi = mid;
    }
    const auto [l, r] = neighbours(static_cast<std::ptrdiff_t>(lo));
    const auto truncated = [&](std::ptrdiff_t pos) {
      return pos < 0 ? INFINITY : std::trunc(std::abs(values_[static_cast<std::size_t>(pos)] - value));
    };
    const double dl = truncated(l), dr = truncated(r);
    const bool leftOk = l >= 0 && dl <= width, rightOk = r >= 0 && dr <= width;
    if (leftOk && (!rightOk || dl <= dr)) return l;
    return rightOk ? r : -1;
  }

  void remove(std::ptrdiff_t pos) {
    right_[static_cast<std::size_t>(pos)] = pos + 1;
    left_[static_cast<std::size_t>(pos + 1)] = pos;  // slot pos now forwards to pos - 1
  }
  [[nodiscard]] Eigen::Index row(std::ptrdiff_t pos) const { return rows_[static_cast<std::size_t>(pos)]; }

 private:
  // Nearest available slots left of and at-or-right of `split` (-1 where there is none).
  std::pair<std::ptrdiff_t, std::ptrdiff_t> neighbours(std::ptrdiff_t split) {
    const std::ptrdiff_t r = findRight(split);
    return {findLeft(split - 1), r < static_cast<std::ptrdiff_t>(values_.size()) ? r : -1};
  }
  std::ptrdiff_t findRight(std::ptrdiff_t pos) {  // first available slot >= pos (m if none)
    std::ptrdiff_t root = pos;
    while (right_[static_cast<std::size_t>(root)] != root) root = right_[static_cast<std::size_t>(root)];
    while (right_[static_cast<std::size_t>(pos)] != root) pos = std::exchange(right_[static_cast<std::size_t>(pos)], root);
    return root;
  }
  std::ptrdiff_t findLeft(std::ptrdiff_t pos) {  // last available slot <= pos (-1 if none)
    std::ptrdiff_t root = pos + 1;
    while (left_[static_cast<std::size_t>(root)] != root) root = left_[static_cast<std::size_t>(root)];
    std::ptrdiff_t at = pos + 1;
    while (left_[static_cast<std::size_t>(at)] != root) at = std::exchange(left_[static_cast<std::size_t>(at)], root);
    return root - 1;
  }

  std::vector<Eigen::Index> rows_;
  std::vector<double> values_;
  std::vector<std::ptrdiff_t> right_;
  std::vector<std::ptrdiff_t> left_;
};

const char* orderName(MatchOrder order) {
  switch (order) {
    case MatchOrder::Default: return "default";
    case MatchOrder::Largest: return "largest distance first";
    case MatchOrder::Smallest: return "smallest distance first";
    case MatchOrder::Random: return "random order";
    case MatchOrder::Data: return "data order";
  }
  return "?";
}

}  // namespace

Result<MatchingResult> matchNearestNeighbor(const Eigen::VectorXd& treatment, const Eigen::VectorXd& propensity,
                                            const MatchingOptions& options) {
  if (treatment.size() != propensity.size())
    return makeError(ErrorCode::InvalidArgument, "Matching: treatment and propensity scores differ in length");
  if (options.estimand != Estimand::ATT && options.estimand != Estimand::ATC)
    return makeError(ErrorCode::InvalidArgument, std::string("Matching targets the ATT or the ATC, not the ") +
                                                     toString(options.estimand));
  if (options.ratio < 1) return makeError(ErrorCode::InvalidArgument, "Matching: the ratio must be at least 1");
  if (options.caliper && !(*options.caliper > 0.0))
    return makeError(ErrorCode::InvalidArgument, "Matching: the caliper must be positive");
  const Eigen::Index n = treatment.size();
  const double focalValue = options.estimand == Estimand::ATT ? 1.0 : 0.0;
  const char* focalName = options.estimand == Estimand::ATT ? "treated" : "control";
  const char* poolName = options.estimand == Estimand::ATT ? "control" : "treated";

  Eigen::VectorXd distance(n);
  std::vector<Eigen::Index> focal, pool;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double e = propensity(i);
    if (!(e > 0.0 && e < 1.0))
      return makeError(ErrorCode::InvalidArgument, "Matching: propensity score of row " + std::to_string(i + 1) +
                                                       " is not strictly between 0 and 1");
    distance(i) = options.distance == MatchDistance::LogitPropensity ? std::log(e / (1.0 - e)) : e;
    (treatment(i) == focalValue ? focal : pool).push_back(i);
  }
  if (focal.empty() || pool.empty())
    return makeError(ErrorCode::EmptyGroup, std::string("Matching needs both groups; there are no ") +
                                                (focal.empty() ? focalName : poolName) + " units");

  MatchingResult out;
  out.focalTotal = focal.size();
  out.poolTotal = pool.size();
  out.distanceSd = std::sqrt(detail::sampleVariance(distance));
  double width = INFINITY;
  if (options.caliper) {
    width = *options.caliper * out.distanceSd;
    out.caliperWidth = width;
  }

  MatchOrder order = options.order;
  if (order == MatchOrder::Default) order = options.estimand == Estimand::ATT ? MatchOrder::Largest : MatchOrder::Smallest;
  switch (order) {
    case MatchOrder::Largest:
    case MatchOrder::Smallest: {
      const auto sorted = detail::sortRows(distance, focal, order == MatchOrder::Largest);
      for (std::size_t i = 0; i < sorted.size(); ++i) focal[i] = static_cast<Eigen::Index>(sorted[i].row);
      break;
    }
    case MatchOrder::Random: {
      auto engine = detail::replicateEngine(options.seed, 0x6d61746368ull, 0);
      for (std::size_t i = focal.size(); i > 1; --i)
        std::swap(focal[i - 1], focal[static_cast<std::size_t>(detail::uniformBelow(engine, i))]);
      break;
    }
    case MatchOrder::Data:
    case MatchOrder::Default: break;
  }

  // Round r gives every focal unit (in order) its r-th match before anyone gets an (r+1)-th.
  AvailablePool available(pool, distance);
  std::vector<std::vector<Eigen::Index>> matches(focal.size());
  std::vector<bool> exhausted(focal.size(), false);
  for (int round = 0; round < options.ratio; ++round) {
    for (std::size_t f = 0; f < focal.size(); ++f) {
      if (exhausted[f]) continue;
      const Eigen::Index unit = focal[f];
      const std::ptrdiff_t pos = options.matchItLeftFirst ? available.nearestMatchIt451(distance(unit), unit, width)
                                                          : available.nearest(distance(unit), width);
      if (pos < 0) {
        exhausted[f] = true;  // nothing within the caliper now means nothing later either
        continue;
      }
      matches[f].push_back(available.row(pos));
      if (!options.replace) available.remove(pos);
    }
  }

  out.weights = Eigen::VectorXd::Zero(n);
  if (!options.replace) out.subclass.assign(static_cast<std::size_t>(n), -1);
  for (std::size_t f = 0; f < focal.size(); ++f) {
    if (matches[f].empty()) continue;
    const Eigen::Index unit = focal[f];
    out.weights(unit) = 1.0;
    const double share = 1.0 / static_cast<double>(matches[f].size());
    for (Eigen::Index m : matches[f]) out.weights(m) += share;
    if (!options.replace) {
      const auto id = static_cast<std::int64_t>(out.sets.size());
      out.subclass[static_cast<std::size_t>(unit)] = id;
      for (Eigen::Index m : matches[f]) out.subclass[static_cast<std::size_t>(m)] = id;
    }
    out.sets.push_back({unit, matches[f]});
  }
  out.focalMatched = out.sets.size();
  if (out.focalMatched == 0)
    return makeError(ErrorCode::EmptyGroup, std::string("No ") + focalName + " unit has a " + poolName +
                                                " match within the caliper; widen the caliper or drop it");
  double poolSum = 0.0;
  for (Eigen::Index r : pool)
    if (out.weights(r) > 0) {
      ++out.poolMatched;
      poolSum += out.weights(r);
    }
  const double poolMean = poolSum / static_cast<double>(out.poolMatched);
  for (Eigen::Index r : pool) out.weights(r) /= poolMean;

  std::ostringstream text;
  text << "Greedy nearest-neighbour 1:" << options.ratio << " matching " << (options.replace ? "with" : "without")
       << " replacement on the " << (options.distance == MatchDistance::LogitPropensity ? "logit of the " : "")
       << "propensity score, " << focalName << " units matched in " << orderName(order);
  if (order == MatchOrder::Random) text << " (seed " << options.seed << ")";
  if (options.caliper) text << ", caliper " << *options.caliper << " SD of the distance (width " << width << ")";
  text << (options.matchItLeftFirst ? "; MatchIt 4.5.1 compatibility: distance differences are truncated to whole numbers before the "
                                      "caliper test and the choice between the nearest available units below and above (the one below "
                                      "unless its truncated difference is larger), as 4.5.1 does, so on the propensity scale the unit "
                                      "below is taken whenever one is available and a caliper under 1 accepts any difference under 1"
                                    : "; each match is the nearer of the nearest available units below and above (ties: the one below, nearest in (distance, row) order), "
                                      "the true nearest neighbour MatchIt documents; MatchIt 4.5.1 takes the nearest unit below whenever one is available, "
                                      "so its matches can differ (matching order \"matchit\" reproduces 4.5.1)")
       << ". Weights as MatchIt: matched " << focalName
       << " units 1, each matched " << poolName << " unit the sum of 1/(matches of its " << focalName
       << " unit), rescaled to sum to the number of matched " << poolName << " units; unmatched units 0. "
       << out.focalMatched << " of " << out.focalTotal << " " << focalName << " units matched to " << out.poolMatched
       << " " << poolName << " units.";
  out.conventions = text.str();
  return out;
}

}  // namespace causeway::estimation
