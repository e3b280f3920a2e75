#pragma once

#include <QString>
#include <QStringList>

#include <optional>

#include "causeway/common/Result.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

enum class FileKind { Project, Dagitty, Dot };

// .causeway -> Project; .dot/.gv -> Dot; anything else (.dag, .txt, ...) -> DAGitty syntax.
[[nodiscard]] FileKind fileKindOf(const QString& path);

// What the GUI keeps in a project's "view" object (see ProjectFormat.md).
struct CanvasState {
  std::optional<double> coordinateScale;  // canvas pixels per model unit
  QStringList pinned;                     // names of nodes auto-layout keeps in place
  std::optional<int> maxSets;             // cap on listed sets in the identification panel
};

// A model read from any supported file. For a project, `project` holds everything else in it
// (title, data, analysis settings, notes, other view state), so saving it back loses nothing.
struct OpenedModel {
  graph::CausalGraph graph;
  FileKind kind = FileKind::Dagitty;
  project::Project project;
  CanvasState canvas;
  QString dataPath;  // absolute; empty when there is none
};

[[nodiscard]] Result<OpenedModel> readModelFile(const QString& path);
// Model text (DAGitty or DOT, detected) from memory, e.g. a bundled example.
[[nodiscard]] Result<OpenedModel> readModelText(const QByteArray& text, const QString& sourceName);

// Makes `opened` the document's model without an undo step (the stack starts clean).
void loadIntoDocument(GraphDocument& document, const OpenedModel& opened);

// `base` (the project as opened, or a new one) with the document's model and canvas state, and
// the data file stored relative to `path`.
[[nodiscard]] project::Project projectFromDocument(const GraphDocument& document, const QString& path,
                                                   const project::Project& base, const QString& dataPath,
                                                   std::optional<int> maxSets = std::nullopt);

// Saves by extension, atomically: a project (.causeway), DOT (.dot/.gv) or DAGitty model text.
[[nodiscard]] Result<void> saveDocument(const GraphDocument& document, const QString& path,
                                        const project::Project& base = {}, const QString& dataPath = {},
                                        std::optional<int> maxSets = std::nullopt);

// Reads and writes the GUI's part of a project's "view" object, keeping keys it does not know.
[[nodiscard]] CanvasState parseCanvasState(const std::string& viewJson);
[[nodiscard]] std::string mergeCanvasState(const std::string& viewJson, const CanvasState& state);

// File dialog filters.
[[nodiscard]] QString openFileFilter();
[[nodiscard]] QString saveFileFilter();

}  // namespace causeway::ui
