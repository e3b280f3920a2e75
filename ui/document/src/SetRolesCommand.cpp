#include "causeway/ui/document/SetRolesCommand.hpp"

namespace causeway::ui {

SetRolesCommand::SetRolesCommand(GraphDocument& document, graph::NodeId id, graph::RoleSet roles, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), id_(id), oldRoles_(document.graph().roles(id)), newRoles_(roles) {
  setText(QObject::tr("Change roles of %1").arg(QString::fromStdString(document.graph().name(id))));
}

void SetRolesCommand::redo() { document_.changeRoles(id_, newRoles_); }
void SetRolesCommand::undo() { document_.changeRoles(id_, oldRoles_); }

}  // namespace causeway::ui
