#pragma once

#include <QUndoCommand>

#include <vector>

#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// Deletes nodes (with every edge touching them) and edges. Undo restores them exactly: same
// ids, roles, positions, pins, control points, and the graph's original node and edge order.
class RemoveItemsCommand : public QUndoCommand {
 public:
  RemoveItemsCommand(GraphDocument& document, std::vector<graph::NodeId> nodes, std::vector<graph::EdgeData> edges,
                     QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  std::vector<graph::NodeId> nodes_;
  std::vector<graph::EdgeData> edges_;
  // Saved by redo():
  std::vector<graph::NodeId> nodeOrder_;
  std::vector<graph::EdgeData> edgeOrder_;
  std::vector<graph::NodeData> removedNodes_;
  std::vector<graph::EdgeData> removedEdges_;
  std::vector<graph::NodeId> removedPins_;
};

}  // namespace causeway::ui
