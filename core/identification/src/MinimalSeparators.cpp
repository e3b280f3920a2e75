#include "causeway/identification/MinimalSeparators.hpp"

#include <algorithm>

namespace causeway::identification {

namespace {

// The search state is the "source side" A (nodes that must end up connected to the sources)
// and B ⊆ N(A) (boundary nodes that must stay in the separator). For a state, D is the
// component of the targets once A and its boundary are removed, and S* = N(D) is the minimal
// separator closest to the targets with A on the source side. Every minimal separator S with
// A ⊆ C_sources(S) and B ⊆ S satisfies S = N(C_targets(S)) with C_targets(S) ⊆ D, so the state
// has a solution iff B ⊆ S*. A state emits S* and branches on the boundary nodes v1..vk of
// S* \ B: child j moves vj to the source side and v1..vj-1 into B. The children partition the
// remaining solutions, so each separator is emitted once and every explored state emits one.
class SeparatorSearch {
 public:
  explicit SeparatorSearch(const SeparatorProblem& p)
      : p_(p), g_(*p.graph), n_(g_.size()), inA_(n_, 0), inB_(n_, 0), isTarget_(maskOf(p.targets, n_)),
        dStamp_(n_, 0), sStamp_(n_, 0) {}

  // Enters the root state; false when the sources cannot be separated at all.
  bool start() {
    for (Index s : p_.sources)
      if (inA_[s] == 0 && p_.removed[s] == 0) addToA(s);
    return grow(0);
  }
  const NodeSet& separator() const { return separator_; }

  EnumerationOutcome list(const SetCallback& onSet, std::size_t maxSets, const Progress& progress) {
    EnumerationOutcome outcome;
    if (!start()) return outcome;
    auto emit = [&]() {
      if (outcome.count >= maxSets) {
        outcome.truncated = true;
        return false;
      }
      ++outcome.count;
      if (!onSet(separator_)) {
        outcome.truncated = true;
        return false;
      }
      return true;
    };
    if (!emit()) return outcome;
    struct Frame {
      std::size_t aMark;
      std::size_t bMark;
      NodeSet candidates;
      std::size_t next = 0;
    };
    std::vector<Frame> stack;
    stack.push_back({0, 0, candidates(), 0});
    while (!stack.empty()) {
      if (progress.cancelled()) {
        outcome.cancelled = true;
        return outcome;
      }
      Frame& f = stack.back();
      if (f.next == f.candidates.size()) {
        undoA(f.aMark);
        undoB(f.bMark);
        stack.pop_back();
        continue;
      }
      if (f.next > 0) addToB(f.candidates[f.next - 1]);
      const Index v = f.candidates[f.next++];
      const std::size_t aStart = aList_.size();
      addToA(v);
      if (!grow(aStart)) {
        undoA(aStart);
        continue;
      }
      if (!emit()) return outcome;
      stack.push_back({aStart, bList_.size(), candidates(), 0});
    }
    return outcome;
  }

 private:
  void addToA(Index v) {
    inA_[v] = 1;
    aList_.push_back(v);
  }
  void addToB(Index v) {
    inB_[v] = 1;
    bList_.push_back(v);
  }
  void undoA(std::size_t mark) {
    while (aList_.size() > mark) {
      inA_[aList_.back()] = 0;
      aList_.pop_back();
    }
  }
  void undoB(std::size_t mark) {
    while (bList_.size() > mark) {
      inB_[bList_.back()] = 0;
      bList_.pop_back();
    }
  }
  bool usable(Index w) const { return p_.removed[w] == 0; }
  bool touchesA(Index w) const {
    const auto nb = g_.neighbors(w);
    return std::any_of(nb.begin(), nb.end(), [&](Index u) { return inA_[u] != 0; });
  }

  NodeSet candidates() const {
    NodeSet out;
    for (Index s : separator_)
      if (inB_[s] == 0) out.push_back(s);
    return out;
  }

  // Brings the state with new A nodes aList_[aStart..] to normal form and computes S*.
  // Returns false (leaving A to be undone by the caller) when the state has no solution.
  bool grow(std::size_t aStart) {
    // 1. Nodes that may not separate and touch A must lie on the source side.
    for (std::size_t i = aStart; i < aList_.size(); ++i)
      for (Index w : g_.neighbors(aList_[i])) {
        if (inA_[w] != 0 || !usable(w) || p_.allowed[w] != 0) continue;
        if (isTarget_[w] != 0) return false;
        addToA(w);
      }
    // 2. D: the targets' component without A and its boundary; S* = the boundary nodes D meets.
    ++stamp_;
    separator_.clear();
    queue_.clear();
    for (Index t : p_.targets) {
      if (!usable(t) || dStamp_[t] == stamp_) continue;
      if (inA_[t] != 0 || touchesA(t)) return false;
      dStamp_[t] = stamp_;
      queue_.push_back(t);
    }
    for (std::size_t head = 0; head < queue_.size(); ++head)
      for (Index w : g_.neighbors(queue_[head])) {
        if (!usable(w) || dStamp_[w] == stamp_ || sStamp_[w] == stamp_) continue;
        if (touchesA(w)) {
          sStamp_[w] = stamp_;
          separator_.push_back(w);
        } else {
          dStamp_[w] = stamp_;
          queue_.push_back(w);
        }
      }
    // 3. Nodes required in the separator must be adjacent to D.
    for (Index b : bList_)
      if (sStamp_[b] != stamp_) return false;
    // 4. Everything reachable from A without crossing S* joins the source side.
    for (std::size_t i = 0; i < aList_.size(); ++i)
      for (Index w : g_.neighbors(aList_[i]))
        if (inA_[w] == 0 && usable(w) && sStamp_[w] != stamp_) addToA(w);
    std::sort(separator_.begin(), separator_.end());
    return true;
  }

  const SeparatorProblem& p_;
  const UndirectedGraph& g_;
  std::size_t n_;
  NodeMask inA_, inB_, isTarget_;
  std::vector<Index> aList_, bList_, queue_;
  std::vector<std::uint32_t> dStamp_, sStamp_;
  std::uint32_t stamp_ = 0;
  NodeSet separator_;
};

}  // namespace

std::optional<NodeSet> closestMinimalSeparator(const SeparatorProblem& problem) {
  SeparatorSearch search(problem);
  if (!search.start()) return std::nullopt;
  return search.separator();
}

EnumerationOutcome listMinimalSeparators(const SeparatorProblem& problem, const SetCallback& onSet,
                                         std::size_t maxSets, const Progress& progress) {
  SeparatorSearch search(problem);
  return search.list(onSet, maxSets, progress);
}

}  // namespace causeway::identification
