#include "causeway/ui/report/ReportTextDocument.hpp"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QPaintDevice>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QUrl>

#include <algorithm>
#include <variant>
#include <vector>

#include "causeway/ui/report/SvgRaster.hpp"

namespace causeway::ui {
namespace {

// Lengths in QTextDocument formats are CSS pixels (1/96 inch); the layout scales them to the
// paint device, images included.
constexpr double kCssDpi = 96.0;

QString qs(const std::string& text) { return QString::fromStdString(text); }

class Builder {
 public:
  Builder(QTextDocument& doc, QPaintDevice* device, double textWidth, const ReportLayoutOptions& options)
      : doc_(doc), cursor_(&doc), options_(options) {
    const double dpi = device != nullptr ? device->logicalDpiX() : kCssDpi;
    textWidthCss_ = textWidth * kCssDpi / dpi;
    QFont base = doc_.defaultFont();
    base.setPointSizeF(options.bodyPointSize);
    doc_.setDefaultFont(base);
    mono_ = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono_.setStyleHint(QFont::TypeWriter);
    mono_.setPointSizeF(options.bodyPointSize * 0.85);
  }

  void titleBlock(const report::ReportDocument& document) {
    QTextBlockFormat block;
    block.setBottomMargin(4);
    QTextCharFormat title = charFormat(options_.bodyPointSize * 2.0, QFont::Bold);
    cursor_.setBlockFormat(block);
    cursor_.setCharFormat(title);
    cursor_.insertText(qs(document.title));
    if (!document.subtitle.empty()) {
      newBlock(block, charFormat(options_.bodyPointSize * 1.3, QFont::Normal));
      cursor_.insertText(qs(document.subtitle));
    }
    QString meta;
    if (!document.generated.empty()) meta += QStringLiteral("Generated %1").arg(qs(document.generated));
    if (!document.version.empty()) {
      if (!meta.isEmpty()) meta += QStringLiteral(" · ");
      meta += QStringLiteral("Causeway %1").arg(qs(document.version));
    }
    if (!meta.isEmpty()) {
      QTextCharFormat grey = charFormat(options_.bodyPointSize * 0.9, QFont::Normal);
      grey.setForeground(QColor(0x55, 0x55, 0x55));
      newBlock(block, grey);
      cursor_.insertText(meta);
    }
  }

  void section(const report::Section& section, int number) {
    QTextBlockFormat heading;
    heading.setTopMargin(16);
    heading.setBottomMargin(6);
    heading.setProperty(kKeepWithNextProperty, true);
    newBlock(heading, charFormat(options_.bodyPointSize * 1.45, QFont::Bold));
    cursor_.insertText(QStringLiteral("%1  %2").arg(number).arg(qs(section.title)));
    for (const report::Block& block : section.blocks) {
      std::visit([this](const auto& b) { add(b); }, block);
    }
  }

 private:
  QTextCharFormat charFormat(double pointSize, int weight, bool italic = false) const {
    QTextCharFormat format;
    QFont font = doc_.defaultFont();
    font.setPointSizeF(pointSize);
    font.setWeight(static_cast<QFont::Weight>(weight));
    font.setItalic(italic);
    format.setFont(font);
    return format;
  }
  QTextCharFormat bodyFormat() const { return charFormat(options_.bodyPointSize, QFont::Normal); }

  void newBlock(const QTextBlockFormat& block, const QTextCharFormat& chars) {
    cursor_.insertBlock(block, chars);
    cursor_.setCharFormat(chars);
  }

  QTextBlockFormat paragraphBlock() const {
    QTextBlockFormat block;
    block.setTopMargin(3);
    block.setBottomMargin(5);
    block.setLineHeight(125, QTextBlockFormat::ProportionalHeight);
    return block;
  }

  void add(const report::Paragraph& paragraph) {
    QTextBlockFormat block = paragraphBlock();
    QTextCharFormat chars = bodyFormat();
    QString prefix;
    switch (paragraph.style) {
      case report::Paragraph::Style::Normal: break;
      case report::Paragraph::Style::Note:
        chars = charFormat(options_.bodyPointSize * 0.95, QFont::Normal, true);
        chars.setForeground(QColor(0x44, 0x44, 0x44));
        break;
      case report::Paragraph::Style::Warning:
        block.setBackground(QColor(0xFF, 0xF3, 0xD6));
        block.setLeftMargin(4);
        prefix = QStringLiteral("Warning: ");
        break;
    }
    newBlock(block, chars);
    if (!prefix.isEmpty()) {
      QTextCharFormat bold = chars;
      bold.setFontWeight(QFont::Bold);
      bold.setForeground(QColor(0x9A, 0x4B, 0x00));
      cursor_.insertText(prefix, bold);
    }
    cursor_.insertText(qs(paragraph.text), chars);
  }

  void add(const report::BulletList& list) {
    if (list.items.empty()) return;
    newBlock(paragraphBlock(), bodyFormat());
    QTextListFormat format;
    format.setStyle(QTextListFormat::ListDisc);
    format.setIndent(1);
    QTextList* textList = cursor_.createList(format);
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      if (i > 0) {
        newBlock(paragraphBlock(), bodyFormat());
        textList->add(cursor_.block());
      }
      cursor_.insertText(qs(list.items[i]));
    }
  }

  void caption(const std::string& text, bool above) {
    if (text.empty()) return;
    QTextBlockFormat block;
    block.setTopMargin(above ? 8 : 2);
    block.setBottomMargin(above ? 3 : 8);
    if (above) block.setProperty(kKeepWithNextProperty, true);
    if (!above) block.setAlignment(Qt::AlignHCenter);
    newBlock(block, charFormat(options_.bodyPointSize * (above ? 1.0 : 0.9), above ? QFont::Bold : QFont::Normal,
                               !above));
    cursor_.insertText(qs(text));
  }

  void add(const report::Table& table) {
    caption(table.caption, true);
    std::size_t widest = table.header.size();
    for (const auto& cells : table.rows) widest = std::max(widest, cells.size());
    const int columns = static_cast<int>(widest);
    if (columns == 0) return;
    const bool hasHeader = !table.header.empty();
    const int rows = static_cast<int>(table.rows.size()) + (hasHeader ? 1 : 0);
    if (rows == 0) return;

    QTextTableFormat format;
    format.setBorder(0.75);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderBrush(QColor(0x80, 0x80, 0x80));
    format.setBorderCollapse(true);
    format.setCellSpacing(0);
    format.setCellPadding(3);
    format.setTopMargin(2);
    format.setBottomMargin(2);
    format.setHeaderRowCount(hasHeader ? 1 : 0);  // repeated at the top of each page
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QTextTable* textTable = cursor_.insertTable(rows, columns, format);

    QTextCharFormat headerChars = charFormat(options_.bodyPointSize * 0.9, QFont::Bold);
    QTextCharFormat cellChars = charFormat(options_.bodyPointSize * 0.9, QFont::Normal);
    auto fill = [&](int row, const std::vector<std::string>& cells, const QTextCharFormat& chars, bool header) {
      for (int c = 0; c < columns; ++c) {
        QTextTableCell cell = textTable->cellAt(row, c);
        // With collapsed borders Qt draws the borders of the cells, not of the table.
        QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
        cellFormat.setBorder(0.75);
        cellFormat.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        cellFormat.setBorderBrush(QColor(0x80, 0x80, 0x80));
        if (header) cellFormat.setBackground(QColor(0xE8, 0xEC, 0xF2));
        cell.setFormat(cellFormat);
        QTextCursor cellCursor = cell.firstCursorPosition();
        QTextBlockFormat block = cellCursor.blockFormat();
        block.setAlignment(numeric_[static_cast<std::size_t>(c)] ? Qt::AlignRight : Qt::AlignLeft);
        cellCursor.setBlockFormat(block);
        if (static_cast<std::size_t>(c) < cells.size()) cellCursor.insertText(qs(cells[static_cast<std::size_t>(c)]), chars);
      }
    };
    int row = 0;
    // Numbers read best right-aligned; a column is numeric when most of its cells are.
    numeric_.assign(static_cast<std::size_t>(columns), false);
    for (int c = 1; c < columns; ++c) {
      int numbers = 0, filled = 0;
      for (const auto& cells : table.rows) {
        if (static_cast<std::size_t>(c) >= cells.size() || cells[static_cast<std::size_t>(c)].empty()) continue;
        ++filled;
        numbers += looksNumeric(cells[static_cast<std::size_t>(c)]) ? 1 : 0;
      }
      numeric_[static_cast<std::size_t>(c)] = filled > 0 && 2 * numbers >= filled;
    }
    if (hasHeader) fill(row++, table.header, headerChars, true);
    for (const auto& cells : table.rows) fill(row++, cells, cellChars, false);
    cursor_.movePosition(QTextCursor::End);

    if (!table.conventions.empty()) {
      QTextBlockFormat block;
      block.setTopMargin(2);
      block.setBottomMargin(8);
      QTextCharFormat note = charFormat(options_.bodyPointSize * 0.8, QFont::Normal, true);
      note.setForeground(QColor(0x44, 0x44, 0x44));
      newBlock(block, note);
      cursor_.insertText(QStringLiteral("Conventions: ") + qs(table.conventions));
    }
  }

  void add(const report::Figure& figure) {
    const QByteArray svg = QByteArray::fromStdString(figure.svg);
    const double width = std::min(figure.width > 0 ? figure.width : 640.0, textWidthCss_);
    const QSizeF cssSize = svgDisplaySize(svg, width, QSizeF(figure.width, figure.height) *
                                                          (width / std::max(1.0, figure.width)));
    const double pixelsPerCss = options_.figureDpi / kCssDpi;
    const QSize pixels(static_cast<int>(cssSize.width() * pixelsPerCss + 0.5),
                       static_cast<int>(cssSize.height() * pixelsPerCss + 0.5));
    const QImage image = rasterizeSvg(svg, pixels);

    QTextBlockFormat block;
    block.setAlignment(Qt::AlignHCenter);
    block.setTopMargin(6);
    block.setNonBreakableLines(true);
    newBlock(block, bodyFormat());
    if (image.isNull()) {
      cursor_.insertText(QStringLiteral("[figure could not be drawn]"));
    } else {
      const QUrl name(QStringLiteral("causeway-figure://%1.png").arg(++figureCount_));
      doc_.addResource(QTextDocument::ImageResource, name, image);
      QTextImageFormat imageFormat;
      imageFormat.setName(name.toString());
      imageFormat.setWidth(cssSize.width());
      imageFormat.setHeight(cssSize.height());
      cursor_.insertImage(imageFormat);
    }
    caption(figure.caption.empty() ? std::string() : "Figure " + std::to_string(figureCount_) + ". " + figure.caption,
            false);
  }

  void add(const report::CodeBlock& code) {
    QTextBlockFormat block;
    block.setTopMargin(4);
    block.setBottomMargin(6);
    block.setLeftMargin(6);
    block.setBackground(QColor(0xF4, 0xF4, 0xF4));
    block.setNonBreakableLines(true);
    QTextCharFormat chars;
    chars.setFont(mono_);
    QString text = qs(code.text);
    if (text.endsWith(QLatin1Char('\n'))) text.chop(1);
    const QStringList lines = text.split(QLatin1Char('\n'));
    // One block per line (keeps the line breaks exact); only the first and last keep a margin.
    for (qsizetype i = 0; i < lines.size(); ++i) {
      QTextBlockFormat lineBlock = block;
      if (i > 0) lineBlock.setTopMargin(0);
      if (i + 1 < lines.size()) lineBlock.setBottomMargin(0);
      newBlock(lineBlock, chars);
      cursor_.insertText(lines[i], chars);
    }
  }

  // "1214.1", "−0.309", "[−350.28, 2778.4]", "< 0.001", "614 (185 T / 429 C)", "–".
  static bool looksNumeric(const std::string& cell) {
    const QString text = qs(cell).trimmed();
    if (text.isEmpty()) return false;
    const QChar first = text.front();
    return first.isDigit() || first == QLatin1Char('-') || first == QChar(0x2212) || first == QChar(0x2013) ||
           first == QLatin1Char('[') || first == QLatin1Char('<') || first == QLatin1Char('+') || first == QLatin1Char('.');
  }

  QTextDocument& doc_;
  QTextCursor cursor_;
  std::vector<bool> numeric_;
  ReportLayoutOptions options_;
  double textWidthCss_ = 640;
  QFont mono_;
  int figureCount_ = 0;
};

}  // namespace

int keepHeadingsWithNext(QTextDocument& document) {
  static_assert(kKeepWithNextProperty == QTextFormat::UserProperty + 1);
  const double pageHeight = document.pageSize().height();
  if (!(pageHeight > 0)) return 0;
  QAbstractTextDocumentLayout* layout = document.documentLayout();
  // Where a block's first / last line sits: the layout pushes lines (not blocks) past a page
  // end, so a block can start on one page and show its first line on the next.
  const auto lineTop = [&](const QTextBlock& b, bool last) {
    const QTextLayout* text = b.layout();
    const double top = layout->blockBoundingRect(b).top();
    if (text == nullptr || text->lineCount() == 0) return top;
    return top + text->lineAt(last ? text->lineCount() - 1 : 0).y();
  };
  const auto pageOf = [&](double y) { return static_cast<int>((y + 0.5) / pageHeight); };
  constexpr int kShortBlockLines = 8;
  constexpr int kMovedProperty = QTextFormat::UserProperty + 2;  // a break this function added
  int moved = 0;
  // Moving one block can push a later one across a page end: repeat until nothing moves.
  for (int pass = 0; pass < 8; ++pass) {
    bool changed = false;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
      QTextBlockFormat format = block.blockFormat();
      if (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) continue;
      // Only blocks of the main flow (table cells follow their rows).
      if (QTextCursor(block).currentFrame() != document.rootFrame()) continue;
      bool move = false;
      const int lines = block.layout() ? block.layout()->lineCount() : 0;
      if (format.boolProperty(kKeepWithNextProperty) && block.next().isValid()) {
        // A heading or caption must not end a page.
        move = pageOf(lineTop(block.next(), false)) > pageOf(lineTop(block, true));
      } else if (lines > 1 && lines <= kShortBlockLines) {
        // A short paragraph is not split: Qt would also leave its clipped-off lines in the
        // PDF's text (pdftotext, search, copy).
        move = pageOf(lineTop(block, true)) > pageOf(lineTop(block, false));
      }
      if (!move) continue;
      format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
      format.setProperty(kMovedProperty, true);
      QTextCursor(block).setBlockFormat(format);
      // The block that follows now comes along: a break this pass put before it would leave
      // this block alone on its page.
      if (QTextBlock next = block.next(); next.isValid() && next.blockFormat().boolProperty(kMovedProperty)) {
        QTextBlockFormat nextFormat = next.blockFormat();
        nextFormat.setPageBreakPolicy(QTextFormat::PageBreak_Auto);
        nextFormat.clearProperty(kMovedProperty);
        QTextCursor(next).setBlockFormat(nextFormat);
      }
      changed = true;
      ++moved;  // the layout updates lazily, so later blocks are judged at their new places
    }
    if (!changed) break;
  }
  if (moved > 0) {
    // Edits re-lay the document out lazily; finish it now, before anyone counts or draws pages.
    document.setPageSize(document.pageSize());
    (void)layout->blockBoundingRect(document.lastBlock());
  }
  return moved;
}

std::unique_ptr<QTextDocument> buildReportTextDocument(const report::ReportDocument& document, QPaintDevice* device,
                                                       double textWidth, const ReportLayoutOptions& options) {
  auto doc = std::make_unique<QTextDocument>();
  if (device != nullptr) doc->documentLayout()->setPaintDevice(device);
  doc->setDocumentMargin(0);
  doc->setTextWidth(textWidth);
  doc->setUndoRedoEnabled(false);
  Builder builder(*doc, device, textWidth, options);
  builder.titleBlock(document);
  int number = 0;
  for (const report::Section& section : document.sections) builder.section(section, ++number);
  return doc;
}

}  // namespace causeway::ui
