#pragma once

#include <QSet>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// A parsed model made ready to become the document's model.
struct ImportedModel {
  graph::CausalGraph graph;
  double scale = 100.0;
  QSet<graph::NodeId> pinned;
};

enum class ImportMode {
  Merge,  // an edit of the current model's text: same-named nodes keep their ids, places and pins
  Fresh,  // a file or example: nothing carries over
};

// Prepares `parsed` for ReplaceModelCommand: in Merge mode nodes keep the id (and, when the text
// gives none, the position) of the same-named node in `document`; the scale is kept unless the
// model shares no node with the current one (a paste from dagitty.net) or its coordinates are on
// a very different scale (over 3x apart), in which case it is chosen from the new coordinates;
// nodes still without a position are placed by the layered layout around the ones that have one.
[[nodiscard]] ImportedModel importModel(const GraphDocument& document, const graph::CausalGraph& parsed,
                                        ImportMode mode);

// Scene pixels per model unit so that DAGitty's coordinates (any range: 0..2, -3..6, 0..500)
// become a readable canvas: neighbouring nodes ~170 px apart and no two boxes overlapping.
[[nodiscard]] double chooseScale(const graph::CausalGraph& graph);

}  // namespace causeway::ui
