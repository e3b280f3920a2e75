#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace causeway::ui {

// Colours DAGitty model text: graph keywords, role keywords, arrows, quoted strings, comments.
// Colours come from the editor's palette so dark themes stay readable.
class DagittyHighlighter : public QSyntaxHighlighter {
  Q_OBJECT

 public:
  explicit DagittyHighlighter(QTextDocument* document, const QPalette& palette);
  void setPalette(const QPalette& palette);

 protected:
  void highlightBlock(const QString& text) override;

 private:
  struct Rule {
    QRegularExpression pattern;
    QTextCharFormat format;
  };
  QList<Rule> rules_;
  QTextCharFormat comment_;
};

}  // namespace causeway::ui
