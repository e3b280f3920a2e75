#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoStack;
class QWidget;

namespace causeway::ui {

// Every action of the main window: text, shortcut, tooltip, status tip and icon, and the menus
// and tool bar built from them. Behaviour is connected by MainWindow. Canvas-only keys (single
// letters, Delete, Select All) are bound to the canvas widget so they never steal keys from the
// model text editor.
class MainActions : public QObject {
  Q_OBJECT

 public:
  MainActions(QUndoStack* undoStack, QWidget* canvas, QObject* parent);

  void buildMenus(QMainWindow& window, const QList<QAction*>& panelToggles);
  QToolBar* buildToolBar(QMainWindow& window);

  // File
  QAction* newFile;
  QAction* open;
  QMenu* recentMenu = nullptr;
  QMenu* examplesMenu = nullptr;
  QAction* save;
  QAction* saveAs;
  QAction* exportPng;
  QAction* exportSvg;
  QAction* quit;
  // Edit
  QAction* undo;
  QAction* redo;
  QAction* addNode;
  QAction* rename;
  QAction* remove;
  QAction* selectAll;
  QAction* copyModel;
  QAction* pasteModel;
  // View
  QAction* zoomIn;
  QAction* zoomOut;
  QAction* actualSize;
  QAction* fit;
  // Graph
  QActionGroup* tools;
  QAction* toolSelect;
  QAction* toolArrow;
  QAction* toolBidirected;
  QAction* roleExposure;
  QAction* roleOutcome;
  QAction* roleAdjusted;
  QAction* roleLatent;
  QAction* roleSelected;
  QAction* pin;
  QAction* unpinAll;
  QAction* layoutLayered;
  QAction* layoutForce;
  // Menus that other parts (the data workspace) add to; set by buildMenus.
  QMenu* fileMenu = nullptr;
  QMenu* viewMenu = nullptr;
  QMenu* analysisMenu = nullptr;
  // Help
  QAction* shortcuts;
  QAction* about;
  QAction* aboutQt;

 private:
  QAction* make(const QString& text, const QString& tip, const QString& icon = {});
  QAction* canvasKey(QAction* action, const QKeySequence& key);

  QWidget* canvas_;
};

}  // namespace causeway::ui
