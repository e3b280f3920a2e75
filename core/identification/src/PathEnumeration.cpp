#include "causeway/identification/PathEnumeration.hpp"

#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/GraphTransforms.hpp"

namespace causeway::identification {

namespace {

ClassifiedPath classify(const MixedGraph& g, Path path, const NodeMask& z, const NodeMask& anZ) {
  ClassifiedPath c;
  c.causal = true;
  for (Step s : path.steps) c.causal = c.causal && s == Step::Forward;
  c.open = true;
  for (std::size_t i = 1; i + 1 < path.nodes.size(); ++i) {
    const Index v = path.nodes[i];
    const bool collider = isCollider(path, i);
    if (collider ? anZ[v] == 0 : z[v] != 0) {
      c.open = false;
      c.blockedAt = v;
      c.blockedByCollider = collider;
      break;
    }
  }
  (void)g;
  c.path = std::move(path);
  return c;
}

// Nodes that can lie inside a path: those in components of G - (X ∪ Y) touching both an
// exposure and an outcome (undirected view). Cheap pruning that keeps the search local.
NodeMask interiorCandidates(const MixedGraph& g, const NodeMask& ends, const NodeMask& inX, const NodeMask& inY) {
  const std::size_t n = g.size();
  std::vector<Index> component(n, kNoIndex);
  NodeMask keep(n, 0);
  std::vector<Index> members, stack;
  for (Index s = 0; s < n; ++s) {
    if (ends[s] != 0 || component[s] != kNoIndex) continue;
    members.clear();
    bool touchesX = false, touchesY = false;
    stack.assign(1, s);
    component[s] = s;
    while (!stack.empty()) {
      const Index v = stack.back();
      stack.pop_back();
      members.push_back(v);
      auto step = [&](Index w) {
        if (ends[w] != 0) {
          touchesX = touchesX || inX[w] != 0;
          touchesY = touchesY || inY[w] != 0;
        } else if (component[w] == kNoIndex) {
          component[w] = s;
          stack.push_back(w);
        }
      };
      for (Index w : g.parents(v)) step(w);
      for (Index w : g.children(v)) step(w);
      for (Index w : g.siblings(v)) step(w);
    }
    if (touchesX && touchesY)
      for (Index v : members) keep[v] = 1;
  }
  return keep;
}

}  // namespace

ClassifiedPath classifyPath(const graph::IndexedGraph& g, Path path, std::span<const Index> z) {
  const MixedGraph mg(g);
  const NodeMask cond = conditioningMask(g, z);
  return classify(mg, std::move(path), cond, ancestors(mg, setOf(cond)));
}

EnumerationOutcome enumeratePaths(const graph::IndexedGraph& g, std::span<const Index> exposures,
                                  std::span<const Index> outcomes, std::span<const Index> z, const PathCallback& onPath,
                                  const PathOptions& options, const Progress& progress) {
  EnumerationOutcome result;
  const MixedGraph mg(g);
  const std::size_t n = g.size();
  const NodeMask inX = maskOf(exposures, n), inY = maskOf(outcomes, n);
  NodeMask ends(n, 0);
  for (Index v = 0; v < n; ++v) ends[v] = static_cast<std::uint8_t>(inX[v] | inY[v]);
  const NodeMask keep = interiorCandidates(mg, ends, inX, inY);
  const NodeMask cond = conditioningMask(g, z, exposures, outcomes);
  const NodeMask anZ = ancestors(mg, setOf(cond));

  // Iterative depth-first search: a frame is a node and how far its edge lists were tried.
  struct Frame {
    Index node;
    std::size_t next;
  };
  NodeMask visiting(n, 0);
  std::size_t steps = 0;
  for (Index x : exposures) {
    Path path;
    path.nodes.push_back(x);
    std::vector<Frame> stack{{x, 0}};
    visiting[x] = 1;
    while (!stack.empty()) {
      if (++steps > options.maxSteps || (steps % 1024 == 0 && progress.cancelled())) {
        result.truncated = steps > options.maxSteps;
        result.cancelled = !result.truncated;
        return result;
      }
      Frame& f = stack.back();
      const Index v = f.node;
      const auto pa = mg.parents(v), ch = mg.children(v), sb = mg.siblings(v);
      const std::size_t total = ch.size() + pa.size() + sb.size();
      if (f.next == total) {
        visiting[v] = 0;
        stack.pop_back();
        path.nodes.pop_back();
        if (!path.steps.empty()) path.steps.pop_back();
        continue;
      }
      const std::size_t k = f.next++;
      Index w;
      Step s;
      if (k < ch.size()) w = ch[k], s = Step::Forward;
      else if (k < ch.size() + pa.size()) w = pa[k - ch.size()], s = Step::Backward;
      else w = sb[k - ch.size() - pa.size()], s = Step::Bidirected;
      if (visiting[w] != 0) continue;
      if (inY[w] != 0) {
        Path found = path;
        found.nodes.push_back(w);
        found.steps.push_back(s);
        if (result.count >= options.maxPaths) {
          result.truncated = true;
          return result;
        }
        ++result.count;
        if (!onPath(classify(mg, std::move(found), cond, anZ))) {
          result.truncated = true;
          return result;
        }
        continue;
      }
      if (keep[w] == 0) continue;
      visiting[w] = 1;
      path.nodes.push_back(w);
      path.steps.push_back(s);
      stack.push_back({w, 0});
    }
  }
  return result;
}

}  // namespace causeway::identification
