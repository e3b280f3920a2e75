#pragma once

#include <QSet>
#include <QUndoCommand>

#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// Replaces the whole model (an edit of the model text, a paste, a file load). Build the new graph
// with ModelImport so nodes keep their ids and places; undo brings back the previous model,
// scale and pins exactly.
class ReplaceModelCommand : public QUndoCommand {
 public:
  ReplaceModelCommand(GraphDocument& document, graph::CausalGraph graph, double scale, QSet<graph::NodeId> pinned,
                      QUndoCommand* parent = nullptr);
  void redo() override;
  void undo() override;

 private:
  GraphDocument& document_;
  graph::CausalGraph oldGraph_;
  double oldScale_;
  QSet<graph::NodeId> oldPinned_;
  graph::CausalGraph newGraph_;
  double newScale_;
  QSet<graph::NodeId> newPinned_;
};

}  // namespace causeway::ui
