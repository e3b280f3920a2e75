#include "causeway/ui/app/MainWindow.hpp"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

#include "causeway/database/Catalog.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/ui/analysis/IdentificationRunner.hpp"
#include "causeway/ui/analysis/LayoutRunner.hpp"
#include "causeway/ui/app/AboutText.hpp"
#include "causeway/ui/app/AnalysisViews.hpp"
#include "causeway/ui/app/AppSettings.hpp"
#include "causeway/ui/app/CrashRecovery.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainActions.hpp"
#include "causeway/ui/app/ProjectDataLink.hpp"
#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/database/DatabaseDialog.hpp"
#include "causeway/ui/canvas/GraphView.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/panels/IdentificationPanel.hpp"
#include "causeway/ui/panels/LegendPanel.hpp"
#include "causeway/ui/panels/ModelTextPanel.hpp"

#ifndef CAUSEWAY_VERSION
#define CAUSEWAY_VERSION "0.0.0"
#endif

namespace causeway::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      document_(new GraphDocument(this)),
      scene_(new GraphScene(*document_, this)),
      view_(new GraphView(scene_, this)),
      modelText_(new ModelTextPanel(*document_, this)),
      identification_(new IdentificationPanel(this)),
      legend_(new LegendPanel(this)),
      runner_(new IdentificationRunner(*document_, this)),
      layoutRunner_(new LayoutRunner(*document_, this)),
      settings_(new AppSettings()),
      actions_(new MainActions(document_->undoStack(), view_, this)),
      files_(new FileController(*document_, *view_, *modelText_, *settings_, this)),
      counts_(new QLabel(this)),
      zoom_(new QLabel(this)),
      analysisState_(new QLabel(this)) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/causeway.svg")));
  setCentralWidget(view_);
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
  QDockWidget* analysisDock = addPanel(identification_, tr("Identification"), QStringLiteral("identificationDock"),
                                       Qt::RightDockWidgetArea);
  QDockWidget* textDock = addPanel(modelText_, tr("Model Text"), QStringLiteral("modelTextDock"), Qt::BottomDockWidgetArea);
  QDockWidget* legendDock = addPanel(legend_, tr("Legend"), QStringLiteral("legendDock"), Qt::LeftDockWidgetArea);
  // The data docks come after the drawing's, so they tab around them: Identification,
  // Estimation and Diagnostics share the right-hand column at full height; the model text and
  // the data tables share the bottom.
  data_ = new DataWorkspace(this, [document = document_] { return document->graph(); });
  projectData_ = new ProjectDataLink(*files_, *data_, this);
  for (QDockWidget* dock : data_->docks()) {
    const QString name = dock->objectName();
    if (name == QLatin1String("estimationDock") || name == QLatin1String("diagnosticsDock"))
      tabifyDockWidget(analysisDock, dock);
    else if (name == QLatin1String("dataDock"))
      tabifyDockWidget(textDock, dock);
  }
  analysisDock->raise();
  textDock->raise();
  resizeDocks({analysisDock}, {520}, Qt::Horizontal);
  resizeDocks({textDock}, {230}, Qt::Vertical);
  // The Rollout and Sensitivity docks, tabbed with Estimation (ui/app/AnalysisViews).
  auto* views = new AnalysisViews(*this, *data_, *document_, *files_, *projectData_);
  connect(runner_, &IdentificationRunner::resultReady, views, &AnalysisViews::identificationChanged);
  connect(views, &AnalysisViews::statusMessage, this, &MainWindow::showMessage);

  actions_->buildMenus(*this, {analysisDock->toggleViewAction(), textDock->toggleViewAction(),
                               legendDock->toggleViewAction()});
  actions_->buildToolBar(*this);
  data_->populateMenus(actions_->fileMenu, actions_->analysisMenu, actions_->viewMenu, actions_->exportPng);
  addDatabaseEntry();
  views->populateMenus(actions_->analysisMenu, actions_->viewMenu);
  files_->populateExamplesMenu(actions_->examplesMenu);
  connect(actions_->recentMenu, &QMenu::aboutToShow, this, [this] { files_->populateRecentMenu(actions_->recentMenu); });

  counts_->setToolTip(tr("Variables and edges in the diagram"));
  zoom_->setToolTip(tr("Zoom (wheel or pinch on the canvas)"));
  analysisState_->setToolTip(tr("Identification runs in the background after every edit"));
  statusBar()->addPermanentWidget(analysisState_);
  statusBar()->addPermanentWidget(counts_);
  statusBar()->addPermanentWidget(zoom_);

  connectActions();
  connectAnalysis();
  connectData();
  connect(document_, &GraphDocument::changed, this, &MainWindow::updateCounts);
  connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
  connect(files_, &FileController::pathChanged, this, &MainWindow::updateTitle);
  connect(files_, &FileController::statusMessage, this, &MainWindow::showMessage);
  recovery_ = new CrashRecovery(*document_, *files_, this);
  connect(recovery_, &CrashRecovery::statusMessage, this, &MainWindow::showMessage);
  connect(files_, &FileController::loaded, this, [this] {
    runner_->setMaxSets(static_cast<std::size_t>(files_->maxSets().value_or(static_cast<int>(identification::kDefaultMaxSets))));
  });
  connect(scene_, &GraphScene::statusMessage, this, &MainWindow::showMessage);
  connect(view_, &GraphView::statusMessage, this, &MainWindow::showMessage);
  connect(modelText_, &ModelTextPanel::statusMessage, this, &MainWindow::showMessage);
  connect(view_, &GraphView::zoomChanged, this, [this](qreal z) { zoom_->setText(tr("%1%").arg(qRound(z * 100))); });

  resize(1280, 800);
  settings_->restoreWindow(*this);
  updateTitle();
  updateCounts();
  zoom_->setText(QStringLiteral("100%"));
  showMessage(tr("Double-click the canvas to add a variable, or open an example from File > Examples"), 0);
  runner_->runNow();
}

MainWindow::~MainWindow() { delete settings_; }

QDockWidget* MainWindow::addPanel(QWidget* panel, const QString& title, const QString& objectName,
                                  Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(title, this);
  dock->setObjectName(objectName);
  dock->setWidget(panel);
  dock->toggleViewAction()->setStatusTip(tr("Show or hide the %1 panel").arg(title));
  addDockWidget(area, dock);
  return dock;
}

void MainWindow::connectActions() {
  MainActions& a = *actions_;
  connect(a.newFile, &QAction::triggered, files_, &FileController::newDocument);
  connect(a.open, &QAction::triggered, files_, &FileController::open);
  connect(a.save, &QAction::triggered, files_, &FileController::save);
  connect(a.saveAs, &QAction::triggered, files_, &FileController::saveAs);
  connect(a.exportPng, &QAction::triggered, files_, &FileController::exportPng);
  connect(a.exportSvg, &QAction::triggered, files_, &FileController::exportSvg);
  connect(a.quit, &QAction::triggered, this, &QWidget::close);

  connect(a.addNode, &QAction::triggered, this,
          [this] { view_->startNameEdit(std::nullopt, view_->mapToScene(view_->viewport()->rect().center())); });
  connect(a.rename, &QAction::triggered, scene_, &GraphScene::renameSelection);
  connect(a.remove, &QAction::triggered, scene_, &GraphScene::deleteSelection);
  connect(a.selectAll, &QAction::triggered, scene_, &GraphScene::selectEverything);
  connect(a.copyModel, &QAction::triggered, this, [this] {
    QGuiApplication::clipboard()->setText(QString::fromStdString(graph::writeDagitty(document_->graph())));
    showMessage(tr("Model text copied"), 3000);
  });
  connect(a.pasteModel, &QAction::triggered, this, [this] {
    auto pasted = edits::replaceModelText(*document_, QGuiApplication::clipboard()->text());
    if (!pasted) {
      showMessage(tr("The clipboard does not hold a model: %1").arg(QString::fromStdString(pasted.error().describe())),
                  8000);
      return;
    }
    view_->fitToContents();
    showMessage(tr("Model pasted (undo with Edit > Undo)"), 4000);
  });

  connect(a.zoomIn, &QAction::triggered, view_, &GraphView::zoomIn);
  connect(a.zoomOut, &QAction::triggered, view_, &GraphView::zoomOut);
  connect(a.actualSize, &QAction::triggered, view_, &GraphView::resetZoom);
  connect(a.fit, &QAction::triggered, view_, &GraphView::fitToContents);
  connect(modelText_, &ModelTextPanel::modelApplied, view_, &GraphView::fitIfOffScreen);

  connect(a.toolSelect, &QAction::triggered, this, [this] { scene_->setTool(GraphScene::Tool::Select); });
  connect(a.toolArrow, &QAction::triggered, this, [this] { scene_->setTool(GraphScene::Tool::ConnectDirected); });
  connect(a.toolBidirected, &QAction::triggered, this, [this] { scene_->setTool(GraphScene::Tool::ConnectBidirected); });
  connect(scene_, &GraphScene::toolChanged, this, [this](GraphScene::Tool tool) {
    QAction* action = tool == GraphScene::Tool::Select            ? actions_->toolSelect
                      : tool == GraphScene::Tool::ConnectDirected ? actions_->toolArrow
                                                                  : actions_->toolBidirected;
    action->setChecked(true);
  });
  const std::pair<QAction*, graph::Role> roles[] = {{a.roleExposure, graph::Role::Exposure},
                                                    {a.roleOutcome, graph::Role::Outcome},
                                                    {a.roleAdjusted, graph::Role::Adjusted},
                                                    {a.roleLatent, graph::Role::Latent},
                                                    {a.roleSelected, graph::Role::Selected}};
  for (const auto& [action, role] : roles)
    connect(action, &QAction::triggered, this, [this, role = role] { scene_->toggleRoleOnSelection(role); });
  connect(a.pin, &QAction::triggered, this, [this] {
    const auto nodes = scene_->selectedNodes();
    const bool allPinned = std::all_of(nodes.begin(), nodes.end(), [this](graph::NodeId id) { return document_->isPinned(id); });
    edits::setPinned(*document_, nodes, !allPinned);
  });
  connect(a.unpinAll, &QAction::triggered, this, [this] {
    edits::setPinned(*document_, std::vector<graph::NodeId>(document_->pinnedNodes().begin(), document_->pinnedNodes().end()),
                     false);
  });
  connect(a.layoutLayered, &QAction::triggered, this,
          [this] { layoutRunner_->start(LayoutRunner::Algorithm::Layered, scene_->layoutOptions()); });
  connect(a.layoutForce, &QAction::triggered, this,
          [this] { layoutRunner_->start(LayoutRunner::Algorithm::ForceDirected, scene_->layoutOptions()); });
  connect(layoutRunner_, &LayoutRunner::finished, this, [this](bool applied, const QString& message) {
    showMessage(message, 5000);
    if (applied) view_->fitToContents();
  });

  connect(a.shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
  connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
  connect(a.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::connectAnalysis() {
  connect(runner_, &IdentificationRunner::resultReady, identification_, &IdentificationPanel::showResult);
  connect(runner_, &IdentificationRunner::resultReady, this, [this](const IdentificationResult& r) {
    scene_->setPathEdges(r.causalPathEdges(), r.biasingPathEdges());
    analysisState_->setText(r.ok ? tr("Identification up to date") : tr("Identification failed"));
  });
  connect(runner_, &IdentificationRunner::busyChanged, identification_, &IdentificationPanel::setBusy);
  connect(runner_, &IdentificationRunner::busyChanged, this, [this](bool busy) {
    if (busy) analysisState_->setText(tr("Identifying\u2026"));
  });
  connect(identification_, &IdentificationPanel::effectRequested, runner_, &IdentificationRunner::setEffect);
  connect(identification_, &IdentificationPanel::pathHighlightRequested, scene_,
          &GraphScene::setHighlightedPathEdges);
  connect(identification_, &IdentificationPanel::adjustmentSetChosen, this, [this](const std::vector<graph::NodeId>& ids) {
    edits::setAdjustedSet(*document_, ids);
    showMessage(tr("Adjusted set changed (undo with Edit > Undo)"), 4000);
  });
}

void MainWindow::connectData() {
  data_->setVersion(QStringLiteral(CAUSEWAY_VERSION));
  data_->acceptDropsOn(view_->viewport());
  connect(document_, &GraphDocument::analysisInputChanged, data_, &DataWorkspace::graphChanged);
  connect(data_, &DataWorkspace::statusMessage, this, &MainWindow::showMessage);
  connect(projectData_, &ProjectDataLink::statusMessage, this, &MainWindow::showMessage);
  // The workspace reports a mapping even before any data is loaded (every node unmapped): the
  // canvas marks missing columns only once there are data to miss them in.
  connect(data_, &DataWorkspace::mappingChanged, this,
          [this](const QHash<QString, QString>& nodeToColumn, const QStringList& unmapped) {
            if (data_->data()) scene_->setDataMapping(nodeToColumn, unmapped);
            else scene_->clearDataMapping();
          });
  connect(data_, &DataWorkspace::failingIndependenciesChanged, scene_, &GraphScene::setRejectedIndependencies);
  connect(data_, &DataWorkspace::dataLoaded, this, [this](const QString& path) {
    // The saved analysis layout belongs with data: restored at the first load, not at start.
    if (!analysisLayoutRestored_) {
      settings_->restoreAnalysisLayout(*this);
      analysisLayoutRestored_ = true;
    }
    showMessage(tr("Loaded %1").arg(QFileInfo(path).fileName()), 5000);
  });
}

void MainWindow::addDatabaseEntry() {
  // File > Open Data from Database…, right after Open Data…: the dialog browses and previews,
  // then the rows load like a CSV file's (the Data panel shows progress and Cancel).
  openDatabase_ = new QAction(tr("Open Data from Data&base…"), this);
  openDatabase_->setObjectName(QStringLiteral("openDatabaseAction"));
  openDatabase_->setToolTip(tr("Load a table or query from a PostgreSQL server or a SQLite file"));
  openDatabase_->setStatusTip(tr("Connect to PostgreSQL or SQLite, browse the tables, preview, and load a table or query"));
  actions_->fileMenu->insertAction(data_->recentDataMenu()->menuAction(), openDatabase_);
  connect(openDatabase_, &QAction::triggered, this, [this] {
    DatabaseDialog dialog(this);
    dialog.setAnalyseInDatabase(data_->analyseInDatabase());
    if (dialog.exec() != QDialog::Accepted) return;
    showMessage(tr("Reading %1…").arg(QString::fromStdString(database::sourceLabel(dialog.source()))), 0);
    data_->openDatabase(dialog.source(), dialog.analyseInDatabase());
  });
}

bool MainWindow::openFile(const QString& path) { return files_->openFile(path); }

void MainWindow::updateTitle() {
  setWindowTitle(files_->displayName() + QStringLiteral("[*] \u2014 Causeway"));
  setWindowModified(!document_->undoStack()->isClean());
}

void MainWindow::updateCounts() {
  const auto nodes = document_->graph().nodeCount();
  const auto edges = document_->graph().edgeCount();
  counts_->setText((nodes == 1 ? tr("1 variable") : tr("%1 variables").arg(nodes)) + QStringLiteral(", ") +
                   (edges == 1 ? tr("1 edge") : tr("%1 edges").arg(edges)));
}

void MainWindow::showMessage(const QString& message, int timeoutMs) { statusBar()->showMessage(message, timeoutMs); }

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!files_->maybeSave()) {
    event->ignore();
    return;
  }
  settings_->saveWindow(*this, data_->data().has_value());
  event->accept();
}

void MainWindow::showShortcuts() {
  QMessageBox::information(
      this, tr("Keyboard and mouse"),
      tr("<table>"
         "<tr><td><b>Double-click</b> empty space</td><td>add a variable (type its name, Enter)</td></tr>"
         "<tr><td><b>Double-click</b> a variable, F2</td><td>rename it</td></tr>"
         "<tr><td><b>Shift+drag</b> from a variable</td><td>draw an arrow to another (Ctrl+Shift: bidirected)</td></tr>"
         "<tr><td>D / B / V</td><td>arrow tool / bidirected tool / select tool</td></tr>"
         "<tr><td>E O A U S</td><td>exposure, outcome, adjusted, latent, selected (toggle on the selection)</td></tr>"
         "<tr><td>Delete</td><td>delete the selection (undo restores its edges)</td></tr>"
         "<tr><td>Arrow keys</td><td>nudge the selection (Shift: 1 pixel)</td></tr>"
         "<tr><td>Wheel, pinch</td><td>zoom; middle button or Space+drag: pan</td></tr>"
         "<tr><td>Ctrl+L</td><td>auto-layout (pinned variables stay; P pins)</td></tr>"
         "</table>"));
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Causeway"), aboutText());
}

}  // namespace causeway::ui
