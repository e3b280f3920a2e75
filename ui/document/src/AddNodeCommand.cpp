#include "causeway/ui/document/AddNodeCommand.hpp"

#include <utility>

namespace causeway::ui {

AddNodeCommand::AddNodeCommand(GraphDocument& document, graph::NodeData node, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), node_(std::move(node)) {
  setText(QObject::tr("Add node %1").arg(QString::fromStdString(node_.name)));
}

void AddNodeCommand::redo() { document_.insertNode(node_); }
void AddNodeCommand::undo() { document_.eraseNode(node_.id); }

}  // namespace causeway::ui
