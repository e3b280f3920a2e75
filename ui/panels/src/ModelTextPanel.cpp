#include "causeway/ui/panels/ModelTextPanel.hpp"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/panels/DagittyHighlighter.hpp"

namespace causeway::ui {

ModelTextPanel::ModelTextPanel(GraphDocument& document, QWidget* parent)
    : QWidget(parent), document_(document), editor_(new QPlainTextEdit(this)), message_(new QLabel(this)) {
  setObjectName(QStringLiteral("modelTextPanel"));
  editor_->setObjectName(QStringLiteral("modelTextEdit"));
  editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  editor_->setLineWrapMode(QPlainTextEdit::NoWrap);
  editor_->setTabChangesFocus(false);
  editor_->setToolTip(tr("The model in DAGitty syntax, e.g. dag { X [exposure] Y [outcome] Z -> X -> Y Z -> Y }.\n"
                         "Edits apply after a short pause and can be undone; paste a model from dagitty.net here."));
  highlighter_ = new DagittyHighlighter(editor_->document(), editor_->palette());
  message_->setObjectName(QStringLiteral("modelTextMessage"));
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message_->setVisible(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(editor_, 1);
  layout->addWidget(message_);

  applyTimer_.setSingleShot(true);
  applyTimer_.setInterval(400);
  connect(&applyTimer_, &QTimer::timeout, this, &ModelTextPanel::applyNow);
  refreshTimer_.setSingleShot(true);
  refreshTimer_.setInterval(60);
  connect(&refreshTimer_, &QTimer::timeout, this, [this] {
    if (!pending_) refreshFromModel();  // typing since the change wins
  });
  connect(editor_, &QPlainTextEdit::textChanged, this, &ModelTextPanel::onTextEdited);
  connect(&document_, &GraphDocument::changed, this, &ModelTextPanel::onDocumentChanged);
  refreshFromModel();
}

QString ModelTextPanel::text() const { return editor_->toPlainText(); }

void ModelTextPanel::onTextEdited() {
  if (settingText_) return;
  pending_ = true;
  refreshTimer_.stop();
  applyTimer_.start();
}

void ModelTextPanel::applyNow() {
  applyTimer_.stop();
  if (!pending_) return;
  pending_ = false;
  applying_ = true;
  auto applied = edits::replaceModelText(document_, editor_->toPlainText());
  applying_ = false;
  if (applied) {
    showError(std::nullopt);
    Q_EMIT modelApplied();
  } else {
    showError(applied.error());
    Q_EMIT statusMessage(tr("Model text not applied: %1").arg(QString::fromStdString(applied.error().describe())),
                         6000);
  }
}

void ModelTextPanel::onDocumentChanged() {
  // Our own edit: keep the user's text as typed. Pending typing wins over a rewrite.
  if (applying_ || pending_) return;
  if (!isVisible()) {
    stale_ = true;  // a hidden pane costs nothing; catch up when shown
    return;
  }
  refreshTimer_.start();
}

void ModelTextPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (stale_ && !pending_) refreshFromModel();
}

void ModelTextPanel::refreshFromModel() {
  refreshTimer_.stop();
  applyTimer_.stop();
  pending_ = false;
  stale_ = false;
  const QString text = QString::fromStdString(graph::writeDagitty(document_.graph()));
  showError(std::nullopt);
  const QString old = editor_->toPlainText();
  if (text == old) return;
  settingText_ = true;
  // Replace only what changed (one node's line, usually): large models stay cheap to update and
  // the caret and scroll position stay where they were.
  qsizetype prefix = 0;
  const qsizetype shorter = std::min(old.size(), text.size());
  while (prefix < shorter && old[prefix] == text[prefix]) ++prefix;
  qsizetype suffix = 0;
  while (suffix < shorter - prefix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix]) ++suffix;
  QTextDocument* doc = editor_->document();
  doc->setUndoRedoEnabled(false);  // the editor's own undo is for typing, not for model changes
  QTextCursor cursor(doc);
  cursor.setPosition(static_cast<int>(prefix));
  cursor.setPosition(static_cast<int>(old.size() - suffix), QTextCursor::KeepAnchor);
  cursor.insertText(text.mid(prefix, text.size() - suffix - prefix));
  doc->setUndoRedoEnabled(true);
  settingText_ = false;
}

void ModelTextPanel::showError(const std::optional<Error>& error) {
  error_ = error;
  if (!error) {
    editor_->setExtraSelections({});
    message_->clear();
    message_->setVisible(false);
    return;
  }
  QList<QTextEdit::ExtraSelection> selections;
  const int line = static_cast<int>(error->context.line);
  const QTextBlock block = line > 0 ? editor_->document()->findBlockByNumber(line - 1) : QTextBlock();
  if (block.isValid()) {
    // The whole line tinted, and a wavy underline from the column to the end of the word.
    QTextEdit::ExtraSelection lineMark;
    QColor tint(0xd6, 0x33, 0x3c);
    tint.setAlphaF(0.16);
    lineMark.format.setBackground(tint);
    lineMark.format.setProperty(QTextFormat::FullWidthSelection, true);
    lineMark.cursor = QTextCursor(block);
    selections << lineMark;

    QTextEdit::ExtraSelection underline;
    underline.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    underline.format.setUnderlineColor(QColor(0xd6, 0x33, 0x3c));
    QTextCursor cursor(block);
    const int column = std::max(1, static_cast<int>(error->context.column));
    const int start = std::min(column - 1, std::max(0, block.length() - 1));
    cursor.setPosition(block.position() + start);
    cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
    if (!cursor.hasSelection()) {
      // At the end of a line or on punctuation: mark one character (or the line's last one).
      if (start > 0 && start >= block.length() - 1) cursor.setPosition(block.position() + start - 1);
      cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    }
    underline.cursor = cursor;
    selections << underline;
  }
  editor_->setExtraSelections(selections);
  QString where;
  if (error->context.line > 0)
    where = error->context.column > 0 ? tr("Line %1, column %2: ").arg(error->context.line).arg(error->context.column)
                                      : tr("Line %1: ").arg(error->context.line);
  message_->setText(QStringLiteral("\u26A0 ") + where + QString::fromStdString(error->message) +
                    tr(" (the drawing is unchanged until the text is valid)"));
  QPalette pal = message_->palette();
  const bool dark = pal.color(QPalette::Window).lightness() < 128;
  pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x8a) : QColor(0xb0, 0x1c, 0x2c));
  message_->setPalette(pal);
  message_->setVisible(true);
}

void ModelTextPanel::changeEvent(QEvent* event) {
  QWidget::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) highlighter_->setPalette(editor_->palette());
}

}  // namespace causeway::ui
