#pragma once

// Shared helpers for the identification tests: models from DAGitty text, canonical strings for
// expected answers, seeded random graphs, and brute-force oracles written straight from the
// definitions (slow, independent of the library's transforms).

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"
#include "causeway/identification/Path.hpp"

namespace causeway::identification::test {

graph::IndexedGraph model(const std::string& dagitty);
// "v12" from ('v', 12). (Appending avoids GCC 12's false -Wrestrict on "literal" + string.)
std::string indexedName(const char* prefix, std::size_t i);
NodeSet named(const graph::IndexedGraph& g, const std::vector<std::string>& names);
// "{A, B} {C}": each set's names sorted, sets sorted; "" when there are none.
std::string canonical(const graph::IndexedGraph& g, const std::vector<NodeSet>& sets);

struct RandomGraphOptions {
  std::size_t minNodes = 2;
  std::size_t maxNodes = 10;
  double edgeProbability = 0.3;
  double bidirectedProbability = 0.05;
  double latentProbability = 0.15;
  double adjustedProbability = 0.0;
  double selectedProbability = 0.0;
  std::size_t maxExposures = 2;
  std::size_t maxOutcomes = 2;
};
// A random model on nodes "v0", "v1", ... with random roles; at least one exposure and outcome
// when the graph has two or more nodes.
graph::IndexedGraph randomModel(std::mt19937& rng, const RandomGraphOptions& options);

// Rebuilds an editable graph (for printing a failing case, or for surgery in oracles).
graph::CausalGraph toCausalGraph(const graph::IndexedGraph& g, const NodeMask* dropOutgoing = nullptr);

// --- Oracles --------------------------------------------------------------------------------
// Every simple path between a and b (edges in either direction, bidirected included).
std::vector<Path> allPaths(const graph::IndexedGraph& g, Index a, Index b);
// Path-based d-separation (every path blocked), selected nodes NOT added.
bool pathOpen(const graph::IndexedGraph& g, const Path& p, const NodeMask& z);
bool bruteDSeparated(const graph::IndexedGraph& g, const NodeSet& x, const NodeSet& y, const NodeSet& z);
// The adjustment criterion from its definition (cn by directed path enumeration), d-separation
// in G^pbd checked path by path. Selected nodes S are added to Z; wholePopulation also requires
// Y d-separated from S given nothing in G^pbd (selection bias, DAGitty's isAdjustmentSet(g, Z, S)).
bool bruteValidAdjustment(const graph::IndexedGraph& g, const NodeSet& x, const NodeSet& y, const NodeSet& z,
                          bool wholePopulation = true);
// cn(X, Y) by enumerating directed paths (X excluded); de / an by plain graph walks (seeds included).
NodeMask bruteCn(const graph::IndexedGraph& g, const NodeSet& x, const NodeSet& y);
NodeMask bruteDescendants(const graph::IndexedGraph& g, const NodeSet& seeds);
NodeMask bruteAncestors(const graph::IndexedGraph& g, const NodeSet& seeds);
// G^pbd rebuilt by hand (the first edge X -> c of every proper causal path dropped), same indices.
graph::IndexedGraph bruteProperBackdoorGraph(const graph::IndexedGraph& g, const NodeSet& x, const NodeSet& y);
// Every subset of `candidates` (at most ~14 nodes).
std::vector<NodeSet> subsetsOf(const NodeSet& candidates);
// The inclusion-minimal sets among those containing `forced` that satisfy `valid`.
std::vector<NodeSet> bruteMinimal(const NodeSet& candidates, const NodeSet& forced,
                                  const std::function<bool(const NodeSet&)>& valid);

}  // namespace causeway::identification::test
