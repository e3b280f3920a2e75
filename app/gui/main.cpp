// causeway [FILE] [--screenshot OUT.png [--estimate] [--panel NAME]] [--size WxH] [--dark]
//          [--export-results OUT.json PROJECT.causeway]
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QStyleFactory>
#include <QTemporaryDir>

#include <cstdio>

#include "causeway/ui/app/CrashRecovery.hpp"
#include "causeway/ui/app/DarkPalette.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/canvas/GraphView.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/app/Screenshot.hpp"
#include "causeway/ui/app/ScriptedRun.hpp"

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("Causeway"));
  QApplication::setApplicationDisplayName(QStringLiteral("Causeway"));
  QApplication::setOrganizationName(QStringLiteral("Causeway"));
  QApplication::setApplicationVersion(QStringLiteral(CAUSEWAY_VERSION));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/causeway.svg")));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "Causeway: draw causal diagrams (DAGs) and get adjustment sets, instruments and testable implications live."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("file"),
                               QStringLiteral("A Causeway project (.causeway), DAGitty model (.dag, .txt) or "
                                              "Graphviz file (.dot) to open."),
                               QStringLiteral("[file]"));
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QStringLiteral("Render the main window to <png> once identification has "
                                                     "finished, then exit (works with QT_QPA_PLATFORM=offscreen)."),
                                      QStringLiteral("png"));
  const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for --screenshot, e.g. 1400x860."),
                                QStringLiteral("WxH"), QStringLiteral("1400x860"));
  const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use a dark colour theme."));
  const QCommandLineOption estimate(QStringLiteral("estimate"),
                                    QStringLiteral("With --screenshot and a project that has data: run the project's "
                                                   "estimation first."));
  const QCommandLineOption panel(QStringLiteral("panel"),
                                 QStringLiteral("With --screenshot: bring this panel to the front (e.g. Diagnostics)."),
                                 QStringLiteral("name"));
  const QCommandLineOption exportResults(
      QStringLiteral("export-results"),
      QStringLiteral("Open the project, run its estimation as the Run button does, write the results as JSON (the "
                     "document of causeway-cli estimate --json) to <json> and exit. No window is shown."),
      QStringLiteral("json"));
  parser.addOptions({screenshot, size, dark, estimate, panel, exportResults});
  parser.process(app);

  if (parser.isSet(dark)) {
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(causeway::ui::darkPalette());
  }

  // Screenshots must not depend on (or change) the user's saved window layout.
  QTemporaryDir scratchSettings;
  if (parser.isSet(screenshot) || parser.isSet(exportResults))
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, scratchSettings.path());

  causeway::ui::MainWindow window;
  const QStringList files = parser.positionalArguments();
  if (files.size() > 1) {
    std::fprintf(stderr, "causeway: open one file at a time\n");
    return 2;
  }

  if (parser.isSet(exportResults)) {
    if (files.isEmpty()) {
      std::fprintf(stderr, "causeway: --export-results needs a PROJECT.causeway to open\n");
      return 2;
    }
    window.files().setInteractive(false);
    QObject::connect(&window.files(), &causeway::ui::FileController::failed, [](const QString& message) {
      std::fprintf(stderr, "causeway: %s\n", qPrintable(message));
    });
    if (!window.openFile(files.front())) return 1;
    auto written = causeway::ui::exportResults(window, parser.value(exportResults));
    window.document().undoStack()->setClean();
    if (!written) {
      std::fprintf(stderr, "causeway: %s\n", written.error().describe().c_str());
      return 1;
    }
    std::printf("causeway: wrote %s\n", qPrintable(QFileInfo(parser.value(exportResults)).absoluteFilePath()));
    return 0;
  }

  if (parser.isSet(screenshot)) {
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    const int width = wh.size() == 2 ? wh[0].toInt() : 0;
    const int height = wh.size() == 2 ? wh[1].toInt() : 0;
    if (width < 200 || height < 200) {
      std::fprintf(stderr, "causeway: --size must look like 1400x860\n");
      return 2;
    }
    window.files().setInteractive(false);
    QObject::connect(&window.files(), &causeway::ui::FileController::failed, [](const QString& message) {
      std::fprintf(stderr, "causeway: %s\n", qPrintable(message));
    });
    window.resize(width, height);
    window.show();
    if (!files.isEmpty() && !window.openFile(files.front())) return 1;
    window.view().fitToContents();
    causeway::ui::ScreenshotOptions options;
    options.estimate = parser.isSet(estimate);
    options.raiseDock = parser.value(panel);
    auto saved = causeway::ui::saveWindowScreenshot(window, parser.value(screenshot), options);
    // Leave without the unsaved-changes question.
    window.document().undoStack()->setClean();
    if (!saved) {
      std::fprintf(stderr, "causeway: %s\n", saved.error().describe().c_str());
      return 1;
    }
    std::printf("causeway: wrote %s\n", qPrintable(QFileInfo(parser.value(screenshot)).absoluteFilePath()));
    return 0;
  }

  window.show();
  // Work autosaved by a session that did not exit cleanly is offered first; if it is recovered,
  // a file named on the command line is not opened over it.
  if (!window.recovery().offerRecovery() && !files.isEmpty()) window.openFile(files.front());
  return QApplication::exec();
}
