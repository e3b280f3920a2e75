#pragma once

#include <memory>
#include <optional>
#include <span>

#include "causeway/common/Progress.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/GraphTransforms.hpp"
#include "causeway/identification/MixedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"
#include "causeway/identification/Path.hpp"

// Covariate adjustment by the generalised adjustment criterion (Shpitser, VanderWeele & Robins
// 2010; Perković et al. 2018; van der Zander, Liśkiewicz & Textor 2014/2019): Z is valid for
// the total effect of X on Y iff Z has no node of forb(X, Y), no latent node, and d-separates X
// from Y in the proper back-door graph. As in DAGitty, nodes with the Adjusted role are forced
// into every set, and Selected nodes are always conditioned on (implicitly, never listed).
//
// Selection bias (Bareinboim, Tian & Pearl, AAAI 2014; DAGitty's isAdjustmentSet(g, Z, S)): with
// selected nodes S, the data hold only the units with S = 1. For the effect in the whole
// population Z must also leave Y d-separated from S, with nothing conditioned on, in G^pbd;
// otherwise a set that is valid with S conditioned on gives the effect among the selected units
// only. Scope::WholePopulation (the default, as DAGitty) applies that extra condition;
// Scope::SelectedUnits answers for the selected units alone: the effect among the units actually
// selected, P(Y_x = y | S = 1), not P(y | do(x), S = 1) with S drawn again after the intervention.
// Both scopes are checked against exact distributions in SelectionOracleTest; docs/identification.md.
namespace causeway::identification {

namespace detail {
struct SeparatorSetup;  // src/SeparatorSetup.hpp
}

enum class Scope { WholePopulation, SelectedUnits };

// Why a set is or is not a valid adjustment set.
struct AdjustmentCheck {
  bool valid = false;
  NodeSet forbidden;                    // nodes of Z (or selected) in forb(X, Y) ∪ Y
  NodeSet latent;                       // latent nodes of Z
  std::optional<Path> openBiasingPath;  // a path open in G^pbd given Z, if any
  // WholePopulation with selected nodes: a path from a selected node to Y open in G^pbd with
  // nothing conditioned on (the sample then differs from the population in Y). Depends on the
  // graph only, so it fails every set alike.
  std::optional<Path> selectionPath;
};

// The optimal adjustment set O(X, Y) = pa(cn(X, Y)) \ forb(X, Y) (Henckel, Perković & Maathuis 2022).
struct OptimalSet {
  enum class Status {
    Defined,        // `nodes` is the O-set and a valid adjustment set
    NoValidSet,     // no adjustment set exists
    NoCausalPath,   // an outcome has no proper causal path from X: the O-set is not defined
    NotObservable,  // the O-set contains latent nodes (`latent`; includes hidden confounders)
  };
  Status status = Status::NoValidSet;
  NodeSet nodes;   // observed nodes of the O-set
  NodeSet latent;  // latent nodes it would need (NotObservable)
  bool hiddenParent = false;  // a node of cn(X, Y) has a bidirected edge (an unnamed latent parent)
};

// All adjustment questions for one exposure set X and outcome set Y on one model, sharing the
// derived graphs (G^pbd, forb, the moral graph). X and Y must be non-empty and disjoint
// (std::invalid_argument otherwise).
class AdjustmentAnalysis {
 public:
  // forceAdjusted = false ignores the Adjusted role (the sets the user would have without it).
  AdjustmentAnalysis(const graph::IndexedGraph& g, NodeSet exposures, NodeSet outcomes, bool forceAdjusted = true,
                     Scope scope = Scope::WholePopulation);

  [[nodiscard]] const NodeSet& exposures() const { return x_; }
  [[nodiscard]] const NodeSet& outcomes() const { return y_; }
  [[nodiscard]] const NodeSet& forced() const { return forced_; }  // adjusted nodes, minus X and Y
  [[nodiscard]] NodeSet mediators() const;                          // cn(X, Y) \ Y
  [[nodiscard]] NodeSet forbidden() const { return setOf(forb_); }
  [[nodiscard]] const MixedGraph& backdoorGraph() const { return pbd_; }
  [[nodiscard]] const NodeSet& selected() const { return selected_; }
  // A selected node's open path to Y in G^pbd given nothing (only with WholePopulation scope).
  [[nodiscard]] const std::optional<Path>& selectionPath() const { return selectionPath_; }

  // Checks any set Z (selected nodes are added to it implicitly).
  [[nodiscard]] AdjustmentCheck check(std::span<const Index> z) const;
  // Whether a valid set containing the forced nodes exists.
  [[nodiscard]] bool exists() const { return minimalSet().has_value(); }
  // Adjust(X, Y) = An(X ∪ Y ∪ forced) minus X, Y, forb, latent and selected nodes, plus the
  // forced nodes; returned only when valid (then a valid set exists).
  [[nodiscard]] std::optional<NodeSet> canonicalSet() const;
  // One minimal valid set containing the forced nodes, in O(n + m).
  [[nodiscard]] std::optional<NodeSet> minimalSet() const;
  // Every minimal valid set containing the forced nodes (DAGitty's "minimal sufficient
  // adjustment sets"), with polynomial delay: {} alone when nothing needs adjusting, none when
  // no valid set exists.
  EnumerationOutcome listMinimalSets(const SetCallback& onSet, std::size_t maxSets = kDefaultMaxSets,
                                     const Progress& progress = {}) const;
  [[nodiscard]] OptimalSet optimalSet() const;

 private:
  [[nodiscard]] std::unique_ptr<detail::SeparatorSetup> setup() const;

  const graph::IndexedGraph* g_;
  MixedGraph graph_, pbd_;
  NodeSet x_, y_, forced_, selected_;
  NodeMask cn_, forb_;
  std::optional<Path> selectionPath_;
};

// Convenience wrappers for one-off questions.
AdjustmentCheck checkAdjustmentSet(const graph::IndexedGraph& g, std::span<const Index> x, std::span<const Index> y,
                                   std::span<const Index> z);
std::optional<NodeSet> findMinimalAdjustmentSet(const graph::IndexedGraph& g, std::span<const Index> x,
                                                std::span<const Index> y);
std::vector<NodeSet> listMinimalAdjustmentSets(const graph::IndexedGraph& g, std::span<const Index> x,
                                               std::span<const Index> y, std::size_t maxSets = kDefaultMaxSets);

}  // namespace causeway::identification
