#pragma once

#include <optional>
#include <span>

#include "causeway/common/Progress.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

// Pearl's front-door criterion for one exposure X and outcome Y. Z (observed) is a front-door
// set when (i) Z intercepts every directed path X -> ... -> Y, (ii) X and Z are d-separated in
// G with X's outgoing edges removed (no open back-door path from X to Z), and (iii) Z and Y are
// d-separated given X in G with Z's outgoing edges removed (X blocks every back-door path from
// Z to Y). Violations of (iii) only grow when Z shrinks, so there is a largest set satisfying
// (ii) and (iii), found by one walk in O(n + m), and a front-door set exists iff it satisfies
// (i) (Wienöbst, van der Zander & Liśkiewicz, AAAI 2024). Selected nodes are always conditioned on.
namespace causeway::identification {

[[nodiscard]] bool isFrontDoorSet(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                  std::span<const Index> z);

// One front-door set in O(n + m), or nullopt: the first candidates on the causal paths from X
// plus those a back-door walk from Y would climb into. Valid, not necessarily minimal.
std::optional<NodeSet> findFrontDoorSet(const graph::IndexedGraph& g, Index exposure, Index outcome);

// Caps on the listing below. Each step of the search costs one O(n + m) check; `maxWork`
// bounds the sum of their costs (nodes + edges per check), so a big graph cannot hang it.
struct FrontDoorLimits {
  std::size_t maxSets = kDefaultMaxSets;
  std::size_t maxWork = 100'000'000;
};

// The inclusion-minimal front-door sets, by a backtracking search whose every branch is checked
// (in O(n + m)) to still hold a front-door set; sets that contain one already found are pruned.
// Those inside the set of findFrontDoorSet come first (found quickly even on huge graphs), then
// the rest in lexicographic order of a fixed node order (mediators nearest Y first). There is no
// polynomial bound between two sets, so the work budget bounds the search: it stops at the caps
// (truncated) or the stop token (cancelled). Should the budget run out before any minimal set,
// the set of findFrontDoorSet is delivered instead (valid, maybe not minimal; truncated is set).
EnumerationOutcome listMinimalFrontDoorSets(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                            const SetCallback& onSet, const FrontDoorLimits& limits,
                                            const Progress& progress = {});
EnumerationOutcome listMinimalFrontDoorSets(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                            const SetCallback& onSet, std::size_t maxSets = kDefaultMaxSets,
                                            const Progress& progress = {});

}  // namespace causeway::identification
