#pragma once

#include <QPointF>
#include <QSet>
#include <QString>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/layout/LayoutOptions.hpp"

// Validated edits: each checks its input, then pushes one command (or one macro) through
// GraphDocument::exec. A failed check pushes nothing and returns the reason for the status bar.
namespace causeway::ui::edits {

// A trimmed, usable node name, or why not (empty, taken, or containing quotes/line breaks).
[[nodiscard]] Result<std::string> checkName(const GraphDocument& document, const QString& name,
                                            std::optional<graph::NodeId> renaming = std::nullopt);
// "V1", "V2", ... the first free one.
[[nodiscard]] QString suggestName(const GraphDocument& document);

Result<graph::NodeId> addNode(GraphDocument& document, const QString& name, QPointF scenePosition);
Result<void> addEdge(GraphDocument& document, graph::NodeId from, graph::NodeId to,
                     graph::EdgeKind kind = graph::EdgeKind::Directed);
void removeItems(GraphDocument& document, std::vector<graph::NodeId> nodes, std::vector<graph::EdgeData> edges);
Result<void> renameNode(GraphDocument& document, graph::NodeId id, const QString& name);

// DAGitty's role keys on a selection: if every node already has the role it is cleared,
// otherwise set; exposure and outcome exclude each other, as do adjusted and latent.
void toggleRole(GraphDocument& document, const std::vector<graph::NodeId>& ids, graph::Role role);
// Makes exactly `ids` the adjusted nodes (one undo step).
void setAdjustedSet(GraphDocument& document, const std::vector<graph::NodeId>& ids);

// One step of a drag or nudge; steps with the same gesture merge into one undo step.
void moveNodes(GraphDocument& document, const std::vector<std::pair<graph::NodeId, QPointF>>& scenePositions,
               int gesture);
// Computed positions (scene pixels) as one undo step; unchanged nodes are left out.
void applyLayout(GraphDocument& document, const layout::Positions& scenePositions, const QString& text);
void setPinned(GraphDocument& document, std::vector<graph::NodeId> ids, bool pinned);

// Parses model text (DAGitty, or DOT) and, if it differs from the current model, replaces the
// model in one undo step, keeping nodes' ids and places. A syntax error changes nothing and is
// returned with its line and column.
Result<void> replaceModelText(GraphDocument& document, const QString& text);

// Loads a model as a new document state without an undo step (files, examples): the undo stack
// is cleared and marked clean. `scale` and pinned names come from a project file when known.
void loadModel(GraphDocument& document, const graph::CausalGraph& graph, std::optional<double> scale = std::nullopt,
               const QStringList& pinnedNames = {});

}  // namespace causeway::ui::edits
