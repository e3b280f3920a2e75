#pragma once

#include <QUndoCommand>

#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// Sets the full role set of one node (exposure, outcome, adjusted, latent, selected).
class SetRolesCommand : public QUndoCommand {
 public:
  SetRolesCommand(GraphDocument& document, graph::NodeId id, graph::RoleSet roles, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  graph::NodeId id_;
  graph::RoleSet oldRoles_;
  graph::RoleSet newRoles_;
};

}  // namespace causeway::ui
