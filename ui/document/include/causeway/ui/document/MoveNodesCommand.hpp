#pragma once

#include <QUndoCommand>

#include <optional>
#include <vector>

#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

struct NodeMove {
  graph::NodeId id = graph::kNoNode;
  std::optional<graph::Point> from;
  graph::Point to;
};

// Moves nodes the user dragged (or nudged) and pins them there. Commands with the same non-zero
// gesture id merge, so a whole drag is one undo step however many mouse moves it took.
class MoveNodesCommand : public QUndoCommand {
 public:
  static constexpr int kId = 0x4d4f5645;  // 'MOVE'

  // `moves[i].from` is filled from the document when empty.
  MoveNodesCommand(GraphDocument& document, std::vector<NodeMove> moves, int gesture, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;
  [[nodiscard]] int id() const override { return kId; }
  bool mergeWith(const QUndoCommand* other) override;

  // A fresh id for one drag or nudge gesture.
  [[nodiscard]] static int newGesture();

 private:
  GraphDocument& document_;
  std::vector<NodeMove> moves_;
  std::vector<bool> wasPinned_;
  int gesture_;
};

}  // namespace causeway::ui
