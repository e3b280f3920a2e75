#include "causeway/ui/panels/DagittyHighlighter.hpp"

#include <QPalette>

namespace causeway::ui {

DagittyHighlighter::DagittyHighlighter(QTextDocument* document, const QPalette& palette) : QSyntaxHighlighter(document) {
  setPalette(palette);
}

void DagittyHighlighter::setPalette(const QPalette& palette) {
  const bool dark = palette.color(QPalette::Base).lightness() < 128;
  rules_.clear();
  QTextCharFormat graphKeyword;
  graphKeyword.setForeground(palette.color(QPalette::Link));
  graphKeyword.setFontWeight(QFont::Bold);
  QTextCharFormat role;
  role.setForeground(dark ? QColor(0x8a, 0xc9, 0xff) : QColor(0x1f, 0x5f, 0x99));
  QTextCharFormat arrow;
  arrow.setForeground(dark ? QColor(0xff, 0xb8, 0x6b) : QColor(0xa0, 0x4a, 0x00));
  arrow.setFontWeight(QFont::Bold);
  QTextCharFormat string;
  string.setForeground(dark ? QColor(0x9c, 0xd6, 0x8a) : QColor(0x2c, 0x6e, 0x2c));
  comment_.setForeground(palette.color(QPalette::PlaceholderText));
  comment_.setFontItalic(true);
  rules_.append({QRegularExpression(QStringLiteral("\\b(dag|pdag|mag|pag|digraph|graph|strict)\\b")), graphKeyword});
  rules_.append({QRegularExpression(QStringLiteral("\\b(exposure|outcome|adjusted|latent|selected|pos|bb)\\b")), role});
  rules_.append({QRegularExpression(QStringLiteral("<->|->|<-|--")), arrow});
  rules_.append({QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"")), string});
  rehighlight();
}

void DagittyHighlighter::highlightBlock(const QString& text) {
  for (const Rule& rule : std::as_const(rules_)) {
    auto it = rule.pattern.globalMatch(text);
    while (it.hasNext()) {
      const auto match = it.next();
      setFormat(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedLength()), rule.format);
    }
  }
  // Comments: // and # to the end of the line, /* ... */ across lines.
  int start = previousBlockState() == 1 ? 0 : -1;
  int searchFrom = 0;
  setCurrentBlockState(0);
  while (true) {
    if (start < 0) {
      const auto line = text.indexOf(QLatin1String("//"), searchFrom);
      const auto hash = text.indexOf(QLatin1Char('#'), searchFrom);
      const auto block = text.indexOf(QLatin1String("/*"), searchFrom);
      auto first = [](qsizetype a, qsizetype b) { return a < 0 ? b : (b < 0 ? a : std::min(a, b)); };
      const qsizetype lineComment = first(line, hash);
      if (lineComment >= 0 && (block < 0 || lineComment < block)) {
        setFormat(static_cast<int>(lineComment), static_cast<int>(text.size() - lineComment), comment_);
        return;
      }
      if (block < 0) return;
      start = static_cast<int>(block);
    }
    const auto end = text.indexOf(QLatin1String("*/"), start + 2);
    if (end < 0) {
      setFormat(start, static_cast<int>(text.size()) - start, comment_);
      setCurrentBlockState(1);
      return;
    }
    setFormat(start, static_cast<int>(end) + 2 - start, comment_);
    searchFrom = static_cast<int>(end) + 2;
    start = -1;
  }
}

}  // namespace causeway::ui
