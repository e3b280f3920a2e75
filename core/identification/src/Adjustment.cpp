#include "causeway/identification/Adjustment.hpp"

#include <algorithm>
#include <stdexcept>

#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/MinimalSeparators.hpp"
#include "SeparatorSetup.hpp"

namespace causeway::identification {

using graph::Role;

// Minimal adjustment sets are the minimal X-Y separators, avoiding forced and selected nodes
// (deleted: they are conditioned on anyway), in the moral graph of G^pbd restricted to
// An(X ∪ Y ∪ forced ∪ selected); only observed, non-forbidden nodes may join.
AdjustmentAnalysis::AdjustmentAnalysis(const graph::IndexedGraph& g, NodeSet exposures, NodeSet outcomes,
                                       bool forceAdjusted, Scope scope)
    : g_(&g), graph_(g), x_(normalized(std::move(exposures))), y_(normalized(std::move(outcomes))) {
  if (x_.empty() || y_.empty()) throw std::invalid_argument("adjustment needs at least one exposure and one outcome");
  if (intersects(x_, maskOf(y_, g.size()))) throw std::invalid_argument("a node is both exposure and outcome");
  const NodeMask inXY = maskOf(setUnion(x_, y_), g.size());
  if (forceAdjusted)
    for (Index v : g.withRole(Role::Adjusted))
      if (inXY[v] == 0 && !g.has(v, Role::Selected)) forced_.push_back(v);
  for (Index v : g.withRole(Role::Selected))
    if (inXY[v] == 0) selected_.push_back(v);
  cn_ = properCausalNodes(graph_, x_, y_);
  forb_ = forbiddenNodes(graph_, x_, y_);
  pbd_ = properBackdoorGraph(graph_, x_, y_);
  if (scope == Scope::WholePopulation && !selected_.empty())
    selectionPath_ = findOpenPath(pbd_, selected_, y_, NodeMask(g.size(), 0));
}

NodeSet AdjustmentAnalysis::mediators() const {
  NodeSet out;
  const NodeMask inY = maskOf(y_, g_->size());
  for (Index v = 0; v < g_->size(); ++v)
    if (cn_[v] != 0 && inY[v] == 0) out.push_back(v);
  return out;
}

AdjustmentCheck AdjustmentAnalysis::check(std::span<const Index> z) const {
  AdjustmentCheck result;
  const NodeSet zs = normalized(NodeSet(z.begin(), z.end()));
  const NodeMask inY = maskOf(y_, g_->size());
  for (Index v : setUnion(zs, selected_))
    if (forb_[v] != 0 || inY[v] != 0) result.forbidden.push_back(v);
  for (Index v : zs)
    if (g_->has(v, Role::Latent)) result.latent.push_back(v);
  result.openBiasingPath = findOpenPath(pbd_, x_, y_, conditioningMask(*g_, zs, x_, y_));
  result.selectionPath = selectionPath_;
  result.valid = result.forbidden.empty() && result.latent.empty() && !result.openBiasingPath && !selectionPath_;
  return result;
}

std::unique_ptr<detail::SeparatorSetup> AdjustmentAnalysis::setup() const {
  if (selectionPath_) return nullptr;
  for (Index v : forced_)
    if (forb_[v] != 0 || g_->has(v, Role::Latent)) return nullptr;
  for (Index v : selected_)
    if (forb_[v] != 0) return nullptr;
  auto s = std::make_unique<detail::SeparatorSetup>();
  const NodeSet seeds = setUnion(setUnion(x_, y_), setUnion(forced_, selected_));
  s->moral = moralize(pbd_, ancestors(pbd_, seeds));
  const MoralGraph& m = s->moral;
  const NodeMask inXY = maskOf(setUnion(x_, y_), g_->size());
  const NodeMask conditioned = maskOf(setUnion(forced_, selected_), g_->size());
  SeparatorProblem& p = s->problem;
  p.graph = &m.graph;
  p.sources = m.toLocal(x_);
  p.targets = m.toLocal(y_);
  p.allowed.assign(m.size(), 0);
  p.removed.assign(m.size(), 0);
  for (Index u = 0; u < m.size(); ++u) {
    const Index v = m.original[u];
    if (v == kNoIndex) continue;
    if (conditioned[v] != 0) p.removed[u] = 1;
    else if (inXY[v] == 0 && forb_[v] == 0 && !g_->has(v, Role::Latent)) p.allowed[u] = 1;
  }
  return s;
}

std::optional<NodeSet> AdjustmentAnalysis::minimalSet() const { return detail::closestMinimalSet(setup().get(), forced_); }

EnumerationOutcome AdjustmentAnalysis::listMinimalSets(const SetCallback& onSet, std::size_t maxSets,
                                  const Progress& progress) const {
  return detail::listMinimalSets(setup().get(), forced_, onSet, maxSets, progress);
}


std::optional<NodeSet> AdjustmentAnalysis::canonicalSet() const {
  const NodeSet seeds = setUnion(setUnion(x_, y_), setUnion(forced_, selected_));
  const NodeMask anc = ancestors(graph_, seeds);
  const NodeMask inXY = maskOf(setUnion(x_, y_), g_->size());
  NodeSet z;
  for (Index v = 0; v < g_->size(); ++v)
    if (anc[v] != 0 && inXY[v] == 0 && forb_[v] == 0 && !g_->has(v, Role::Latent) && !g_->has(v, Role::Selected))
      z.push_back(v);
  z = setUnion(z, forced_);
  if (!check(z).valid) return std::nullopt;
  return z;
}

OptimalSet AdjustmentAnalysis::optimalSet() const {
  OptimalSet o;
  // Existence without forced nodes: the canonical set of X and Y alone.
  const NodeMask anc = ancestors(graph_, setUnion(x_, y_));
  const NodeMask inXY = maskOf(setUnion(x_, y_), g_->size());
  NodeSet canonical;
  for (Index v = 0; v < g_->size(); ++v)
    if (anc[v] != 0 && inXY[v] == 0 && forb_[v] == 0 && !g_->has(v, Role::Latent) && !g_->has(v, Role::Selected))
      canonical.push_back(v);
  if (!check(canonical).valid) return o;
  NodeMask inO(g_->size(), 0);
  for (Index v = 0; v < g_->size(); ++v) {
    if (cn_[v] == 0) continue;
    for (Index p : graph_.parents(v)) inO[p] = 1;
    if (!graph_.siblings(v).empty()) o.hiddenParent = true;
  }
  for (Index v = 0; v < g_->size(); ++v) {
    // Selected nodes are conditioned on implicitly; they are not listed.
    if (inO[v] == 0 || forb_[v] != 0 || g_->has(v, Role::Selected)) continue;
    (g_->has(v, Role::Latent) ? o.latent : o.nodes).push_back(v);
  }
  // Henckel et al. define O for outcomes that all descend from X along proper causal paths.
  const bool everyOutcomeAffected = std::all_of(y_.begin(), y_.end(), [&](Index v) { return cn_[v] != 0; });
  if (!everyOutcomeAffected) o.status = OptimalSet::Status::NoCausalPath;
  else if (!o.latent.empty() || o.hiddenParent) o.status = OptimalSet::Status::NotObservable;
  else o.status = OptimalSet::Status::Defined;
  return o;
}

AdjustmentCheck checkAdjustmentSet(const graph::IndexedGraph& g, std::span<const Index> x, std::span<const Index> y,
                                   std::span<const Index> z) {
  return AdjustmentAnalysis(g, NodeSet(x.begin(), x.end()), NodeSet(y.begin(), y.end())).check(z);
}

std::optional<NodeSet> findMinimalAdjustmentSet(const graph::IndexedGraph& g, std::span<const Index> x,
                                                std::span<const Index> y) {
  return AdjustmentAnalysis(g, NodeSet(x.begin(), x.end()), NodeSet(y.begin(), y.end())).minimalSet();
}

std::vector<NodeSet> listMinimalAdjustmentSets(const graph::IndexedGraph& g, std::span<const Index> x,
                                               std::span<const Index> y, std::size_t maxSets) {
  std::vector<NodeSet> sets;
  AdjustmentAnalysis(g, NodeSet(x.begin(), x.end()), NodeSet(y.begin(), y.end()))
      .listMinimalSets([&](const NodeSet& s) { sets.push_back(s); return true; }, maxSets);
  return sets;
}

}  // namespace causeway::identification
