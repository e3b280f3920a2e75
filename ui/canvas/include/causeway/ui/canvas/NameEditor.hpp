#pragma once

#include <QLineEdit>

namespace causeway::ui {

// The in-place line edit for naming a new node or renaming one. Enter commits, Escape cancels,
// and leaving the field commits (as in most diagram editors).
class NameEditor : public QLineEdit {
  Q_OBJECT

 public:
  explicit NameEditor(QWidget* parent = nullptr);
  // Call after a refused commit: keeps the editor open with the text selected.
  void reject();

 Q_SIGNALS:
  void committed(const QString& text);
  void cancelled();

 protected:
  void keyPressEvent(QKeyEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;

 private:
  bool finished_ = false;
};

}  // namespace causeway::ui
