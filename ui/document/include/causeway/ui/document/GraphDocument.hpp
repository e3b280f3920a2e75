#pragma once

#include <QMetaType>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QUndoStack>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"

namespace causeway::ui {

// The editable causal diagram: a plain CausalGraph (positions in model units, as DAGitty writes
// them), the canvas scale (scene pixels per model unit), the set of nodes the user pinned by
// placing them, and the undo stack. It knows nothing of graphics. Every edit goes through exec()
// as a QUndoCommand (see GraphEdits.hpp for the validated entry points); the commands call the
// mutators below, which change the model and emit the signals the scene and panels follow.
class GraphDocument : public QObject {
  Q_OBJECT

 public:
  explicit GraphDocument(QObject* parent = nullptr);
  ~GraphDocument() override;

  [[nodiscard]] const graph::CausalGraph& graph() const { return graph_; }
  [[nodiscard]] QUndoStack* undoStack() { return &undoStack_; }
  [[nodiscard]] const QUndoStack* undoStack() const { return &undoStack_; }

  // Bumped by every change; results computed for an older revision are stale.
  [[nodiscard]] quint64 revision() const { return revision_; }
  // Bumped only by changes that can alter identification (not by moves or pins).
  [[nodiscard]] quint64 analysisRevision() const { return analysisRevision_; }

  [[nodiscard]] double coordinateScale() const { return scale_; }
  [[nodiscard]] bool isPinned(graph::NodeId id) const { return pinned_.contains(id); }
  [[nodiscard]] const QSet<graph::NodeId>& pinnedNodes() const { return pinned_; }

  // Node centre on the canvas (model position times the scale; the origin if it has none).
  [[nodiscard]] QPointF scenePosition(graph::NodeId id) const;
  // Canvas point to model units, rounded so the model text stays tidy.
  [[nodiscard]] graph::Point toModel(QPointF scenePoint) const;

  // The one path for edits: pushes onto the undo stack, or just runs it while undo is suspended
  // (bulk loads). Takes ownership.
  void exec(QUndoCommand* command);
  [[nodiscard]] bool undoSuspended() const { return undoSuspended_ > 0; }

  // Model text plus canvas state, for change detection and tests: equal strings, equal documents.
  [[nodiscard]] QString serialize() const;

  // ---- Mutators: called only by the QUndoCommand classes. ----------------------------------
  void insertNode(const graph::NodeData& node);
  void eraseNode(graph::NodeId id);
  void insertEdge(const graph::EdgeData& edge);
  void eraseEdge(const graph::EdgeData& edge);
  // Puts removed nodes and edges back with the graph's original node and edge order.
  void restoreItems(const std::vector<graph::NodeId>& nodeOrder, const std::vector<graph::EdgeData>& edgeOrder,
                    const std::vector<graph::NodeData>& removedNodes, const std::vector<graph::EdgeData>& removedEdges);
  void changeName(graph::NodeId id, const std::string& name);
  void changeRoles(graph::NodeId id, graph::RoleSet roles);
  void changePosition(graph::NodeId id, std::optional<graph::Point> position);
  void changePinned(graph::NodeId id, bool pinned);
  void resetModel(const graph::CausalGraph& graph, double scale, const QSet<graph::NodeId>& pinned);

 Q_SIGNALS:
  void nodeAdded(causeway::graph::NodeId id);
  void nodeRemoved(causeway::graph::NodeId id);
  void nodeChanged(causeway::graph::NodeId id);  // name, roles or pin
  void nodeMoved(causeway::graph::NodeId id);
  void edgeAdded(const causeway::graph::EdgeData& edge);
  void edgeRemoved(const causeway::graph::EdgeData& edge);
  void modelReset();
  void changed();                // after any change
  void analysisInputChanged();   // after a change that can alter identification

 private:
  friend class UndoSuspender;
  void touch(bool affectsAnalysis);

  graph::CausalGraph graph_;
  QUndoStack undoStack_;
  QSet<graph::NodeId> pinned_;
  double scale_ = 100.0;
  quint64 revision_ = 0;
  quint64 analysisRevision_ = 0;
  int undoSuspended_ = 0;
};

}  // namespace causeway::ui

Q_DECLARE_METATYPE(causeway::graph::EdgeData)
