#include "causeway/ui/document/MoveNodesCommand.hpp"

#include <atomic>
#include <utility>

namespace causeway::ui {

MoveNodesCommand::MoveNodesCommand(GraphDocument& document, std::vector<NodeMove> moves, int gesture,
                                   QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), moves_(std::move(moves)), gesture_(gesture) {
  for (NodeMove& m : moves_) {
    if (!m.from) m.from = document_.graph().node(m.id).position;
    wasPinned_.push_back(document_.isPinned(m.id));
  }
  setText(moves_.size() == 1
              ? QObject::tr("Move %1").arg(QString::fromStdString(document_.graph().name(moves_.front().id)))
              : QObject::tr("Move %n node(s)", nullptr, static_cast<int>(moves_.size())));
}

void MoveNodesCommand::redo() {
  for (const NodeMove& m : moves_) {
    document_.changePosition(m.id, m.to);
    document_.changePinned(m.id, true);
  }
}

void MoveNodesCommand::undo() {
  for (std::size_t i = 0; i < moves_.size(); ++i) {
    document_.changePosition(moves_[i].id, moves_[i].from);
    document_.changePinned(moves_[i].id, wasPinned_[i]);
  }
}

bool MoveNodesCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = dynamic_cast<const MoveNodesCommand*>(other);
  if (next == nullptr || gesture_ == 0 || next->gesture_ != gesture_ || next->moves_.size() != moves_.size())
    return false;
  for (std::size_t i = 0; i < moves_.size(); ++i)
    if (moves_[i].id != next->moves_[i].id) return false;
  // Keep where the gesture started, take where it is now.
  for (std::size_t i = 0; i < moves_.size(); ++i) moves_[i].to = next->moves_[i].to;
  return true;
}

int MoveNodesCommand::newGesture() {
  static std::atomic<int> counter{0};
  return ++counter;
}

}  // namespace causeway::ui
