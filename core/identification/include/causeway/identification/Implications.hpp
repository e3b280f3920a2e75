#pragma once

#include <functional>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

// Testable implications of a model, as DAGitty lists them
// (impliedConditionalIndependencies, types "missing.edge" and "basis.set").
namespace causeway::identification {

// x ⊥ y | given. In listings x's name sorts before y's.
struct Implication {
  Index x = kNoIndex;
  Index y = kNoIndex;
  NodeSet given;
  bool operator==(const Implication&) const = default;
};

// Basis set entry: v ⊥ others | parents(v).
struct BasisImplication {
  Index node = kNoIndex;
  NodeSet independentOf;  // observed non-descendants other than the parents
  NodeSet given;          // the parents
};

using ImplicationCallback = std::function<bool(const Implication&)>;

// For each non-adjacent pair of observed, unselected variables (pairs in name order), every
// minimal set of observed variables that d-separates them (sets in name order), streamed with
// polynomial delay. Selected nodes are conditioned on implicitly and not listed. `maxCount`
// caps the number of implications.
EnumerationOutcome listImpliedIndependencies(const graph::IndexedGraph& g, const ImplicationCallback& onImplication,
                                             std::size_t maxCount = kDefaultMaxSets, const Progress& progress = {});

// Each observed variable independent of its non-descendants given its parents, in topological
// order; variables with a latent parent, a bidirected edge or no non-descendants to name are
// skipped, as is any statement that conditioning on selected nodes would break.
std::vector<BasisImplication> basisSet(const graph::IndexedGraph& g);

// "A _||_ B | C, D" (DAGitty's notation).
std::string formatImplication(const graph::IndexedGraph& g, const Implication& implication);

}  // namespace causeway::identification
