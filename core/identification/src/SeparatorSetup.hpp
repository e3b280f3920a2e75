#pragma once

#include <optional>

#include "causeway/identification/GraphTransforms.hpp"
#include "causeway/identification/MinimalSeparators.hpp"

namespace causeway::identification::detail {

// A separator search on a moral graph (the problem points into `moral`, so the pair is held by
// pointer and never moved). Adjustment sets and direct-effect sets are both its minimal
// separators mapped back to the graph's nodes, plus the nodes forced into every set.
struct SeparatorSetup {
  MoralGraph moral;
  SeparatorProblem problem;
};

// nullopt when there is no setup (forced nodes that cannot be adjusted for) or no separator.
[[nodiscard]] std::optional<NodeSet> closestMinimalSet(const SeparatorSetup* setup, const NodeSet& forced);

EnumerationOutcome listMinimalSets(const SeparatorSetup* setup, const NodeSet& forced, const SetCallback& onSet,
                                   std::size_t maxSets, const Progress& progress);

}  // namespace causeway::identification::detail
