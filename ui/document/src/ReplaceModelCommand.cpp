#include "causeway/ui/document/ReplaceModelCommand.hpp"

#include <utility>

namespace causeway::ui {

ReplaceModelCommand::ReplaceModelCommand(GraphDocument& document, graph::CausalGraph graph, double scale,
                                         QSet<graph::NodeId> pinned, QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Edit model text"), parent),
      document_(document),
      oldGraph_(document.graph()),
      oldScale_(document.coordinateScale()),
      oldPinned_(document.pinnedNodes()),
      newGraph_(std::move(graph)),
      newScale_(scale),
      newPinned_(std::move(pinned)) {}

void ReplaceModelCommand::redo() { document_.resetModel(newGraph_, newScale_, newPinned_); }
void ReplaceModelCommand::undo() { document_.resetModel(oldGraph_, oldScale_, oldPinned_); }

}  // namespace causeway::ui
