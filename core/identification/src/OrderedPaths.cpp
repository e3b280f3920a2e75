#include <limits>

#include "causeway/identification/GraphTransforms.hpp"
#include "causeway/identification/MixedGraph.hpp"
#include "causeway/identification/PathEnumeration.hpp"

namespace causeway::identification {

namespace {

// Directed paths X -> ... -> Y whose interior avoids X and Y, by depth-first search through nodes
// that still reach an outcome without passing an exposure: every branch ends at an outcome.
// Returns false when stopped (cap, step budget or cancellation).
bool causalPaths(const graph::IndexedGraph& g, std::span<const Index> exposures, std::span<const Index> outcomes,
                 const PathOptions& options, const Progress& progress, std::vector<Path>& out, bool& cancelled) {
  const MixedGraph mg(g);
  const std::size_t n = g.size();
  const NodeMask inX = maskOf(exposures, n), inY = maskOf(outcomes, n);
  NodeMask reachesY = inY;
  std::vector<Index> stack(outcomes.begin(), outcomes.end());
  while (!stack.empty()) {
    const Index v = stack.back();
    stack.pop_back();
    for (Index p : mg.parents(v))
      if (reachesY[p] == 0 && inX[p] == 0) reachesY[p] = 1, stack.push_back(p);
  }
  struct Frame {
    Index node;
    std::size_t next;
  };
  std::size_t steps = 0;
  for (Index x : exposures) {
    Path path;
    path.nodes.push_back(x);
    std::vector<Frame> frames{{x, 0}};
    while (!frames.empty()) {
      if (++steps > options.maxSteps || (steps % 1024 == 0 && progress.cancelled())) {
        cancelled = steps <= options.maxSteps;
        return false;
      }
      Frame& f = frames.back();
      const auto children = mg.children(f.node);
      if (f.next == children.size()) {
        frames.pop_back();
        path.nodes.pop_back();
        if (!path.steps.empty()) path.steps.pop_back();
        continue;
      }
      const Index w = children[f.next++];
      if (inY[w] != 0) {
        if (out.size() >= options.maxPaths) return false;
        Path found = path;
        found.nodes.push_back(w);
        found.steps.push_back(Step::Forward);
        out.push_back(std::move(found));
        continue;
      }
      if (reachesY[w] == 0) continue;  // also skips exposures
      path.nodes.push_back(w);
      path.steps.push_back(Step::Forward);
      frames.push_back({w, 0});
    }
  }
  return true;
}

}  // namespace

OrderedPaths listPathsInOrder(const graph::IndexedGraph& g, std::span<const Index> exposures,
                              std::span<const Index> outcomes, std::span<const Index> z, const PathOptions& options,
                              const Progress& progress) {
  OrderedPaths result;
  std::vector<Path> causal;
  result.truncated = !causalPaths(g, exposures, outcomes, options, progress, causal, result.cancelled);
  if (result.cancelled) return result;
  for (Path& p : causal) result.paths.push_back(classifyPath(g, std::move(p), z));
  const std::size_t room = options.maxPaths - result.paths.size();
  if (result.truncated) return result;  // causal paths alone fill the room
  // The biasing paths: open ones until the room is full, closed ones kept while there is room.
  std::vector<ClassifiedPath> open, closed;
  bool overflow = false;
  PathOptions all = options;
  all.maxPaths = std::numeric_limits<std::size_t>::max();
  const auto outcome = enumeratePaths(
      g, exposures, outcomes, z,
      [&](const ClassifiedPath& p) {
        if (p.causal) return true;
        if (room == 0) {  // only asks whether a biasing path exists
          overflow = true;
          return false;
        }
        auto& bucket = p.open ? open : closed;
        if (bucket.size() < room) {
          bucket.push_back(p);
          return true;
        }
        overflow = true;
        return !p.open;  // more open paths than room: no closed one can be shown, stop
      },
      all, progress);
  result.cancelled = outcome.cancelled;
  result.truncated = result.truncated || overflow || outcome.truncated || open.size() + closed.size() > room;
  for (auto* bucket : {&open, &closed})
    for (ClassifiedPath& p : *bucket)
      if (result.paths.size() < options.maxPaths) result.paths.push_back(std::move(p));
  return result;
}

}  // namespace causeway::identification
