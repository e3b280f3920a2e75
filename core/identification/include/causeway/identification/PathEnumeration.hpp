#pragma once

#include <functional>
#include <span>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"
#include "causeway/identification/Path.hpp"

// The paths between exposures and outcomes, each classified as DAGitty colours them: causal
// (directed X -> ... -> Y) or biasing, and open or closed given a conditioning set.
namespace causeway::identification {

struct ClassifiedPath {
  Path path;
  bool causal = false;  // every step Forward
  bool open = false;    // open given Z (and selected nodes)
  // Where the path is closed: the first blocking node (kNoIndex when open) and why.
  Index blockedAt = kNoIndex;
  bool blockedByCollider = false;  // true: an unconditioned collider; false: a conditioned non-collider
};

struct PathOptions {
  std::size_t maxPaths = 100;
  // Search steps before giving up (simple paths can be exponentially many): keeps big graphs responsive.
  std::size_t maxSteps = 2'000'000;
};

using PathCallback = std::function<bool(const ClassifiedPath&)>;

// Streams the simple paths from each exposure to each outcome whose interior avoids exposures
// and outcomes, found depth-first (only through parts of the graph that touch both ends).
EnumerationOutcome enumeratePaths(const graph::IndexedGraph& g, std::span<const Index> exposures,
                                  std::span<const Index> outcomes, std::span<const Index> z, const PathCallback& onPath,
                                  const PathOptions& options = {}, const Progress& progress = {});

// The paths in the order a reader needs them, at most options.maxPaths in all: every causal path
// first (found by a search that follows only edges leading on to an outcome, so a huge number of
// biasing paths cannot hide them), then open biasing paths, then closed ones. `truncated` when
// more paths exist than were kept, or the biasing search hit options.maxSteps.
struct OrderedPaths {
  std::vector<ClassifiedPath> paths;
  bool truncated = false;
  bool cancelled = false;
};
OrderedPaths listPathsInOrder(const graph::IndexedGraph& g, std::span<const Index> exposures,
                              std::span<const Index> outcomes, std::span<const Index> z, const PathOptions& options = {},
                              const Progress& progress = {});

// Classifies one path given a conditioning set (selected nodes are added to it).
ClassifiedPath classifyPath(const graph::IndexedGraph& g, Path path, std::span<const Index> z);

}  // namespace causeway::identification
