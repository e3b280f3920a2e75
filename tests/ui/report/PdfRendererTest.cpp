#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

#include "ReportSamples.hpp"
#include "causeway/ui/report/PdfRenderer.hpp"
#include "causeway/ui/report/ReportTextDocument.hpp"
#include "causeway/ui/report/SvgRaster.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

// Runs a poppler tool if installed; a null string when it is not.
QString runTool(const QString& tool, const QStringList& arguments) {
  const QString program = QStandardPaths::findExecutable(tool);
  if (program.isEmpty()) return {};
  QProcess process;
  process.start(program, arguments);
  if (!process.waitForFinished(60000)) return {};
  return QString::fromUtf8(process.readAllStandardOutput());
}

}  // namespace

class PdfRendererTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void rasterizesSvgAtRequestedSize() {
    const auto svg = QByteArray::fromStdString(report::renderLovePlotSvg({{"age", 0.3, 0.05}}));
    const QImage image = rasterizeSvg(svg, QSize(800, 300));
    QCOMPARE(image.size(), QSize(800, 300));
    QVERIFY(rasterizeSvg("not svg", QSize(10, 10)).isNull());
    const QSizeF size = svgDisplaySize(svg, 320, QSizeF(1, 1));
    QCOMPARE(size.width(), 320.0);
    QVERIFY(size.height() > 0);
  }

  void textDocumentHasTablesImagesAndCode() {
    const auto doc = buildReportTextDocument(testing::sampleReport(3), nullptr, 600);
    const QString text = doc->toPlainText();
    QVERIFY(text.contains(QStringLiteral("Covariate balance")));
    QVERIFY(text.contains(QStringLiteral("Conventions: SMD divides")));
    QVERIFY(text.contains(QStringLiteral("treat -> re78")));
    QVERIFY(!doc->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("causeway-figure://1.png"))).isNull());
    QVERIFY(!doc->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("causeway-figure://2.png"))).isNull());
  }

  void writesPagedPdf() {
    QTemporaryDir dir;
    // CAUSEWAY_KEEP_TEST_OUTPUT=1 keeps the PDF for a look.
    dir.setAutoRemove(qEnvironmentVariableIntValue("CAUSEWAY_KEEP_TEST_OUTPUT") == 0);
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    if (!dir.autoRemove()) qInfo("PDF kept at %s", qPrintable(path));
    const Result<void> result = renderPdf(testing::sampleReport(), path);
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.size() > 20000);  // two rasterised figures

    // The pages, text and images are read back with poppler (packaging/install-deps.sh installs
    // it); without it the test says so as a skip instead of passing unchecked.
    for (const char* tool : {"pdfinfo", "pdftotext", "pdfimages"})
      if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
        QSKIP(qPrintable(QStringLiteral("%1 (poppler-utils) is not installed: the PDF's pages, text and images "
                                        "are not checked").arg(QLatin1String(tool))));
    const QString info = runTool(QStringLiteral("pdfinfo"), {path});
    QVERIFY2(!info.isNull(), "pdfinfo did not finish");
    QVERIFY(info.contains(QStringLiteral("A4")));
    const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto match = pages.match(info);
    QVERIFY(match.hasMatch());
    QVERIFY(match.captured(1).toInt() >= 2);  // the 60-row table breaks the page
    const QString text = runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    QVERIFY2(!text.isNull(), "pdftotext did not finish");
    QVERIFY(text.contains(QStringLiteral("1214.07")));
    QVERIFY(text.contains(QStringLiteral("page 1 of")));
    QVERIFY(text.contains(QStringLiteral("Conventions: SMD divides")));
    QVERIFY(text.contains(QStringLiteral("treat -> re78")));
    QCOMPARE(text.count(QStringLiteral("SMD before")), 2);  // the header row repeats on the next page
    const QString images = runTool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path});
    QVERIFY2(!images.isNull(), "pdfimages did not finish");
    QVERIFY(images.count(QStringLiteral("image")) >= 2);
  }

  void reportsUnwritablePath() {
    const Result<void> result = renderPdf(testing::sampleReport(1), QStringLiteral("/nonexistent-dir/x/report.pdf"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::IoError);
  }
};

QTEST_MAIN(PdfRendererTest)
#include "PdfRendererTest.moc"
