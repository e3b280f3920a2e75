// PDF output through the Qt report renderer; starts an offscreen QGuiApplication when the CLI
// has none, so it runs without a display.
#include <cstdlib>
#include <memory>

#include <QGuiApplication>

#include "PdfOutput.hpp"
#include "causeway/ui/report/PdfRenderer.hpp"

namespace causeway::cli {

bool pdfOutputAvailable() { return true; }

Result<void> writePdf(const report::ReportDocument& document, const std::filesystem::path& path) {
  std::unique_ptr<QGuiApplication> app;
  if (QGuiApplication::instance() == nullptr) {
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "causeway-cli";
    static char* argv[] = {name, nullptr};
    app = std::make_unique<QGuiApplication>(argc, argv);
  }
  return ui::renderPdf(document, QString::fromStdString(path.string()));
}

}  // namespace causeway::cli
