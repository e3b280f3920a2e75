#pragma once

#include <span>
#include <string>

#include "causeway/graph/IndexedGraph.hpp"

namespace causeway::study {

struct NegativeControlJudgement {
  bool expectedZero = false;
  std::string explanation;
};

// Whether adjusting for `adjustment` makes the estimated effect of `exposure` on the
// negative-control outcome `nco` zero under the diagram: there is no causal path exposure -> nco
// and the set is a valid adjustment set for (exposure, nco) (it d-separates them in the proper
// back-door graph). Otherwise the explanation names the causal path or the open biasing path.
// An NCO that shares no confounder with the exposure is flagged as unable to detect confounding.
[[nodiscard]] NegativeControlJudgement judgeNegativeControlOutcome(const graph::IndexedGraph& g,
                                                                   graph::IndexedGraph::Index exposure,
                                                                   graph::IndexedGraph::Index nco,
                                                                   std::span<const graph::IndexedGraph::Index> adjustment);

}  // namespace causeway::study
