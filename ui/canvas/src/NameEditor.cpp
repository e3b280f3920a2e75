#include "causeway/ui/canvas/NameEditor.hpp"

#include <QKeyEvent>

namespace causeway::ui {

NameEditor::NameEditor(QWidget* parent) : QLineEdit(parent) {
  setObjectName(QStringLiteral("nodeNameEditor"));
  setPlaceholderText(tr("Variable name"));
  setToolTip(tr("Type the variable's name; Enter to confirm, Escape to cancel"));
  setAlignment(Qt::AlignCenter);
}

void NameEditor::reject() {
  finished_ = false;
  selectAll();
  setFocus();
}

void NameEditor::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
    finished_ = true;
    Q_EMIT committed(text());
    return;
  }
  if (event->key() == Qt::Key_Escape) {
    finished_ = true;
    Q_EMIT cancelled();
    return;
  }
  QLineEdit::keyPressEvent(event);
}

void NameEditor::focusOutEvent(QFocusEvent* event) {
  QLineEdit::focusOutEvent(event);
  if (!finished_ && event->reason() != Qt::PopupFocusReason) {
    finished_ = true;
    Q_EMIT committed(text());
  }
}

}  // namespace causeway::ui
