#include "causeway/ui/document/SetPinnedCommand.hpp"

#include <utility>

namespace causeway::ui {

SetPinnedCommand::SetPinnedCommand(GraphDocument& document, std::vector<graph::NodeId> ids, bool pinned,
                                   QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), ids_(std::move(ids)), pinned_(pinned) {
  for (graph::NodeId id : ids_) wasPinned_.push_back(document_.isPinned(id));
  setText(pinned ? QObject::tr("Pin nodes") : QObject::tr("Unpin nodes"));
}

void SetPinnedCommand::redo() {
  for (graph::NodeId id : ids_) document_.changePinned(id, pinned_);
}

void SetPinnedCommand::undo() {
  for (std::size_t i = 0; i < ids_.size(); ++i) document_.changePinned(ids_[i], wasPinned_[i]);
}

}  // namespace causeway::ui
