#include "causeway/ui/document/LayoutCommand.hpp"

#include <utility>

namespace causeway::ui {

LayoutCommand::LayoutCommand(GraphDocument& document, std::vector<NodeMove> moves, const QString& text,
                             QUndoCommand* parent)
    : QUndoCommand(text, parent), document_(document), moves_(std::move(moves)) {
  for (NodeMove& m : moves_)
    if (!m.from) m.from = document_.graph().node(m.id).position;
}

void LayoutCommand::redo() {
  for (const NodeMove& m : moves_) document_.changePosition(m.id, m.to);
}

void LayoutCommand::undo() {
  for (const NodeMove& m : moves_) document_.changePosition(m.id, m.from);
}

}  // namespace causeway::ui
