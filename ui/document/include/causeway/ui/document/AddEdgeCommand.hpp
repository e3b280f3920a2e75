#pragma once

#include <QUndoCommand>

#include "causeway/common/Result.hpp"
#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// Adds one edge. Use validate() first: an edge that would close a cycle is never pushed.
class AddEdgeCommand : public QUndoCommand {
 public:
  AddEdgeCommand(GraphDocument& document, graph::EdgeData edge, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

  // Fails on unknown nodes, self-loops, duplicates and cycles (naming the cycle).
  [[nodiscard]] static Result<void> validate(const graph::CausalGraph& graph, const graph::EdgeData& edge);

 private:
  GraphDocument& document_;
  graph::EdgeData edge_;
};

}  // namespace causeway::ui
