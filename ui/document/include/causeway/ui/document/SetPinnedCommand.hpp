#pragma once

#include <QUndoCommand>

#include <vector>

#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// Pins or unpins nodes (pinned nodes keep their place when the graph is laid out again).
class SetPinnedCommand : public QUndoCommand {
 public:
  SetPinnedCommand(GraphDocument& document, std::vector<graph::NodeId> ids, bool pinned, QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  std::vector<graph::NodeId> ids_;
  std::vector<bool> wasPinned_;
  bool pinned_;
};

}  // namespace causeway::ui
