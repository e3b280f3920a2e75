#include "causeway/ui/document/RenameNodeCommand.hpp"

#include <utility>

namespace causeway::ui {

RenameNodeCommand::RenameNodeCommand(GraphDocument& document, graph::NodeId id, std::string name,
                                     QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), id_(id), oldName_(document.graph().name(id)),
      newName_(std::move(name)) {
  setText(QObject::tr("Rename %1 to %2").arg(QString::fromStdString(oldName_), QString::fromStdString(newName_)));
}

void RenameNodeCommand::redo() { document_.changeName(id_, newName_); }
void RenameNodeCommand::undo() { document_.changeName(id_, oldName_); }

}  // namespace causeway::ui
