#pragma once

#include <QUndoCommand>

#include <string>

#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// Renames a node (validated by edits::renameNode: non-empty, unique).
class RenameNodeCommand : public QUndoCommand {
 public:
  RenameNodeCommand(GraphDocument& document, graph::NodeId id, std::string name, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  graph::NodeId id_;
  std::string oldName_;
  std::string newName_;
};

}  // namespace causeway::ui
