#pragma once

// Small random DAGs for the semantic oracles (SelectionOracleTest, LinearSemOracleTest): the
// structure is kept in plain form (parents by topological position) so the oracles compute
// distributions from it directly, never through the library's graph algorithms.

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

namespace causeway::identification::test {

struct OracleDagOptions {
  std::size_t minNodes = 4;
  std::size_t maxNodes = 6;
  double edgeProbability = 0.45;
  double latentProbability = 0.2;
  double exposureToOutcomeEdge = 0.6;  // chance of forcing X -> Y (direct effects need it)
  bool selection = false;              // add one observed selection node S
};

// Nodes 0..n-1 are in topological order; parents[j] holds nodes before j.
struct OracleDag {
  std::size_t n = 0;
  std::vector<std::vector<std::size_t>> parents;
  std::size_t x = 0, y = 0;
  std::optional<std::size_t> s;
  std::vector<bool> latent;
  std::string text;           // the model in DAGitty syntax (printed when a case fails)
  graph::IndexedGraph g;      // the library's view of `text`
  std::vector<Index> index;   // node -> library index
};

OracleDag randomOracleDag(std::mt19937& rng, const OracleDagOptions& options);
// Observed nodes other than X, Y and S: the nodes an adjustment set may use.
std::vector<std::size_t> candidateNodes(const OracleDag& d);
// Every subset of `nodes` (a handful at most).
std::vector<std::vector<std::size_t>> subsets(const std::vector<std::size_t>& nodes);
NodeSet libraryIndices(const OracleDag& d, const std::vector<std::size_t>& nodes);

}  // namespace causeway::identification::test
