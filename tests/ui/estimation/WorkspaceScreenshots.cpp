// causeway-workspace-screenshots <output-dir> [--dark]
//
// Loads the Lalonde example into a DataWorkspace docked in a bare main window (the graph shown
// as its SVG picture in place of the canvas), runs IPW for the ATT with a bootstrap, and saves
// PNGs of the window and of each panel (lalonde-*.png, lalonde-*-dark.png with --dark), the
// HTML and PDF reports (lalonde-report.html/.pdf), and PNGs of the PDF pages
// (lalonde-report-page-N.png, pdftoppm -png -r 60, when poppler-utils is installed).
// Run with QT_QPA_PLATFORM=offscreen. Only these files are written; nothing else is removed.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleFactory>
#include <QSvgWidget>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

#include "causeway/graph/ModelFile.hpp"
#include "causeway/report/GraphPicture.hpp"
#include "causeway/ui/data/ColumnMappingPanel.hpp"
#include "causeway/ui/data/ColumnSummaryPanel.hpp"
#include "causeway/ui/data/DataPanel.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/ImplicationsPanel.hpp"
#include "causeway/ui/estimation/DiagnosticsPanel.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

// Runs the event loop until `signal` fires or `ms` pass; false on timeout.
template <typename Sender, typename Signal>
bool waitFor(Sender* sender, Signal signal, int ms) {
  QEventLoop loop;
  QTimer timer;
  timer.setSingleShot(true);
  QObject::connect(&timer, &QTimer::timeout, &loop, [&] { loop.exit(1); });
  QObject::connect(sender, signal, &loop, [&] { loop.exit(0); });
  timer.start(ms);
  return loop.exec() == 0;
}

void settle(int ms = 150) {
  QEventLoop loop;
  QTimer::singleShot(ms, &loop, &QEventLoop::quit);
  loop.exec();
}

QPalette darkPalette() {
  QPalette p;
  const QColor window(0x2B, 0x2B, 0x2E), base(0x1E, 0x1E, 0x20), text(0xE6, 0xE6, 0xE6);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x29));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::ToolTipBase, base);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
  p.setColor(QPalette::Highlight, QColor(0x3D, 0x6F, 0xB4));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
  p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
  p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
  return p;
}

bool save(QWidget* widget, const QString& path) {
  const bool ok = widget->grab().save(path);
  std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
  return ok;
}

QDockWidget* dockOf(DataWorkspace& w, QWidget* panel) {
  for (QDockWidget* d : w.docks())
    if (d->widget() == panel) return d;
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("causeway-screenshots"));
  const QStringList args = QApplication::arguments();
  if (args.size() < 2) {
    std::fprintf(stderr, "usage: causeway-workspace-screenshots <output-dir> [--dark]\n");
    return 2;
  }
  const bool dark = args.contains(QStringLiteral("--dark"));
  QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  if (dark) QApplication::setPalette(darkPalette());
  const QString suffix = dark ? QStringLiteral("-dark") : QString();
  QDir out(args.at(1));
  out.mkpath(QStringLiteral("."));

  auto model = graph::readModelFile(CAUSEWAY_EXAMPLES_DIR "/lalonde.dag");
  if (!model) {
    std::fprintf(stderr, "cannot read lalonde.dag: %s\n", model.error().message.c_str());
    return 1;
  }
  const graph::CausalGraph g = *model;

  QMainWindow window;
  window.setWindowTitle(QStringLiteral("Causeway — lalonde"));
  auto* canvas = new QSvgWidget;
  canvas->load(QByteArray::fromStdString(report::renderGraphSvg(g)));
  canvas->setMinimumSize(360, 240);
  window.setCentralWidget(canvas);
  auto* workspace = new DataWorkspace(&window, [g] { return g; });
  QMenu* fileMenu = window.menuBar()->addMenu(QStringLiteral("&File"));
  QMenu* analysisMenu = window.menuBar()->addMenu(QStringLiteral("&Analysis"));
  QMenu* viewMenu = window.menuBar()->addMenu(QStringLiteral("&View"));
  workspace->populateMenus(fileMenu, analysisMenu, viewMenu);
  QObject::connect(workspace, &DataWorkspace::statusMessage, window.statusBar(), &QStatusBar::showMessage);
  window.resize(1680, 1050);
  window.show();

  workspace->openData(QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/lalonde.csv"));
  if (!waitFor(workspace, &DataWorkspace::dataLoaded, 30000)) return 1;
  settle(800);  // identification and the implied-independence tests
  EstimationSettingsPanel* settings = workspace->estimationPanel()->settingsPanel();
  settings->selectMethod(QStringLiteral("ipw"));
  settings->selectEstimand(estimation::Estimand::ATT);
  settings->bootstrapBox()->setValue(200);
  workspace->runEstimation();
  if (!waitFor(workspace, &DataWorkspace::estimationFinished, 300000)) {
    std::fprintf(stderr, "estimation did not finish\n");
    return 1;
  }
  settle();

  // The whole window, estimates in front.
  QDockWidget* estimation = dockOf(*workspace, workspace->estimationPanel());
  QDockWidget* diagnostics = dockOf(*workspace, workspace->diagnosticsPanel());
  window.resizeDocks({estimation}, {780}, Qt::Horizontal);
  window.resizeDocks({dockOf(*workspace, workspace->dataPanel())}, {300}, Qt::Vertical);
  estimation->raise();
  settle();
  bool ok = save(&window, out.filePath(QStringLiteral("lalonde-workspace%1.png").arg(suffix)));

  // Each panel at a readable size, floated.
  auto grabPanel = [&](QWidget* panel, QSize size, const QString& name) {
    QDockWidget* dock = dockOf(*workspace, panel);
    dock->show();
    dock->setFloating(true);
    dock->resize(size);
    dock->raise();
    settle(250);
    ok = save(panel, out.filePath(QStringLiteral("lalonde-") + name + suffix + QStringLiteral(".png"))) && ok;
    dock->setFloating(false);
  };
  grabPanel(workspace->estimationPanel(), {900, 760}, QStringLiteral("estimates"));
  DiagnosticsPanel* d = workspace->diagnosticsPanel();
  const QStringList tabs{QStringLiteral("overlap"), QStringLiteral("balance"), QStringLiteral("weights"),
                         QStringLiteral("across-sets")};
  for (int i = 0; i < d->tabs()->count(); ++i) {
    d->tabs()->setCurrentIndex(i);
    grabPanel(d, {900, i == 1 ? 820 : 560}, tabs.value(i));
  }
  d->tabs()->setCurrentIndex(0);
  d->weightedCheckBox()->setChecked(true);
  grabPanel(d, {900, 560}, QStringLiteral("overlap-weighted"));
  d->weightedCheckBox()->setChecked(false);
  grabPanel(workspace->dataPanel(), {900, 420}, QStringLiteral("data"));
  grabPanel(workspace->columnsPanel(), {760, 560}, QStringLiteral("columns"));
  grabPanel(workspace->mappingPanel(), {520, 420}, QStringLiteral("mapping"));
  grabPanel(workspace->implicationsPanel(), {900, 320}, QStringLiteral("implications"));
  (void)diagnostics;

  if (!dark) {
    const QString html = out.filePath(QStringLiteral("lalonde-report.html"));
    const QString pdf = out.filePath(QStringLiteral("lalonde-report.pdf"));
    for (const QString& path : {html, pdf}) {
      workspace->exportReportTo(path);
      if (!waitFor(workspace, &DataWorkspace::reportExported, 120000)) {
        std::fprintf(stderr, "report export failed: %s\n", qPrintable(path));
        return 1;
      }
      std::printf("wrote %s\n", qPrintable(path));
    }
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (!pdftoppm.isEmpty()) {
      const int code = QProcess::execute(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdf,
                                                    out.filePath(QStringLiteral("lalonde-report-page"))});
      std::printf("pdftoppm -png -r 60 -> %s/lalonde-report-page-*.png (exit %d)\n", qPrintable(out.path()), code);
    }
  }
  return ok ? 0 : 1;
}
