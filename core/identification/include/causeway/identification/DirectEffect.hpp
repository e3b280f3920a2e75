#pragma once

#include <memory>
#include <optional>
#include <span>

#include "causeway/common/Progress.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Adjustment.hpp"
#include "causeway/identification/MixedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

// Adjustment for the direct effect of X on Y by Pearl's single-door criterion (Causality, 2009,
// Thm 5.3.1; DAGitty's isAdjustmentSetDirectEffect / listMsasDirectEffect): Z is valid when it
// has no descendant of Y and no latent node, and d-separates X and Y in G with the edge X -> Y
// removed. It identifies the path coefficient of X -> Y in a linear model; a nonparametric
// controlled direct effect needs more. Without an X -> Y edge the direct effect is 0 and the
// criterion is sufficient only (a set with a descendant of Y may still give 0; kept as DAGitty,
// see LinearSemOracleTest). One exposure and one outcome. The criterion ignores
// selection, so identify() refuses models with selected nodes (as DAGitty does) before using
// this class. Nodes marked adjusted are forced into every set.
namespace causeway::identification {

namespace detail {
struct SeparatorSetup;  // src/SeparatorSetup.hpp
}

class DirectEffectAnalysis {
 public:
  // Throws std::invalid_argument when x == y.
  DirectEffectAnalysis(const graph::IndexedGraph& g, Index exposure, Index outcome, bool forceAdjusted = true);

  [[nodiscard]] const NodeSet& forced() const { return forced_; }
  // `forbidden` lists nodes of Z that descend from Y (or are X); `openBiasingPath` a path open in
  // G without X -> Y. selectionPath is never set.
  [[nodiscard]] AdjustmentCheck check(std::span<const Index> z) const;
  [[nodiscard]] std::optional<NodeSet> minimalSet() const;
  EnumerationOutcome listMinimalSets(const SetCallback& onSet, std::size_t maxSets = kDefaultMaxSets,
                                     const Progress& progress = {}) const;

 private:
  [[nodiscard]] std::unique_ptr<detail::SeparatorSetup> setup() const;

  const graph::IndexedGraph* g_;
  Index x_, y_;
  MixedGraph cut_;  // G without X -> Y
  NodeMask forb_;   // de(Y) ∪ {X}
  NodeSet forced_;
};

}  // namespace causeway::identification
