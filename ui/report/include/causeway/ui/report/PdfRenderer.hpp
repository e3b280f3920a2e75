#pragma once

#include <QMarginsF>
#include <QString>

#include "causeway/common/Result.hpp"
#include "causeway/report/ReportDocument.hpp"
#include "causeway/ui/report/ReportTextDocument.hpp"

namespace causeway::ui {

struct PdfOptions {
  QMarginsF marginsMm{20.0, 18.0, 20.0, 22.0};  // left, top, right, bottom (the footer sits in the bottom one)
  int resolution = 600;                         // device units of the PDF writer (dpi)
  ReportLayoutOptions layout;
};

// Writes the report as an A4 PDF: the same content as the HTML export, paginated, with
// "<title> — page i of n" in a footer on every page. QtGui + QtSvg only (no widgets). Needs a
// QGuiApplication instance (the offscreen platform is enough); fails with InvalidArgument
// without one, IoError when the file cannot be written.
[[nodiscard]] Result<void> renderPdf(const report::ReportDocument& document, const QString& path,
                                     const PdfOptions& options = {});

}  // namespace causeway::ui
