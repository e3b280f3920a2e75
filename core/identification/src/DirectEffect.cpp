#include "causeway/identification/DirectEffect.hpp"

#include <stdexcept>

#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/GraphTransforms.hpp"
#include "causeway/identification/MinimalSeparators.hpp"
#include "SeparatorSetup.hpp"

namespace causeway::identification {

using graph::Role;

// Minimal sets are the minimal X-Y separators in the moral graph of An(X, Y, forced) of the cut
// graph, avoiding forced nodes (deleted: conditioned on anyway); only observed nodes outside
// de(Y) may join.
namespace {

MixedGraph withoutEdge(const MixedGraph& g, Index from, Index to) {
  std::vector<Edge> directed;
  for (const Edge& e : g.directedEdges())
    if (e != Edge{from, to}) directed.push_back(e);
  const std::vector<Edge> bidirected = g.bidirectedEdges();
  return MixedGraph(g.size(), directed, bidirected);
}

}  // namespace

DirectEffectAnalysis::DirectEffectAnalysis(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                           bool forceAdjusted)
    : g_(&g), x_(exposure), y_(outcome) {
  if (x_ == y_) throw std::invalid_argument("a node is both exposure and outcome");
  const MixedGraph full(g);
  cut_ = withoutEdge(full, x_, y_);
  forb_ = descendants(full, NodeSet{y_});
  forb_[x_] = 1;
  if (forceAdjusted)
    for (Index v : g.withRole(Role::Adjusted))
      if (v != x_ && v != y_) forced_.push_back(v);
}

AdjustmentCheck DirectEffectAnalysis::check(std::span<const Index> z) const {
  AdjustmentCheck result;
  const NodeSet zs = normalized(NodeSet(z.begin(), z.end()));
  for (Index v : zs) {
    if (forb_[v] != 0) result.forbidden.push_back(v);
    if (g_->has(v, Role::Latent)) result.latent.push_back(v);
  }
  if (result.forbidden.empty()) {
    NodeMask given = maskOf(zs, g_->size());
    result.openBiasingPath = findOpenPath(cut_, NodeSet{x_}, NodeSet{y_}, given);
  }
  result.valid = result.forbidden.empty() && result.latent.empty() && !result.openBiasingPath;
  return result;
}

std::unique_ptr<detail::SeparatorSetup> DirectEffectAnalysis::setup() const {
  for (Index v : forced_)
    if (forb_[v] != 0 || g_->has(v, Role::Latent)) return nullptr;
  auto s = std::make_unique<detail::SeparatorSetup>();
  s->moral = moralize(cut_, ancestors(cut_, setUnion(normalized({x_, y_}), forced_)));
  const MoralGraph& m = s->moral;
  const NodeMask conditioned = maskOf(forced_, g_->size());
  SeparatorProblem& p = s->problem;
  p.graph = &m.graph;
  p.sources = m.toLocal(NodeSet{x_});
  p.targets = m.toLocal(NodeSet{y_});
  p.allowed.assign(m.size(), 0);
  p.removed.assign(m.size(), 0);
  for (Index u = 0; u < m.size(); ++u) {
    const Index v = m.original[u];
    if (v == kNoIndex) continue;
    if (conditioned[v] != 0) p.removed[u] = 1;
    else if (forb_[v] == 0 && !g_->has(v, Role::Latent)) p.allowed[u] = 1;
  }
  return s;
}

std::optional<NodeSet> DirectEffectAnalysis::minimalSet() const { return detail::closestMinimalSet(setup().get(), forced_); }

EnumerationOutcome DirectEffectAnalysis::listMinimalSets(const SetCallback& onSet, std::size_t maxSets,
                                  const Progress& progress) const {
  return detail::listMinimalSets(setup().get(), forced_, onSet, maxSets, progress);
}


}  // namespace causeway::identification
