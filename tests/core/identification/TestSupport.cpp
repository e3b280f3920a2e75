#include "TestSupport.hpp"

#include <algorithm>
#include <stdexcept>

namespace causeway::identification::test {

using graph::EdgeKind;
using graph::Role;

graph::IndexedGraph model(const std::string& dagitty) {
  auto parsed = graph::parseDagitty(dagitty);
  if (!parsed) {
    std::string message = "bad test model: ";
    message += parsed.error().describe();
    throw std::runtime_error(message);
  }
  return graph::IndexedGraph(parsed.value());
}

std::string indexedName(const char* prefix, std::size_t i) {
  std::string name(prefix);
  name += std::to_string(i);
  return name;
}

NodeSet named(const graph::IndexedGraph& g, const std::vector<std::string>& names) {
  auto r = nodesNamed(g, names);
  if (!r) throw std::runtime_error(r.error().message);
  return r.value();
}

std::string canonical(const graph::IndexedGraph& g, const std::vector<NodeSet>& sets) {
  std::vector<std::string> parts;
  for (const NodeSet& s : sets) parts.push_back(formatSet(g, s));
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

graph::IndexedGraph randomModel(std::mt19937& rng, const RandomGraphOptions& o) {
  std::uniform_int_distribution<std::size_t> sizeDist(o.minNodes, o.maxNodes);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const std::size_t n = sizeDist(rng);
  graph::CausalGraph cg;
  std::vector<graph::NodeId> ids;
  for (std::size_t i = 0; i < n; ++i) {
    graph::RoleSet roles;
    if (unit(rng) < o.latentProbability) roles.set(Role::Latent);
    if (unit(rng) < o.adjustedProbability) roles.set(Role::Adjusted);
    if (unit(rng) < o.selectedProbability) roles.set(Role::Selected);
    ids.push_back(cg.addNode(indexedName("v", i), roles).value());
  }
  // A random order makes index order differ from the topological order.
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (unit(rng) < o.edgeProbability) (void)cg.addEdge(ids[order[i]], ids[order[j]], EdgeKind::Directed);
      if (unit(rng) < o.bidirectedProbability) (void)cg.addEdge(ids[order[i]], ids[order[j]], EdgeKind::Bidirected);
    }
  if (n >= 2) {
    std::vector<std::size_t> pick(n);
    for (std::size_t i = 0; i < n; ++i) pick[i] = i;
    std::shuffle(pick.begin(), pick.end(), rng);
    const std::size_t nx = 1 + std::uniform_int_distribution<std::size_t>(0, o.maxExposures - 1)(rng);
    const std::size_t ny = 1 + std::uniform_int_distribution<std::size_t>(0, o.maxOutcomes - 1)(rng);
    std::size_t k = 0;
    for (std::size_t i = 0; i < nx && k + 1 < n; ++i, ++k) {
      cg.setRole(ids[pick[k]], Role::Exposure, true);
      cg.setRole(ids[pick[k]], Role::Latent, false);
      cg.setRole(ids[pick[k]], Role::Adjusted, false);
      cg.setRole(ids[pick[k]], Role::Selected, false);
    }
    for (std::size_t i = 0; i < ny && k < n; ++i, ++k) {
      cg.setRole(ids[pick[k]], Role::Outcome, true);
      cg.setRole(ids[pick[k]], Role::Latent, false);
      cg.setRole(ids[pick[k]], Role::Adjusted, false);
      cg.setRole(ids[pick[k]], Role::Selected, false);
    }
  }
  return graph::IndexedGraph(cg);
}

graph::CausalGraph toCausalGraph(const graph::IndexedGraph& g, const NodeMask* dropOutgoing) {
  graph::CausalGraph cg;
  std::vector<graph::NodeId> ids;
  for (Index v = 0; v < g.size(); ++v) ids.push_back(cg.addNode(g.name(v), g.roles(v)).value());
  for (Index v = 0; v < g.size(); ++v) {
    if (dropOutgoing == nullptr || (*dropOutgoing)[v] == 0)
      for (Index c : g.children(v)) (void)cg.addEdge(ids[v], ids[c], EdgeKind::Directed);
    for (Index s : g.siblings(v))
      if (v < s) (void)cg.addEdge(ids[v], ids[s], EdgeKind::Bidirected);
  }
  return cg;
}

namespace {

void extend(const graph::IndexedGraph& g, Index b, Path& current, NodeMask& onPath, std::vector<Path>& out) {
  const Index v = current.nodes.back();
  if (v == b) {
    out.push_back(current);
    return;
  }
  auto step = [&](Index w, Step s) {
    if (onPath[w] != 0) return;
    onPath[w] = 1;
    current.nodes.push_back(w);
    current.steps.push_back(s);
    extend(g, b, current, onPath, out);
    current.nodes.pop_back();
    current.steps.pop_back();
    onPath[w] = 0;
  };
  for (Index c : g.children(v)) step(c, Step::Forward);
  for (Index p : g.parents(v)) step(p, Step::Backward);
  for (Index s : g.siblings(v)) step(s, Step::Bidirected);
}

NodeMask descendantsOf(const graph::IndexedGraph& g, const NodeSet& seeds) {
  NodeMask seen(g.size(), 0);
  std::vector<Index> stack(seeds.begin(), seeds.end());
  for (Index s : seeds) seen[s] = 1;
  while (!stack.empty()) {
    Index v = stack.back();
    stack.pop_back();
    for (Index c : g.children(v))
      if (seen[c] == 0) seen[c] = 1, stack.push_back(c);
  }
  return seen;
}

}  // namespace

std::vector<Path> allPaths(const graph::IndexedGraph& g, Index a, Index b) {
  std::vector<Path> out;
  Path current;
  current.nodes.push_back(a);
  NodeMask onPath(g.size(), 0);
  onPath[a] = 1;
  extend(g, b, current, onPath, out);
  return out;
}

bool pathOpen(const graph::IndexedGraph& g, const Path& p, const NodeMask& z) {
  for (std::size_t i = 1; i + 1 < p.nodes.size(); ++i) {
    const Index v = p.nodes[i];
    if (isCollider(p, i)) {
      // Open iff v or one of its descendants is conditioned on.
      const NodeMask de = descendantsOf(g, {v});
      bool any = false;
      for (Index w = 0; w < g.size(); ++w) any = any || (de[w] != 0 && z[w] != 0);
      if (!any) return false;
    } else if (z[v] != 0) {
      return false;
    }
  }
  return true;
}

bool bruteDSeparated(const graph::IndexedGraph& g, const NodeSet& x, const NodeSet& y, const NodeSet& z) {
  const NodeMask zm = maskOf(z, g.size());
  for (Index a : x)
    for (Index b : y) {
      if (a == b) return false;
      for (const Path& p : allPaths(g, a, b)) {
        // Paths through other nodes of X or Y contain shorter X-Y paths; still a path.
        if (pathOpen(g, p, zm)) return false;
      }
    }
  return true;
}

NodeMask bruteCn(const graph::IndexedGraph& g, const NodeSet& x, const NodeSet& y) {
  const NodeMask inX = maskOf(x, g.size()), inY = maskOf(y, g.size());
  NodeMask cn(g.size(), 0);
  std::vector<Index> path;
  std::function<void(Index)> dfs = [&](Index v) {
    path.push_back(v);
    if (inY[v] != 0)
      for (std::size_t i = 1; i < path.size(); ++i) cn[path[i]] = 1;
    for (Index c : g.children(v))
      if (inX[c] == 0) dfs(c);
    path.pop_back();
  };
  for (Index s : x) dfs(s);
  return cn;
}

NodeMask bruteDescendants(const graph::IndexedGraph& g, const NodeSet& seeds) { return descendantsOf(g, seeds); }

NodeMask bruteAncestors(const graph::IndexedGraph& g, const NodeSet& seeds) {
  NodeMask seen = maskOf(seeds, g.size());
  std::vector<Index> stack(seeds.begin(), seeds.end());
  while (!stack.empty()) {
    const Index v = stack.back();
    stack.pop_back();
    for (Index p : g.parents(v))
      if (seen[p] == 0) seen[p] = 1, stack.push_back(p);
  }
  return seen;
}

graph::IndexedGraph bruteProperBackdoorGraph(const graph::IndexedGraph& g, const NodeSet& x, const NodeSet& y) {
  const NodeMask cn = bruteCn(g, x, y), inX = maskOf(x, g.size());
  graph::CausalGraph cg;
  std::vector<graph::NodeId> ids;
  for (Index v = 0; v < g.size(); ++v) ids.push_back(cg.addNode(g.name(v), g.roles(v)).value());
  for (Index v = 0; v < g.size(); ++v) {
    for (Index c : g.children(v))
      if (inX[v] == 0 || cn[c] == 0) (void)cg.addEdge(ids[v], ids[c], EdgeKind::Directed);
    for (Index s : g.siblings(v))
      if (v < s) (void)cg.addEdge(ids[v], ids[s], EdgeKind::Bidirected);
  }
  return graph::IndexedGraph(cg);
}

bool bruteValidAdjustment(const graph::IndexedGraph& g, const NodeSet& x, const NodeSet& y, const NodeSet& z,
                          bool wholePopulation) {
  const NodeMask cn = bruteCn(g, x, y);
  // Selection: for the whole population Y must be d-separated from S, given nothing, in G^pbd.
  const NodeSet selected = setDifference(g.withRole(Role::Selected), setUnion(x, y));
  if (wholePopulation && !selected.empty() && !bruteDSeparated(bruteProperBackdoorGraph(g, x, y), selected, y, {}))
    return false;
  NodeSet full = z;
  for (Index v : g.withRole(Role::Selected)) full.push_back(v);
  full = normalized(full);
  const NodeMask forb = descendantsOf(g, setOf(cn));
  const NodeMask inX = maskOf(x, g.size()), inY = maskOf(y, g.size());
  for (Index v : full)
    if (forb[v] != 0 || inX[v] != 0 || inY[v] != 0) return false;
  for (Index v : z)
    if (g.has(v, Role::Latent)) return false;
  // d-separation in G^pbd: paths whose first edge is X -> c with c in cn do not exist there.
  const NodeMask zm = maskOf(full, g.size());
  for (Index a : x)
    for (Index b : y)
      for (const Path& p : allPaths(g, a, b)) {
        bool removed = false;
        for (std::size_t i = 0; i + 1 < p.nodes.size(); ++i) {
          if (p.steps[i] == Step::Forward && inX[p.nodes[i]] != 0 && cn[p.nodes[i + 1]] != 0) removed = true;
          if (p.steps[i] == Step::Backward && inX[p.nodes[i + 1]] != 0 && cn[p.nodes[i]] != 0) removed = true;
        }
        if (!removed && pathOpen(g, p, zm)) return false;
      }
  return true;
}

std::vector<NodeSet> subsetsOf(const NodeSet& candidates) {
  std::vector<NodeSet> out;
  const std::size_t k = candidates.size();
  for (std::size_t mask = 0; mask < (std::size_t{1} << k); ++mask) {
    NodeSet s;
    for (std::size_t i = 0; i < k; ++i)
      if ((mask >> i) & 1U) s.push_back(candidates[i]);
    out.push_back(s);
  }
  return out;
}

std::vector<NodeSet> bruteMinimal(const NodeSet& candidates, const NodeSet& forced,
                                  const std::function<bool(const NodeSet&)>& valid) {
  std::vector<NodeSet> validSets;
  for (const NodeSet& s : subsetsOf(setDifference(candidates, forced))) {
    NodeSet z = setUnion(s, forced);
    if (valid(z)) validSets.push_back(z);
  }
  std::vector<NodeSet> minimal;
  for (const NodeSet& s : validSets) {
    bool isMin = true;
    for (const NodeSet& t : validSets)
      if (t.size() < s.size() && isSubset(t, s)) isMin = false;
    if (isMin) minimal.push_back(s);
  }
  return minimal;
}

}  // namespace causeway::identification::test
