#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::ui {

// A set of nodes as the panel shows it: ids (to act on) and "{A, B}" (names sorted).
struct NodeGroup {
  std::vector<graph::NodeId> ids;
  QString text;
  bool operator==(const NodeGroup&) const = default;
};

struct PathInfo {
  QString text;                         // "X <- A -> M <- B -> Y"
  std::vector<graph::NodeId> nodes;
  std::vector<graph::EdgeData> edges;   // as stored in the graph (for highlighting)
  bool causal = false;
  bool open = false;
  QString closedBecause;                // empty when open
};

struct AdjustedSetVerdict {
  bool valid = false;
  NodeGroup adjusted;
  QString forbidden;  // names of adjusted nodes that are effects of the exposure (or the outcome)
  QString latent;     // names of adjusted nodes that are latent
  std::optional<PathInfo> openPath;
};

struct OptimalSetInfo {
  identification::OptimalSet::Status status = identification::OptimalSet::Status::NoValidSet;
  NodeGroup nodes;
  NodeGroup latent;
};

struct InstrumentInfo {
  graph::NodeId instrument = graph::kNoNode;
  NodeGroup given;
  QString text;  // "Z" or "Z | W"
};

// Everything the identification panel and the canvas show, in ids and display strings, computed
// on the worker thread from the core's IdentificationSummary (whose indices die with the snapshot).
struct IdentificationResult {
  quint64 revision = 0;  // the document's analysis revision it was computed for
  bool ok = false;
  QString error;
  qint64 elapsedMs = 0;
  std::size_t nodeCount = 0;  // variables in the model (an empty model has nothing to imply)

  NodeGroup exposures;
  NodeGroup outcomes;
  bool hasQuestion = false;  // at least one exposure and one outcome
  identification::Effect effect = identification::Effect::Total;
  // Which population (and effect) the sets are about, in words; empty when it is plainly the
  // total effect in the whole population (no selected nodes).
  QString populationSentence;
  // With a selection that is not d-separated from the outcome: the minimal sets valid among the
  // selected units (adjustmentSets is then empty).
  std::vector<NodeGroup> selectedUnitSets;

  bool adjustmentComputed = false;
  std::vector<NodeGroup> adjustmentSets;  // minimal sufficient; one empty set: nothing to adjust
  bool adjustmentTruncated = false;
  std::optional<NodeGroup> canonicalSet;
  std::optional<AdjustedSetVerdict> adjustedSet;
  // With nodes marked adjusted, adjustmentSets contain them; these are the minimal sets without
  // that constraint (empty when nothing is marked adjusted).
  std::vector<NodeGroup> setsIgnoringAdjusted;
  bool setsIgnoringAdjustedTruncated = false;
  std::optional<OptimalSetInfo> optimal;

  bool instrumentsComputed = false;
  std::vector<InstrumentInfo> instruments;

  bool frontDoorComputed = false;
  bool frontDoorPending = false;  // still being computed (it can take long on large graphs)
  std::vector<NodeGroup> frontDoorSets;
  bool frontDoorTruncated = false;

  bool pathsComputed = false;
  std::vector<PathInfo> paths;
  bool pathsTruncated = false;

  bool implicationsComputed = false;
  QStringList implications;
  bool implicationsTruncated = false;

  QStringList notes;

  // "To estimate the total effect of X on Y, adjust for {A, B} or {C}." and its variants.
  [[nodiscard]] QString adjustmentSentence() const;
  // Edges on causal paths, and on open biasing paths, for the canvas colours.
  [[nodiscard]] std::vector<graph::EdgeData> causalPathEdges() const;
  [[nodiscard]] std::vector<graph::EdgeData> biasingPathEdges() const;
};

// Converts the core's summary for snapshot `g`.
[[nodiscard]] IdentificationResult toResult(const graph::IndexedGraph& g,
                                            const identification::IdentificationSummary& summary, quint64 revision);
// Fills in the front-door part of `result` from a summary computed with only that part.
void addFrontDoor(const graph::IndexedGraph& g, const identification::IdentificationSummary& summary,
                  IdentificationResult& result);

// "1,000" in the user's locale.
[[nodiscard]] QString formatCount(std::size_t count);

}  // namespace causeway::ui

Q_DECLARE_METATYPE(causeway::ui::IdentificationResult)
