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
// Z to Y). Violations of (iii) only grow when Z shrinks, so the largest set satisfying (ii) and
// (iii) is found by pruning, and a front-door set exists iff it satisfies (i) (as in Wienöbst,
// van der Zander & Liśkiewicz, AAAI 2024). Selected nodes are always conditioned on.
namespace causeway::identification {

[[nodiscard]] bool isFrontDoorSet(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                  std::span<const Index> z);

// One front-door set (the largest one trimmed node by node while it stays valid), or nullopt.
// Polynomial: O(n^2 (n + m)) at worst.
std::optional<NodeSet> findFrontDoorSet(const graph::IndexedGraph& g, Index exposure, Index outcome);

// The inclusion-minimal front-door sets, in lexicographic order of a fixed node order, by a
// backtracking search whose every branch is checked to still hold a front-door set. Sets that
// contain a smaller one already found are pruned; capped and cancellable.
EnumerationOutcome listMinimalFrontDoorSets(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                            const SetCallback& onSet, std::size_t maxSets = kDefaultMaxSets,
                                            const Progress& progress = {});

}  // namespace causeway::identification
