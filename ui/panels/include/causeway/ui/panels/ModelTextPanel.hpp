#pragma once

#include <QTimer>
#include <QWidget>

#include <optional>

#include "causeway/common/Error.hpp"

class QLabel;
class QPlainTextEdit;

namespace causeway::ui {

class DagittyHighlighter;
class GraphDocument;

// The model in DAGitty syntax, kept in sync both ways. Typing is applied after a short pause as
// one undoable ReplaceModelCommand; a syntax error is underlined at its line and column with the
// message below, and the drawing is left as it was. Changes made elsewhere (canvas, undo) rewrite
// the text, unless the user has typed something not yet applied.
class ModelTextPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ModelTextPanel(GraphDocument& document, QWidget* parent = nullptr);

  [[nodiscard]] QPlainTextEdit* editor() const { return editor_; }
  [[nodiscard]] QString text() const;
  // The error currently shown, if any.
  [[nodiscard]] const std::optional<Error>& error() const { return error_; }
  void setApplyDelay(int milliseconds) { applyTimer_.setInterval(milliseconds); }

 public Q_SLOTS:
  // Applies pending typing now (e.g. before saving).
  void applyNow();
  // Rewrites the text from the model (discarding pending typing).
  void refreshFromModel();

 Q_SIGNALS:
  void statusMessage(const QString& message, int timeoutMs);
  // The typed or pasted text replaced the model (the view may need to show new nodes).
  void modelApplied();

 protected:
  void changeEvent(QEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void onTextEdited();
  void onDocumentChanged();
  void showError(const std::optional<Error>& error);

  GraphDocument& document_;
  QPlainTextEdit* editor_;
  QLabel* message_;
  DagittyHighlighter* highlighter_;
  QTimer applyTimer_;
  QTimer refreshTimer_;
  std::optional<Error> error_;
  bool settingText_ = false;  // our own setPlainText, not the user typing
  bool applying_ = false;     // the document change comes from this panel
  bool pending_ = false;      // typed text not yet applied
  bool stale_ = false;        // model changed while hidden
};

}  // namespace causeway::ui
