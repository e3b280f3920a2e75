#include "causeway/identification/FrontDoor.hpp"

#include <algorithm>

#include "FrontDoorSearch.hpp"

namespace causeway::identification {

using detail::FrontDoorSearch;

bool isFrontDoorSet(const graph::IndexedGraph& g, Index exposure, Index outcome, std::span<const Index> z) {
  if (exposure == outcome) return false;
  return FrontDoorSearch(g, exposure, outcome).valid(z);
}

std::optional<NodeSet> findFrontDoorSet(const graph::IndexedGraph& g, Index exposure, Index outcome) {
  if (exposure == outcome) return std::nullopt;
  return FrontDoorSearch(g, exposure, outcome).findOne();
}

namespace {

// Depth-first over the candidates, "leave out" before "take", each branch kept only while it
// still holds a front-door set: every subset of a set is met before the set, so a leaf that
// contains no earlier set is minimal. That holds for sets found by an earlier run too (a
// minimal set inside a smaller candidate list is minimal), so runs can share what they found.
// Iterative (one frame per candidate could overflow the stack on big graphs), and every
// feasibility check is charged against the work budget.
class MinimalListing {
 public:
  MinimalListing(const FrontDoorSearch& search, std::size_t size, const FrontDoorLimits& limits,
                 const Progress& progress)
      : search_(search), size_(size), limits_(limits), progress_(progress) {}

  [[nodiscard]] bool stopped() const { return stop_; }
  [[nodiscard]] const EnumerationOutcome& outcome() const { return outcome_; }

  // Lists the minimal sets within `order` not found before, deciding nodes in that order.
  void run(NodeSet order, const SetCallback& onSet) {
    order_ = std::move(order);
    required_.assign(size_, 0);
    allowed_ = maskOf(order_, size_);
    stage_.assign(order_.size() + 1, kEnter);
    chosen_.clear();
    std::size_t depth = 0;
    for (;;) {
      if (stage_[depth] == kEnter && !enter(depth, onSet)) {
        if (stop_ || depth == 0) break;
        --depth;
        continue;
      }
      if (stop_) break;
      const Index v = order_[depth];
      if (stage_[depth] == kEnter) {  // branch 1: leave v out
        stage_[depth] = kLeftOut;
        allowed_[v] = 0;
        if (check()) {
          stage_[++depth] = kEnter;
          continue;
        }
      }
      if (stop_) break;
      if (stage_[depth] == kLeftOut) {  // branch 2: take v
        stage_[depth] = kTaken;
        allowed_[v] = 1;
        required_[v] = 1;
        chosen_.push_back(v);
        if (check()) {
          stage_[++depth] = kEnter;
          continue;
        }
      }
      if (stop_) break;
      required_[v] = 0;  // both branches done
      chosen_.pop_back();
      if (depth == 0) break;
      --depth;
    }
  }

 private:
  enum : std::uint8_t { kEnter, kLeftOut, kTaken };

  // False when this frame ends at once (pruned, a leaf, or stopped).
  bool enter(std::size_t depth, const SetCallback& onSet) {
    if (progress_.cancelled()) {
      outcome_.cancelled = stop_ = true;
      return false;
    }
    if (containsFound(required_)) return false;
    if (depth < order_.size()) {
      // Prune too when every set below must hold a found one: the chosen nodes plus those
      // forced by causal paths. (Costs one more check; it spares whole subtrees.)
      if (found_.empty() || !charge()) return !stop_;
      NodeMask forced = search_.forcedByCausalPaths(allowed_);
      for (Index v : chosen_) forced[v] = 1;
      return !containsFound(forced);
    }
    if (outcome_.count >= limits_.maxSets) {
      outcome_.truncated = stop_ = true;
      return false;
    }
    found_.push_back(normalized(chosen_));  // chosen_ is in search order, sets are sorted
    ++outcome_.count;
    if (!onSet(found_.back())) outcome_.truncated = stop_ = true;
    return false;
  }

  [[nodiscard]] bool containsFound(const NodeMask& nodes) const {
    for (const NodeSet& f : found_) {
      bool all = true;
      for (Index v : f) all = all && nodes[v] != 0;
      if (all) return true;
    }
    return false;
  }

  // Pays for one O(n + m) step; false (and stop) when the budget is spent.
  bool charge() {
    work_ += search_.checkCost();
    if (work_ <= limits_.maxWork) return true;
    outcome_.truncated = stop_ = true;
    return false;
  }

  bool check() { return charge() && search_.feasible(required_, allowed_); }

  const FrontDoorSearch& search_;
  std::size_t size_;
  NodeSet order_;
  FrontDoorLimits limits_;
  const Progress& progress_;
  NodeMask required_, allowed_;
  std::vector<std::uint8_t> stage_;  // per depth: where the frame is
  NodeSet chosen_;
  std::vector<NodeSet> found_;
  std::size_t work_ = 0;
  bool stop_ = false;
  EnumerationOutcome outcome_;
};

}  // namespace

EnumerationOutcome listMinimalFrontDoorSets(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                            const SetCallback& onSet, const FrontDoorLimits& limits,
                                            const Progress& progress) {
  if (exposure == outcome) return {};
  const FrontDoorSearch search(g, exposure, outcome);
  NodeSet order = search.candidates();
  if (order.empty()) {  // no front-door set, or the empty set is one (no causal path)
    if (!search.intercepts(NodeMask(g.size(), 0)) || limits.maxSets == 0) return {};
    EnumerationOutcome result;
    result.count = 1;
    result.truncated = !onSet(NodeSet{});
    return result;
  }
  // First the minimal sets inside the O(n + m) set (few candidates: quick even on huge graphs),
  // then all candidates; the second run skips what the first found.
  const std::optional<NodeSet> one = search.findOne();
  MinimalListing listing(search, g.size(), limits, progress);
  if (one) {
    NodeSet inside;
    for (Index v : order)
      if (std::binary_search(one->begin(), one->end(), v)) inside.push_back(v);
    listing.run(std::move(inside), onSet);
  }
  if (!listing.stopped()) listing.run(std::move(order), onSet);
  EnumerationOutcome result = listing.outcome();
  // Out of budget before the first minimal set: still give one valid set.
  if (result.count == 0 && result.truncated && !result.cancelled && limits.maxSets > 0 && one) {
    result.count = 1;
    (void)onSet(*one);
  }
  return result;
}

EnumerationOutcome listMinimalFrontDoorSets(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                            const SetCallback& onSet, std::size_t maxSets, const Progress& progress) {
  FrontDoorLimits limits;
  limits.maxSets = maxSets;
  return listMinimalFrontDoorSets(g, exposure, outcome, onSet, limits, progress);
}

}  // namespace causeway::identification
