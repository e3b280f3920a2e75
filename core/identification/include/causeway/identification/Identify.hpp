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

struct IdentificationOptions {
  std::optional<NodeSet> exposures;  // default: nodes with the Exposure role
  std::optional<NodeSet> outcomes;   // default: nodes with the Outcome role
  std::size_t maxSets = kDefaultMaxSets;  // cap per listing (adjustment, implications, front-door)
  PathOptions paths;
  IdentificationParts parts;
};

struct IdentificationSummary {
  NodeSet exposures, outcomes;
  NodeSet adjusted;  // the user's current adjustment set (Adjusted role), checked below

  bool adjustmentComputed = false;
  std::vector<NodeSet> adjustmentSets;  // minimal sufficient sets; {{}}: nothing to adjust; {}: none
  bool adjustmentTruncated = false;
  std::optional<NodeSet> canonicalSet;
  std::optional<AdjustmentCheck> adjustedSetCheck;
  std::optional<OptimalSet> optimal;

  bool instrumentsComputed = false;
  std::vector<Instrument> instruments;

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
    return adjustmentTruncated || implicationsTruncated || pathsTruncated || frontDoorTruncated;
  }
};

// Fails with InvalidArgument when a node is both exposure and outcome, Cancelled when stopped.
Result<IdentificationSummary> identify(const graph::IndexedGraph& g, const IdentificationOptions& options = {},
                                       const Progress& progress = {});

}  // namespace causeway::identification
