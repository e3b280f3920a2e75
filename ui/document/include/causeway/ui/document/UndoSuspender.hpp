#pragma once

#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// While alive, edits run without entering the undo stack (loading a file is not an undoable
// step); on destruction the stack is cleared and marked clean, so "modified" starts afresh.
class UndoSuspender {
 public:
  explicit UndoSuspender(GraphDocument& document) : document_(document) { ++document_.undoSuspended_; }
  ~UndoSuspender() {
    if (--document_.undoSuspended_ == 0) {
      document_.undoStack_.clear();
      document_.undoStack_.setClean();
    }
  }
  UndoSuspender(const UndoSuspender&) = delete;
  UndoSuspender& operator=(const UndoSuspender&) = delete;

 private:
  GraphDocument& document_;
};

}  // namespace causeway::ui
