#include "causeway/ui/app/MainActions.hpp"

#include <QAction>
#include <QActionGroup>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QUndoStack>

namespace causeway::ui {

QAction* MainActions::make(const QString& text, const QString& tip, const QString& icon) {
  auto* action = new QAction(text, this);
  action->setToolTip(tip);
  action->setStatusTip(tip);
  if (!icon.isEmpty()) action->setIcon(QIcon(icon));
  return action;
}

QAction* MainActions::canvasKey(QAction* action, const QKeySequence& key) {
  action->setShortcut(key);
  action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  canvas_->addAction(action);
  // Show the key in tooltips too.
  action->setToolTip(action->toolTip() + QStringLiteral(" (") + key.toString(QKeySequence::NativeText) +
                     QLatin1Char(')'));
  return action;
}

MainActions::MainActions(QUndoStack* undoStack, QWidget* canvas, QObject* parent) : QObject(parent), canvas_(canvas) {
  newFile = make(tr("&New"), tr("Start a new, empty diagram"));
  newFile->setShortcut(QKeySequence::New);
  open = make(tr("&Open\u2026"), tr("Open a Causeway project, a DAGitty model (.dag, .txt) or a Graphviz file (.dot)"));
  open->setShortcut(QKeySequence::Open);
  save = make(tr("&Save"), tr("Save the diagram"));
  save->setShortcut(QKeySequence::Save);
  saveAs = make(tr("Save &As\u2026"), tr("Save as a Causeway project, a DAGitty model or a DOT file"));
  saveAs->setShortcut(QKeySequence::SaveAs);
  exportPng = make(tr("Export &PNG\u2026"), tr("Save the diagram and legend as a PNG picture at twice screen resolution"));
  exportPng->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
  exportSvg = make(tr("Export S&VG\u2026"), tr("Save the diagram and legend as a scalable SVG picture"));
  quit = make(tr("&Quit"), tr("Quit Causeway"));
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);

  undo = undoStack->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  undo->setToolTip(tr("Undo the last edit"));
  redo = undoStack->createRedoAction(this, tr("&Redo"));
  // The platform's redo keys (Ctrl+Shift+Z on Linux) and Ctrl+Y, which users of other
  // platforms and editors expect.
  QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
  if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y))) redoKeys << QKeySequence(Qt::CTRL | Qt::Key_Y);
  redo->setShortcuts(redoKeys);
  redo->setToolTip(tr("Redo the edit just undone"));
  addNode = canvasKey(make(tr("Add &Variable"), tr("Add a variable at the centre of the view (or double-click the canvas)")),
                      QKeySequence(Qt::Key_N));
  rename = canvasKey(make(tr("Re&name"), tr("Rename the selected variable in place (or double-click it)")),
                     QKeySequence(Qt::Key_F2));
  remove = canvasKey(make(tr("&Delete"), tr("Delete the selected variables and edges; undo restores their edges")),
                     QKeySequence::Delete);
  remove->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
  selectAll = canvasKey(make(tr("Select &All"), tr("Select every variable and edge")), QKeySequence::SelectAll);
  copyModel = canvasKey(make(tr("&Copy Model Text"), tr("Copy the model in DAGitty syntax (paste it into dagitty.net or R)")),
                        QKeySequence::Copy);
  pasteModel = canvasKey(make(tr("&Paste Model Text"),
                              tr("Replace the diagram with a model from the clipboard (DAGitty or DOT syntax); undoable")),
                         QKeySequence::Paste);

  zoomIn = make(tr("Zoom &In"), tr("Zoom in (or use the wheel, or pinch)"));
  zoomIn->setShortcuts(QKeySequence::ZoomIn);
  zoomOut = make(tr("Zoom &Out"), tr("Zoom out (or use the wheel, or pinch)"));
  zoomOut->setShortcuts(QKeySequence::ZoomOut);
  actualSize = make(tr("&Actual Size"), tr("Show the diagram at 100%"));
  actualSize->setShortcut(QKeySequence(tr("Ctrl+0")));
  fit = make(tr("&Fit to View"), tr("Zoom to show the whole diagram"), QStringLiteral(":/icons/fit.svg"));
  fit->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));

  tools = new QActionGroup(this);
  toolSelect = canvasKey(make(tr("&Select and Move"), tr("Select, move and rubber-band; Shift+drag still draws an arrow"),
                              QStringLiteral(":/icons/select.svg")),
                         QKeySequence(Qt::Key_V));
  toolArrow = canvasKey(make(tr("Draw &Arrows"), tr("Drag from a cause to its effect to draw a directed edge"),
                             QStringLiteral(":/icons/arrow.svg")),
                        QKeySequence(Qt::Key_D));
  toolBidirected = canvasKey(make(tr("Draw &Bidirected Edges"),
                                  tr("Drag between two variables that share an unobserved cause"),
                                  QStringLiteral(":/icons/bidirected.svg")),
                             QKeySequence(Qt::Key_B));
  for (QAction* a : {toolSelect, toolArrow, toolBidirected}) {
    a->setCheckable(true);
    tools->addAction(a);
  }
  toolSelect->setChecked(true);

  roleExposure = canvasKey(make(tr("&Exposure"), tr("Toggle exposure on the selected variables")), QKeySequence(Qt::Key_E));
  roleOutcome = canvasKey(make(tr("&Outcome"), tr("Toggle outcome on the selected variables")), QKeySequence(Qt::Key_O));
  roleAdjusted = canvasKey(make(tr("A&djusted"), tr("Toggle adjusted (conditioned on) on the selected variables")),
                           QKeySequence(Qt::Key_A));
  roleLatent = canvasKey(make(tr("&Latent (Unobserved)"), tr("Toggle latent (unobserved) on the selected variables")),
                         QKeySequence(Qt::Key_U));
  roleSelected = canvasKey(make(tr("Se&lected"), tr("Toggle selection (the sample is conditioned on it)")),
                           QKeySequence(Qt::Key_S));
  pin = canvasKey(make(tr("&Pin / Unpin"), tr("Pinned variables keep their place when the diagram is laid out")),
                  QKeySequence(Qt::Key_P));
  unpinAll = make(tr("Unpin All"), tr("Let auto-layout move every variable"));
  layoutLayered = make(tr("Auto-&Layout"), tr("Arrange in layers from exposure (left) to outcome (right); pinned variables stay"),
                       QStringLiteral(":/icons/layout.svg"));
  layoutLayered->setShortcut(QKeySequence(tr("Ctrl+L")));
  layoutForce = make(tr("&Force-Directed Layout"), tr("Arrange by simulated springs (Fruchterman-Reingold); pinned variables stay"),
                     QStringLiteral(":/icons/force.svg"));
  layoutForce->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));

  shortcuts = make(tr("&Keyboard and Mouse"), tr("How to draw and edit diagrams"));
  shortcuts->setShortcut(QKeySequence::HelpContents);
  about = make(tr("&About Causeway"), tr("Version and licence"));
  about->setMenuRole(QAction::AboutRole);
  aboutQt = make(tr("About &Qt"), tr("The Qt toolkit"));
  aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainActions::buildMenus(QMainWindow& window, const QList<QAction*>& panelToggles) {
  QMenuBar* bar = window.menuBar();
  QMenu* file = fileMenu = bar->addMenu(tr("&File"));
  file->addAction(newFile);
  file->addAction(open);
  recentMenu = file->addMenu(tr("Open &Recent"));
  recentMenu->setToolTipsVisible(true);
  examplesMenu = file->addMenu(tr("E&xamples"));
  examplesMenu->setToolTipsVisible(true);
  file->addSeparator();
  file->addAction(save);
  file->addAction(saveAs);
  file->addSeparator();
  file->addAction(exportPng);
  file->addAction(exportSvg);
  file->addSeparator();
  file->addAction(quit);

  QMenu* edit = bar->addMenu(tr("&Edit"));
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  edit->addAction(addNode);
  edit->addAction(rename);
  edit->addAction(remove);
  edit->addSeparator();
  edit->addAction(copyModel);
  edit->addAction(pasteModel);
  edit->addSeparator();
  edit->addAction(selectAll);

  QMenu* view = viewMenu = bar->addMenu(tr("&View"));
  view->addAction(zoomIn);
  view->addAction(zoomOut);
  view->addAction(actualSize);
  view->addAction(fit);
  view->addSeparator();
  for (QAction* toggle : panelToggles) view->addAction(toggle);

  QMenu* graphMenu = bar->addMenu(tr("&Graph"));
  graphMenu->addActions(tools->actions());
  graphMenu->addSeparator();
  QMenu* roles = graphMenu->addMenu(tr("&Role of Selection"));
  roles->addActions({roleExposure, roleOutcome, roleAdjusted, roleLatent, roleSelected});
  graphMenu->addSeparator();
  graphMenu->addAction(layoutLayered);
  graphMenu->addAction(layoutForce);
  graphMenu->addAction(pin);
  graphMenu->addAction(unpinAll);

  analysisMenu = bar->addMenu(tr("&Analysis"));
  QMenu* help = bar->addMenu(tr("&Help"));
  help->addAction(shortcuts);
  help->addSeparator();
  help->addAction(about);
  help->addAction(aboutQt);
  for (QMenu* menu : {file, edit, view, graphMenu, roles, analysisMenu, help}) menu->setToolTipsVisible(true);
}

QToolBar* MainActions::buildToolBar(QMainWindow& window) {
  QToolBar* bar = window.addToolBar(tr("Tools"));
  bar->setObjectName(QStringLiteral("toolsToolBar"));
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  bar->addActions(tools->actions());
  bar->addSeparator();
  bar->addAction(layoutLayered);
  bar->addAction(layoutForce);
  bar->addAction(fit);
  return bar;
}

}  // namespace causeway::ui
