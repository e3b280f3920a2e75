#include "causeway/ui/report/PdfRenderer.hpp"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>

namespace causeway::ui {
namespace {

constexpr double kMmPerInch = 25.4;

}  // namespace

Result<void> renderPdf(const report::ReportDocument& document, const QString& path, const PdfOptions& options) {
  if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) == nullptr)
    return makeError(ErrorCode::InvalidArgument, "PDF export needs a QGuiApplication (fonts and images)");

  QPdfWriter writer(path);
  writer.setResolution(options.resolution);
  writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                   QPageLayout::Millimeter));
  writer.setTitle(QString::fromStdString(document.title));
  writer.setCreator(QStringLiteral("Causeway %1").arg(QString::fromStdString(document.version)));

  const double dotsPerMm = options.resolution / kMmPerInch;
  const QRectF page(0, 0, writer.width(), writer.height());
  const QRectF body(options.marginsMm.left() * dotsPerMm, options.marginsMm.top() * dotsPerMm,
                    page.width() - (options.marginsMm.left() + options.marginsMm.right()) * dotsPerMm,
                    page.height() - (options.marginsMm.top() + options.marginsMm.bottom()) * dotsPerMm);

  auto doc = buildReportTextDocument(document, &writer, body.width(), options.layout);
  doc->setPageSize(body.size());
  keepHeadingsWithNext(*doc);
  (void)doc->documentLayout()->blockBoundingRect(doc->lastBlock());  // the layout is complete
  const int pages = doc->pageCount();

  QPainter painter;
  if (!painter.begin(&writer)) {
    return makeError(ErrorCode::IoError, "cannot write the PDF file",
                     ErrorContext{QFileInfo(path).absoluteFilePath().toStdString(), 0, 0, {}});
  }
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
  QFont footerFont = doc->defaultFont();
  footerFont.setPointSizeF(options.layout.bodyPointSize * 0.8);
  const QString title = QString::fromStdString(document.title);

  for (int i = 0; i < pages; ++i) {
    if (i > 0) writer.newPage();
    painter.save();
    painter.translate(body.left(), body.top() - i * body.height());
    const QRectF view(0, i * body.height(), body.width(), body.height());
    painter.setClipRect(view);
    QAbstractTextDocumentLayout::PaintContext context;
    // A line pushed to the next page starts exactly at this page's end: keep it off this page.
    context.clip = view.adjusted(0, 0, 0, -1);
    context.palette.setColor(QPalette::Text, Qt::black);
    doc->documentLayout()->draw(&painter, context);
    painter.restore();

    // Footer: a hairline and "title — page i of n" in the bottom margin.
    painter.save();
    painter.setFont(footerFont);
    painter.setPen(QPen(QColor(0x66, 0x66, 0x66), 0));
    const double footerTop = body.bottom() + 6 * dotsPerMm;
    painter.drawLine(QPointF(body.left(), footerTop), QPointF(body.right(), footerTop));
    const QRectF footer(body.left(), footerTop + 1.5 * dotsPerMm, body.width(), 6 * dotsPerMm);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignTop, title);
    painter.drawText(footer, Qt::AlignRight | Qt::AlignTop, QStringLiteral("page %1 of %2").arg(i + 1).arg(pages));
    painter.restore();
  }
  if (!painter.end())
    return makeError(ErrorCode::IoError, "cannot finish the PDF file",
                     ErrorContext{QFileInfo(path).absoluteFilePath().toStdString(), 0, 0, {}});
  return Ok{};
}

}  // namespace causeway::ui
