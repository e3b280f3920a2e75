#pragma once

#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Adjustment.hpp"
#include "causeway/identification/Implications.hpp"
#include "causeway/identification/Instruments.hpp"
#include "causeway/identification/NodeSet.hpp"
#include "causeway/identification/PathEnumeration.hpp"

// The one entry point the CLI and the GUI call: every identification result for a model.
namespace causeway::identification {

struct IdentificationParts {
  bool adjustment = true;    // minimal sets, canonical set, validity of the adjusted set
  bool optimal = true;       // O-set
  bool instruments = true;   // single exposure and outcome only
  bool implications = true;  // testable implications (missing edges) and the basis set
  bool paths = true;
  bool frontDoor = true;     // single exposure and outcome only
};

// Which effect the adjustment answers are about. Direct: the X -> Y edge alone, by the
// single-door criterion (DirectEffect.hpp); one exposure and one outcome, no selected nodes.
enum class Effect { Total, Direct };

// Which population the adjustment answers hold for (see Adjustment.hpp on selection bias).
enum class Population {
  Whole,         // no selected nodes, or the selection is d-separated from the outcome
  SelectedOnly,  // sets valid with the selection conditioned on give the effect among the selected units
};

struct IdentificationOptions {
  std::optional<NodeSet> exposures;  // default: nodes with the Exposure role
  std::optional<NodeSet> outcomes;   // default: nodes with the Outcome role
  Effect effect = Effect::Total;
  // Cap per listing: adjustment, implications, front-door, instruments, and paths (together
  // with paths.maxPaths, the smaller wins).
  std::size_t maxSets = kDefaultMaxSets;
  PathOptions paths;
  IdentificationParts parts;
};

struct IdentificationSummary {
  NodeSet exposures, outcomes;
  NodeSet adjusted;  // the user's current adjustment set (Adjusted role), checked below
  Effect effect = Effect::Total;

  bool adjustmentComputed = false;
  std::vector<NodeSet> adjustmentSets;  // minimal sufficient sets; {{}}: nothing to adjust; {}: none
  bool adjustmentTruncated = false;
  // Total effect with selected nodes whose selection is not d-separated from the outcome: no set
  // recovers the whole-population effect (adjustmentSets is empty); these are the minimal sets
  // that are valid among the selected units, and selectionPath shows why (S ... Y, open).
  Population population = Population::Whole;
  NodeSet selected;
  std::optional<Path> selectionPath;
  std::vector<NodeSet> selectedUnitSets;
  bool selectedUnitSetsTruncated = false;
  std::optional<NodeSet> canonicalSet;
  std::optional<AdjustmentCheck> adjustedSetCheck;
  // With nodes marked adjusted, adjustmentSets are the minimal sets containing them (as in
  // DAGitty); these are the minimal sets without that constraint, so "{} is sufficient" stays known.
  std::vector<NodeSet> setsIgnoringAdjusted;
  bool setsIgnoringAdjustedTruncated = false;
  std::optional<OptimalSet> optimal;

  bool instrumentsComputed = false;
  std::vector<Instrument> instruments;
  bool instrumentsTruncated = false;

  bool implicationsComputed = false;
  std::vector<Implication> implications;
  bool implicationsTruncated = false;
  std::vector<BasisImplication> basis;

  bool pathsComputed = false;
  std::vector<ClassifiedPath> paths;  // classified given the adjusted set
  bool pathsTruncated = false;

  bool frontDoorComputed = false;
  std::vector<NodeSet> frontDoorSets;  // minimal front-door sets
  bool frontDoorTruncated = false;

  std::vector<std::string> notes;  // why a part was skipped

  [[nodiscard]] bool truncated() const {
    return adjustmentTruncated || implicationsTruncated || pathsTruncated || frontDoorTruncated ||
           instrumentsTruncated || selectedUnitSetsTruncated || setsIgnoringAdjustedTruncated;
  }
};

// One plain sentence on which population (and which effect) the adjustment answer is about, e.g.
// "These sets give the total effect in the whole population." or "... only among the selected
// units, because S is connected to Y by S <- X <- Z -> Y."
[[nodiscard]] std::string populationSentence(const graph::IndexedGraph& g, const IdentificationSummary& s);

// Fails with InvalidArgument when a node is both exposure and outcome, Cancelled when stopped.
Result<IdentificationSummary> identify(const graph::IndexedGraph& g, const IdentificationOptions& options = {},
                                       const Progress& progress = {});

}  // namespace causeway::identification
