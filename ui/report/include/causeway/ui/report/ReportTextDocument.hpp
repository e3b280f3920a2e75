#pragma once

#include <QSizeF>

#include <memory>

#include "causeway/report/ReportDocument.hpp"

class QTextDocument;
class QPaintDevice;

namespace causeway::ui {

// Block property marking headings and captions that must not end a page (the paginator moves
// them to the next page with the block that follows).
inline constexpr int kKeepWithNextProperty = 0x100000 + 1;  // QTextFormat::UserProperty + 1

// Moves every keep-with-next block that ends a page onto the next page. Call after
// QTextDocument::setPageSize(); returns how many blocks moved.
int keepHeadingsWithNext(QTextDocument& document);

struct ReportLayoutOptions {
  double bodyPointSize = 10.0;
  // Figures are rasterised from their SVG at this resolution (dots per inch of paper).
  int figureDpi = 220;
};

// Builds the rich-text form of a report for paged output: title block, numbered section
// headings, paragraphs (notes in italics, warnings highlighted), bullet lists, bordered tables
// with a repeated header row and their conventions footnote, figures as embedded raster images
// with captions, and code blocks in a monospace font. `device` is the paint device the document
// will be laid out for (fonts and images are sized for it); `textWidth` is the text width in
// that device's pixels. Needs a QGuiApplication.
[[nodiscard]] std::unique_ptr<QTextDocument> buildReportTextDocument(const report::ReportDocument& document,
                                                                     QPaintDevice* device, double textWidth,
                                                                     const ReportLayoutOptions& options = {});

}  // namespace causeway::ui
