#include "causeway/identification/DSeparation.hpp"

#include <algorithm>
#include <stdexcept>

#include "causeway/identification/GraphTransforms.hpp"

namespace causeway::identification {

namespace {

// Traversal state: a node entered against an edge's direction (from a child: "up", the node's
// tail faces us) or with it (from a parent or sibling: "down", an arrowhead at the node).
constexpr std::size_t kUp = 0;
constexpr std::size_t kDown = 1;
std::size_t state(Index v, std::size_t dir) { return static_cast<std::size_t>(v) * 2 + dir; }

struct Traversal {
  std::vector<std::uint8_t> visited;  // per state
  std::vector<std::size_t> previous;  // per state, for path recovery; SIZE_MAX at a start
  std::vector<Step> step;             // per state: the step that entered it
  std::size_t hit = SIZE_MAX;         // first state that reached a target
};

// Breadth-first Bayes-ball from X. Stops early at the first target when `target` is given.
Traversal bayesBall(const MixedGraph& g, std::span<const Index> x, const NodeMask& z, const NodeMask* target,
                    bool recordPaths) {
  const std::size_t n = g.size();
  const NodeMask anZ = ancestors(g, setOf(z));
  const NodeMask inX = maskOf(x, n);
  Traversal t;
  t.visited.assign(2 * n, 0);
  if (recordPaths) {
    t.previous.assign(2 * n, SIZE_MAX);
    t.step.assign(2 * n, Step::Forward);
  }
  std::vector<std::size_t> queue;
  queue.reserve(2 * n);
  for (Index s : x)
    if (z[s] == 0 && t.visited[state(s, kUp)] == 0) {
      t.visited[state(s, kUp)] = 1;
      queue.push_back(state(s, kUp));
    }
  auto visit = [&](std::size_t from, Index w, std::size_t dir, Step how) {
    const std::size_t s = state(w, dir);
    if (t.visited[s] != 0) return;
    t.visited[s] = 1;
    if (recordPaths) {
      t.previous[s] = from;
      t.step[s] = how;
    }
    queue.push_back(s);
    if (target != nullptr && (*target)[w] != 0 && z[w] == 0 && inX[w] == 0 && t.hit == SIZE_MAX) t.hit = s;
  };
  for (std::size_t head = 0; head < queue.size() && t.hit == SIZE_MAX; ++head) {
    const std::size_t s = queue[head];
    const auto v = static_cast<Index>(s / 2);
    const bool up = s % 2 == kUp;
    // Non-collider at v (entered from a child, or a start): open unless v is conditioned on.
    const bool passOn = z[v] == 0;
    // Collider at v (entered with an arrowhead): open iff v or a descendant is conditioned on.
    const bool bounce = !up && anZ[v] != 0;
    if (up && passOn) {
      for (Index p : g.parents(v))
        visit(s, p, kUp, Step::Backward);
      for (Index c : g.children(v))
        visit(s, c, kDown, Step::Forward);
      for (Index b : g.siblings(v))
        visit(s, b, kDown, Step::Bidirected);
    }
    if (!up && passOn)
      for (Index c : g.children(v))
        visit(s, c, kDown, Step::Forward);
    if (bounce) {
      for (Index p : g.parents(v))
        visit(s, p, kUp, Step::Backward);
      for (Index b : g.siblings(v))
        visit(s, b, kDown, Step::Bidirected);
    }
  }
  return t;
}

// Shortcuts a d-connecting walk into a simple path: jumping from a node's first to its last
// occurrence keeps the walk open (a node met twice is either a non-collider outside Z or an
// ancestor of Z, so whatever it becomes it stays open).
Path simplify(const Path& walk) {
  std::vector<std::size_t> last(walk.nodes.empty() ? 0 : *std::max_element(walk.nodes.begin(), walk.nodes.end()) + 1);
  for (std::size_t i = 0; i < walk.nodes.size(); ++i) last[walk.nodes[i]] = i;
  Path path;
  std::size_t i = last[walk.nodes[0]];
  path.nodes.push_back(walk.nodes[i]);
  while (i + 1 < walk.nodes.size()) {
    path.steps.push_back(walk.steps[i]);
    i = last[walk.nodes[i + 1]];
    path.nodes.push_back(walk.nodes[i]);
  }
  return path;
}

}  // namespace

NodeMask dConnected(const MixedGraph& g, std::span<const Index> x, const NodeMask& z) {
  const Traversal t = bayesBall(g, x, z, nullptr, false);
  NodeMask out(g.size(), 0);
  for (Index v = 0; v < g.size(); ++v)
    if ((t.visited[state(v, kUp)] | t.visited[state(v, kDown)]) != 0 && z[v] == 0) out[v] = 1;
  for (Index s : x) out[s] = 0;
  return out;
}

bool dSeparated(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y, const NodeMask& z) {
  const NodeMask target = maskOf(y, g.size());
  if (intersects(x, target)) return false;
  return bayesBall(g, x, z, &target, false).hit == SIZE_MAX;
}

std::optional<Path> findOpenPath(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y,
                                 const NodeMask& z) {
  const NodeMask target = maskOf(y, g.size());
  const Traversal t = bayesBall(g, x, z, &target, true);
  if (t.hit == SIZE_MAX) return std::nullopt;
  Path walk;
  for (std::size_t s = t.hit; s != SIZE_MAX; s = t.previous[s]) {
    walk.nodes.push_back(static_cast<Index>(s / 2));
    if (t.previous[s] != SIZE_MAX) walk.steps.push_back(t.step[s]);
  }
  std::reverse(walk.nodes.begin(), walk.nodes.end());
  std::reverse(walk.steps.begin(), walk.steps.end());
  Path path = simplify(walk);
  // Keep the part after the last exposure; sub-paths of an open path with the same interior
  // statuses stay open.
  const NodeMask inX = maskOf(x, g.size());
  std::size_t start = 0;
  for (std::size_t i = 0; i < path.nodes.size(); ++i)
    if (inX[path.nodes[i]] != 0) start = i;
  path.nodes.erase(path.nodes.begin(), path.nodes.begin() + static_cast<std::ptrdiff_t>(start));
  path.steps.erase(path.steps.begin(), path.steps.begin() + static_cast<std::ptrdiff_t>(start));
  return path;
}

NodeMask conditioningMask(const graph::IndexedGraph& g, std::span<const Index> z, std::span<const Index> x,
                          std::span<const Index> y) {
  NodeMask mask = maskOf(z, g.size());
  for (Index v : g.withRole(graph::Role::Selected)) mask[v] = 1;
  for (Index v : x) mask[v] = 0;
  for (Index v : y) mask[v] = 0;
  return mask;
}

namespace {
void requireDisjoint(std::span<const Index> a, std::span<const Index> z, std::size_t n, const char* what) {
  const NodeMask inZ = maskOf(z, n);
  if (intersects(a, inZ)) throw std::invalid_argument(std::string("dSeparated: the conditioning set contains ") + what);
}
}  // namespace

bool dSeparated(const graph::IndexedGraph& g, std::span<const Index> x, std::span<const Index> y,
                std::span<const Index> z) {
  requireDisjoint(x, z, g.size(), "a node of X");
  requireDisjoint(y, z, g.size(), "a node of Y");
  return dSeparated(MixedGraph(g), x, y, conditioningMask(g, z, x, y));
}

NodeSet dConnectedNodes(const graph::IndexedGraph& g, std::span<const Index> x, std::span<const Index> z) {
  requireDisjoint(x, z, g.size(), "a node of X");
  const NodeMask cond = conditioningMask(g, z, x);
  return setOf(dConnected(MixedGraph(g), x, cond));
}

}  // namespace causeway::identification
