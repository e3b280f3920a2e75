#pragma once

#include <QString>
#include <QUndoCommand>

#include <optional>
#include <vector>

#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/MoveNodesCommand.hpp"

namespace causeway::ui {

// Applies an automatic layout (or any set of computed positions) as one undo step. Unlike a
// drag it does not pin nodes and never merges.
class LayoutCommand : public QUndoCommand {
 public:
  LayoutCommand(GraphDocument& document, std::vector<NodeMove> moves, const QString& text,
                QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  std::vector<NodeMove> moves_;
};

}  // namespace causeway::ui
