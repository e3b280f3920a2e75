#pragma once

#include <QUndoCommand>

#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// Adds one node (id chosen when the command is made, so redo brings back the same node).
class AddNodeCommand : public QUndoCommand {
 public:
  AddNodeCommand(GraphDocument& document, graph::NodeData node, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  graph::NodeData node_;
};

}  // namespace causeway::ui
