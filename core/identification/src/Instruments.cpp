#include "causeway/identification/Instruments.hpp"

#include <algorithm>

#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/GraphTransforms.hpp"

namespace causeway::identification {

using graph::Role;

namespace {

// What every instrument search for X -> Y shares.
struct InstrumentSetting {
  MixedGraph pbd;
  NodeMask allowedInW;  // observed, not a mediator, not de(Y) in G^pbd, not X, not selected
  NodeSet selected;

  InstrumentSetting(const graph::IndexedGraph& g, Index x, Index y) {
    const MixedGraph full(g);
    const NodeSet xs{x}, ys{y};
    pbd = properBackdoorGraph(full, xs, ys);
    // Only the mediators themselves are excluded, not all of forb(X, Y): a descendant of a
    // mediator that is not a descendant of Y may be in W (van der Zander et al. 2015, Def. 3).
    NodeMask forb = properCausalNodes(full, xs, ys);
    forb[x] = 1;
    const NodeMask deY = descendants(pbd, ys);
    allowedInW.assign(g.size(), 0);
    for (Index v = 0; v < g.size(); ++v) {
      if (g.has(v, Role::Selected)) {
        if (v != x && v != y) selected.push_back(v);
        continue;
      }
      allowedInW[v] = static_cast<std::uint8_t>(forb[v] == 0 && deY[v] == 0 && !g.has(v, Role::Latent) && v != y);
    }
  }

  NodeMask conditioning(std::span<const Index> w) const {
    NodeMask mask = maskOf(w, pbd.size());
    for (Index s : selected) mask[s] = 1;
    return mask;
  }
};

// The separator of z and y nearest to y within An(y, z) of G^pbd: in the moral graph, the
// boundary of y's region reachable through nodes that may not join W, trimmed to the nodes
// that also touch z's side (so it is minimal). nullopt when z and y cannot be separated.
std::optional<NodeSet> nearestSeparator(const InstrumentSetting& s, Index z, Index y) {
  const NodeSet seeds = setUnion(normalized({z, y}), s.selected);
  const MoralGraph m = moralize(s.pbd, ancestors(s.pbd, seeds));
  const UndirectedGraph& h = m.graph;
  NodeMask removed(m.size(), 0), allowed(m.size(), 0);
  for (Index u = 0; u < m.size(); ++u) {
    const Index v = m.original[u];
    if (v == kNoIndex) continue;
    if (std::binary_search(s.selected.begin(), s.selected.end(), v)) removed[u] = 1;
    else if (v != z && s.allowedInW[v] != 0) allowed[u] = 1;
  }
  const Index lz = m.local[z], ly = m.local[y];
  // Region of y through non-allowed nodes; its allowed boundary is W0.
  NodeMask seen(m.size(), 0), inW0(m.size(), 0);
  std::vector<Index> queue{ly};
  seen[ly] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head)
    for (Index w : h.neighbors(queue[head])) {
      if (seen[w] != 0 || removed[w] != 0) continue;
      seen[w] = 1;
      if (allowed[w] != 0) inW0[w] = 1;
      else queue.push_back(w);
    }
  if (seen[lz] != 0 && inW0[lz] == 0) return std::nullopt;
  // Keep the W0 nodes adjacent to z's component once W0 is removed.
  NodeMask zSide(m.size(), 0);
  NodeSet w;
  queue.assign(1, lz);
  zSide[lz] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head)
    for (Index v : h.neighbors(queue[head])) {
      if (zSide[v] != 0 || removed[v] != 0) continue;
      zSide[v] = 1;
      if (inW0[v] != 0) w.push_back(m.original[v]);
      else queue.push_back(v);
    }
  return normalized(std::move(w));
}

}  // namespace

std::vector<Instrument> findInstruments(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                        const Progress& progress) {
  std::vector<Instrument> out;
  if (exposure == outcome) return out;
  const InstrumentSetting s(g, exposure, outcome);
  for (Index z = 0; z < g.size(); ++z) {
    if (progress.cancelled()) break;
    if (z == exposure || z == outcome || g.has(z, Role::Latent) || g.has(z, Role::Selected)) continue;
    auto w = nearestSeparator(s, z, outcome);
    if (!w) continue;
    if (dSeparated(s.pbd, NodeSet{z}, NodeSet{exposure}, s.conditioning(*w))) continue;
    out.push_back({z, std::move(*w)});
  }
  std::sort(out.begin(), out.end(),
            [&](const Instrument& a, const Instrument& b) { return g.name(a.instrument) < g.name(b.instrument); });
  return out;
}

bool isConditionalInstrument(const graph::IndexedGraph& g, Index exposure, Index outcome, Index z,
                             std::span<const Index> w) {
  const InstrumentSetting s(g, exposure, outcome);
  if (z == exposure || z == outcome || g.has(z, Role::Latent)) return false;
  for (Index v : w)
    if (s.allowedInW[v] == 0 || v == z || v == exposure) return false;
  const NodeMask cond = s.conditioning(w);
  return !dSeparated(s.pbd, NodeSet{z}, NodeSet{exposure}, cond) && dSeparated(s.pbd, NodeSet{z}, NodeSet{outcome}, cond);
}

}  // namespace causeway::identification
