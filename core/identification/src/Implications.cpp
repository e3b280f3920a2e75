#include "causeway/identification/Implications.hpp"

#include <algorithm>

#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/GraphTransforms.hpp"
#include "causeway/identification/MinimalSeparators.hpp"

namespace causeway::identification {

using graph::Role;

namespace {

bool observed(const graph::IndexedGraph& g, Index v) { return !g.has(v, Role::Latent) && !g.has(v, Role::Selected); }

bool adjacent(const MixedGraph& g, Index a, Index b) {
  auto has = [](std::span<const Index> list, Index v) { return std::find(list.begin(), list.end(), v) != list.end(); };
  return has(g.children(a), b) || has(g.parents(a), b) || has(g.siblings(a), b);
}

bool lessByNames(const graph::IndexedGraph& g, const NodeSet& a, const NodeSet& b) {
  return sortedNames(g, a) < sortedNames(g, b);
}

}  // namespace

EnumerationOutcome listImpliedIndependencies(const graph::IndexedGraph& g, const ImplicationCallback& onImplication,
                                             std::size_t maxCount, const Progress& progress) {
  EnumerationOutcome outcome;
  const MixedGraph mg(g);
  const NodeSet selected = g.withRole(Role::Selected);
  std::vector<Index> byName;
  for (Index v = 0; v < g.size(); ++v)
    if (observed(g, v)) byName.push_back(v);
  std::sort(byName.begin(), byName.end(), [&](Index a, Index b) { return g.name(a) < g.name(b); });
  const double pairs = static_cast<double>(byName.size()) * static_cast<double>(byName.size()) / 2.0;
  double done = 0;
  for (std::size_t i = 0; i < byName.size(); ++i) {
    for (std::size_t j = i + 1; j < byName.size(); ++j) {
      if (progress.cancelled()) {
        outcome.cancelled = true;
        return outcome;
      }
      const Index a = byName[i], b = byName[j];
      if (adjacent(mg, a, b)) continue;
      const MoralGraph m = moralize(mg, ancestors(mg, setUnion(normalized({a, b}), selected)));
      SeparatorProblem p;
      p.graph = &m.graph;
      p.sources = {m.local[a]};
      p.targets = {m.local[b]};
      p.allowed.assign(m.size(), 0);
      p.removed.assign(m.size(), 0);
      for (Index u = 0; u < m.size(); ++u) {
        const Index v = m.original[u];
        if (v == kNoIndex) continue;
        if (g.has(v, Role::Selected)) p.removed[u] = 1;
        else if (v != a && v != b && observed(g, v)) p.allowed[u] = 1;
      }
      // Gather this pair's sets (up to what the cap still allows) to emit them in name order.
      std::vector<NodeSet> sets;
      const std::size_t room = maxCount - outcome.count;
      const auto listed = listMinimalSeparators(
          p, [&](const NodeSet& s) { sets.push_back(m.toOriginal(s)); return true; }, room, progress);
      std::sort(sets.begin(), sets.end(), [&](const NodeSet& l, const NodeSet& r) { return lessByNames(g, l, r); });
      for (NodeSet& s : sets) {
        ++outcome.count;
        if (!onImplication(Implication{a, b, std::move(s)})) {
          outcome.truncated = true;
          return outcome;
        }
      }
      if (listed.cancelled) {
        outcome.cancelled = true;
        return outcome;
      }
      if (listed.truncated) {
        outcome.truncated = true;
        return outcome;
      }
      done += 1;
      if (static_cast<std::size_t>(done) % 256 == 0) progress.report(std::min(1.0, done / pairs));
    }
  }
  return outcome;
}

std::vector<BasisImplication> basisSet(const graph::IndexedGraph& g) {
  std::vector<BasisImplication> out;
  const MixedGraph mg(g);
  const NodeSet selected = g.withRole(Role::Selected);
  for (Index v : g.topologicalOrder()) {
    if (!observed(g, v) || !mg.siblings(v).empty()) continue;
    const auto parents = mg.parents(v);
    if (std::any_of(parents.begin(), parents.end(), [&](Index p) { return !observed(g, p); })) continue;
    const NodeMask de = descendants(mg, NodeSet{v});
    const NodeSet pa = normalized(NodeSet(parents.begin(), parents.end()));
    NodeSet others;
    for (Index w = 0; w < g.size(); ++w)
      if (de[w] == 0 && observed(g, w) && !std::binary_search(pa.begin(), pa.end(), w)) others.push_back(w);
    if (others.empty()) continue;
    NodeMask cond = maskOf(pa, g.size());
    for (Index s : selected) cond[s] = 1;
    if (!dSeparated(mg, NodeSet{v}, others, cond)) continue;
    out.push_back({v, others, pa});
  }
  return out;
}

std::string formatImplication(const graph::IndexedGraph& g, const Implication& implication) {
  std::string out = g.name(implication.x) + " _||_ " + g.name(implication.y);
  if (!implication.given.empty()) {
    out += " |";
    bool first = true;
    for (const std::string& name : sortedNames(g, implication.given)) {
      out += (first ? " " : ", ") + name;
      first = false;
    }
  }
  return out;
}

}  // namespace causeway::identification
