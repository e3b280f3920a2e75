// The real main window driven by events on the canvas viewport, the panels and the key map:
// build a graph, set roles by keys, undo/redo everything, live identification answers, open
// biasing paths, model text <-> canvas sync, save/reload, export.
#include <QAction>
#include <QClipboard>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QWheelEvent>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/ui/analysis/IdentificationRunner.hpp"
#include "causeway/ui/analysis/LayoutRunner.hpp"
#include "causeway/ui/app/MainActions.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/canvas/EdgeItem.hpp"
#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/canvas/GraphView.hpp"
#include "causeway/ui/canvas/NameEditor.hpp"
#include "causeway/ui/canvas/NodeItem.hpp"
#include "causeway/ui/canvas/SceneExporter.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/panels/IdentificationPanel.hpp"
#include "causeway/ui/panels/ModelTextPanel.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

QString example(const char* name) { return QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/") + QLatin1String(name); }

graph::NodeId idOf(MainWindow& w, const char* name) {
  auto id = w.document().graph().findNode(name);
  if (!id) qFatal("no node %s", name);
  return *id;
}

QPoint at(MainWindow& w, const char* name) {
  return w.view().mapFromScene(w.scene().nodeItem(idOf(w, name))->pos());
}

// Waits until the live identification has a result for the current model.
const IdentificationResult& settled(MainWindow& w) {
  const IdentificationRunner& runner = w.identificationRunner();
  if (!QTest::qWaitFor([&] { return !runner.isBusy() && runner.current() != nullptr; }, 20000))
    qFatal("identification did not settle");
  return *runner.current();
}

QStringList setTexts(const std::vector<NodeGroup>& sets) {
  QStringList out;
  for (const NodeGroup& s : sets) out << s.text;
  return out;
}

// Creates a variable the way a user does: double-click empty canvas, type, Enter.
void addByDoubleClick(MainWindow& w, QPoint viewportPos, const QString& name) {
  QWidget* vp = w.view().viewport();
  QTest::mouseDClick(vp, Qt::LeftButton, {}, viewportPos);
  NameEditor* editor = w.view().nameEditor();
  QVERIFY2(editor != nullptr, "double-click on empty canvas opens the name editor");
  QTest::keyClicks(editor, name);
  QTest::keyClick(editor, Qt::Key_Return);
  QVERIFY(w.view().nameEditor() == nullptr);
}

void shiftDrag(MainWindow& w, const char* from, const char* to, Qt::KeyboardModifiers mods = Qt::ShiftModifier) {
  QWidget* vp = w.view().viewport();
  const QPoint a = at(w, from);
  const QPoint b = at(w, to);
  QTest::mousePress(vp, Qt::LeftButton, mods, a);
  QTest::mouseMove(vp, (a + b) / 2);
  QTest::mouseMove(vp, b);
  QTest::mouseRelease(vp, Qt::LeftButton, mods, b);
}

void clickNode(MainWindow& w, const char* name, Qt::KeyboardModifiers mods = {}) {
  QTest::mouseClick(w.view().viewport(), Qt::LeftButton, mods, at(w, name));
}

// A key on the canvas, through the shortcut map as a user's key press would go.
void canvasKey(MainWindow& w, int key, Qt::KeyboardModifiers mods = {}) {
  w.view().setFocus();
  QTest::keyClick(&w.view(), static_cast<Qt::Key>(key), mods);
}

// Types text as keystrokes; line breaks as the Return key.
void typeText(QWidget* widget, const QString& text) {
  const QStringList lines = text.split(QLatin1Char('\n'));
  for (qsizetype i = 0; i < lines.size(); ++i) {
    if (i > 0) QTest::keyClick(widget, Qt::Key_Return);
    QTest::keyClicks(widget, lines[i]);
  }
}

bool hasEdge(MainWindow& w, const char* from, const char* to, graph::EdgeKind kind = graph::EdgeKind::Directed) {
  return w.document().graph().hasEdge(idOf(w, from), idOf(w, to), kind);
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

  std::unique_ptr<MainWindow> window_;

  MainWindow& fresh() {
    window_.reset();
    window_ = std::make_unique<MainWindow>();
    window_->resize(1300, 850);
    window_->show();
    window_->activateWindow();
    if (!QTest::qWaitForWindowActive(window_.get())) qWarning("window not active");
    window_->files().setSavePrompt([] { return static_cast<int>(QMessageBox::Discard); });
    window_->modelText().setApplyDelay(50);
    return *window_;
  }

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("CausewayTests"));
    QCoreApplication::setApplicationName(QStringLiteral("MainWindowTest"));
    QSettings().clear();
  }
  void cleanup() { window_.reset(); }

  void buildByEventsThenUndoRedoEverything() {
    MainWindow& w = fresh();
    const QString empty = w.document().serialize();
    const QRect r = w.view().viewport()->rect();
    addByDoubleClick(w, QPoint(r.width() / 4, r.height() / 2), QStringLiteral("X"));
    addByDoubleClick(w, QPoint(3 * r.width() / 4, r.height() / 2), QStringLiteral("Y"));
    addByDoubleClick(w, QPoint(r.width() / 2, r.height() / 5), QStringLiteral("Z"));
    addByDoubleClick(w, QPoint(r.width() / 2, 4 * r.height() / 5), QStringLiteral("W"));
    QCOMPARE(w.document().graph().nodeCount(), 4U);
    QCOMPARE(w.scene().nodeItemCount(), 4U);

    shiftDrag(w, "Z", "X");
    shiftDrag(w, "Z", "Y");
    shiftDrag(w, "X", "Y");
    shiftDrag(w, "W", "Y", Qt::ShiftModifier | Qt::ControlModifier);  // bidirected
    QVERIFY(hasEdge(w, "Z", "X"));
    QVERIFY(hasEdge(w, "Z", "Y"));
    QVERIFY(hasEdge(w, "X", "Y"));
    QVERIFY(hasEdge(w, "W", "Y", graph::EdgeKind::Bidirected));

    // A cycle is refused and named in the status bar.
    shiftDrag(w, "Y", "Z");
    QVERIFY(!hasEdge(w, "Y", "Z"));
    QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("Y -> Z -> X -> Y")) ||
                 w.statusBar()->currentMessage().contains(QStringLiteral("Y -> Z -> Y")),
             qPrintable(w.statusBar()->currentMessage()));

    // Roles by key on the selected node(s).
    clickNode(w, "X");
    canvasKey(w, Qt::Key_E);
    clickNode(w, "Y");
    canvasKey(w, Qt::Key_O);
    clickNode(w, "W");
    canvasKey(w, Qt::Key_U);
    canvasKey(w, Qt::Key_S);
    QVERIFY(w.document().graph().roles(idOf(w, "X")).has(graph::Role::Exposure));
    QVERIFY(w.document().graph().roles(idOf(w, "Y")).has(graph::Role::Outcome));
    QVERIFY(w.document().graph().roles(idOf(w, "W")).has(graph::Role::Latent));
    QVERIFY(w.document().graph().roles(idOf(w, "W")).has(graph::Role::Selected));
    canvasKey(w, Qt::Key_S);  // toggles off
    QVERIFY(!w.document().graph().roles(idOf(w, "W")).has(graph::Role::Selected));

    // Rename in place: double-click the node, type, Enter.
    QTest::mouseDClick(w.view().viewport(), Qt::LeftButton, {}, at(w, "W"));
    QVERIFY(w.view().nameEditor() != nullptr);
    w.view().nameEditor()->selectAll();
    QTest::keyClicks(w.view().nameEditor(), QStringLiteral("Hidden"));
    QTest::keyClick(w.view().nameEditor(), Qt::Key_Return);
    QVERIFY(w.document().graph().findNode("Hidden").has_value());

    // Multi-select (Ctrl+click) and drag: one undo step, both moved.
    clickNode(w, "X");
    clickNode(w, "Z", Qt::ControlModifier);
    QCOMPARE(w.scene().selectedNodes().size(), 2U);
    const int depth = w.document().undoStack()->count();
    const QPointF xBefore = w.scene().nodeItem(idOf(w, "X"))->pos();
    const QPoint start = at(w, "X");
    QTest::mousePress(w.view().viewport(), Qt::LeftButton, {}, start);
    for (int step = 1; step <= 10; ++step) QTest::mouseMove(w.view().viewport(), start + QPoint(step * 4, step * 3));
    QTest::mouseRelease(w.view().viewport(), Qt::LeftButton, {}, start + QPoint(40, 30));
    QCOMPARE(w.document().undoStack()->count(), depth + 1);
    QVERIFY(w.scene().nodeItem(idOf(w, "X"))->pos() != xBefore);
    QVERIFY(w.document().isPinned(idOf(w, "X")));

    // Delete a node with the Delete key; undo restores its edges.
    clickNode(w, "Z");
    const QString beforeDelete = w.document().serialize();
    canvasKey(w, Qt::Key_Delete);
    QVERIFY(!w.document().graph().findNode("Z"));
    QCOMPARE(w.document().graph().edgeCount(), 2U);
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(w.document().serialize(), beforeDelete);

    // Undo everything back to empty through the Edit menu's shortcut, then redo it all.
    const QString full = w.document().serialize();
    const int steps = w.document().undoStack()->index();
    int undone = 0;
    while (w.document().undoStack()->canUndo()) {
      QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
      QVERIFY(++undone < 100);
    }
    QCOMPARE(w.document().serialize(), empty);
    QCOMPARE(w.scene().nodeItemCount(), 0U);
    for (int i = 0; i < steps; ++i) w.actions().redo->trigger();
    QCOMPARE(w.document().serialize(), full);
    QCOMPARE(w.scene().nodeItemCount(), 4U);
  }

  void liveSetsMBiasIsEmptySet() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("m-bias.dag")));
    const IdentificationResult& r = settled(w);
    QCOMPARE(setTexts(r.adjustmentSets), QStringList{QStringLiteral("{}")});
    QVERIFY2(w.identification().summaryText().contains(QStringLiteral("empty set")),
             qPrintable(w.identification().summaryText()));
  }

  void liveSetsConfoundingIsZ() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("confounding.dag")));
    const IdentificationResult& r = settled(w);
    QCOMPARE(setTexts(r.adjustmentSets), QStringList{QStringLiteral("{Z}")});
    QVERIFY(w.identification().summaryText().contains(QStringLiteral("adjust for {Z}")));
    // Not adjusting leaves X <- Z -> Y open: its edges are drawn red (biasing), and nothing has the
    // picked-path highlight until the user picks a path.
    QVERIFY(r.adjustedSet && !r.adjustedSet->valid);
    QVERIFY(w.scene().highlightedPath().empty());
    for (const char* child : {"X", "Y"}) {
      EdgeItem* e = w.scene().edgeItem(EdgeKey::of(idOf(w, "Z"), idOf(w, child), graph::EdgeKind::Directed));
      QVERIFY(e != nullptr);
      QCOMPARE(e->emphasis(), EdgeEmphasis::Biasing);
    }
    // Clicking the set in the panel adjusts for it (one undo step).
    QTreeWidget* tree = w.identification().tree();
    QTreeWidgetItem* setItem = tree->findItems(QStringLiteral("{Z}"), Qt::MatchStartsWith | Qt::MatchRecursive).value(0);
    QVERIFY(setItem != nullptr);
    tree->scrollToItem(setItem);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(setItem).center());
    QVERIFY(w.document().graph().roles(idOf(w, "Z")).has(graph::Role::Adjusted));
    QCOMPARE(w.document().undoStack()->count(), 1);
    const IdentificationResult& after = settled(w);
    QVERIFY(after.adjustedSet && after.adjustedSet->valid);
    QVERIFY(w.scene().highlightedPath().empty());
  }

  void invalidAdjustedSetShowsOpenPath() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("m-bias.dag")));
    (void)settled(w);
    clickNode(w, "M");
    canvasKey(w, Qt::Key_A);
    const IdentificationResult& r = settled(w);
    QVERIFY(r.adjustedSet.has_value());
    QVERIFY(!r.adjustedSet->valid);
    QVERIFY(r.adjustedSet->openPath.has_value());
    QCOMPARE(r.adjustedSet->openPath->text, QStringLiteral("X <- A -> M <- B -> Y"));
    // Drawn on the canvas in red (biasing), not in the picked-path colour while nothing is picked.
    QVERIFY(w.scene().highlightedPath().empty());
    EdgeItem* am = w.scene().edgeItem(EdgeKey::of(idOf(w, "A"), idOf(w, "M"), graph::EdgeKind::Directed));
    QVERIFY(am != nullptr);
    QCOMPARE(am->emphasis(), EdgeEmphasis::Biasing);
    // And listed in the panel; picking it highlights its four edges.
    QTreeWidget* tree = w.identification().tree();
    QTreeWidgetItem* open =
        tree->findItems(QStringLiteral("Open biasing path: X <- A -> M <- B -> Y"), Qt::MatchRecursive).value(0);
    QVERIFY(open != nullptr);
    tree->scrollToItem(open);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(open).center());
    QCOMPARE(w.scene().highlightedPath().size(), 4U);
    QCOMPARE(am->emphasis(), EdgeEmphasis::Highlighted);
    // Clicking another path highlights it instead; clicking it again clears the pick.
    QTreeWidgetItem* causal = tree->findItems(QStringLiteral("X -> Y "), Qt::MatchStartsWith | Qt::MatchRecursive).value(0);
    QVERIFY(causal != nullptr);
    tree->scrollToItem(causal);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(causal).center());
    QCOMPARE(w.scene().highlightedPath().size(), 1U);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(causal).center());
    QVERIFY(w.scene().highlightedPath().empty());
    QCOMPARE(am->emphasis(), EdgeEmphasis::Biasing);
  }

  void rubberBandSelectsAndRoleKeysApplyToAll() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("m-bias.dag")));
    // Drag a rectangle around A and B (the top row) from empty space.
    const QPoint a = at(w, "A");
    const QPoint b = at(w, "B");
    const QPoint from(std::min(a.x(), b.x()) - 60, std::min(a.y(), b.y()) - 40);
    const QPoint to(std::max(a.x(), b.x()) + 60, std::max(a.y(), b.y()) + 40);
    QTest::mousePress(w.view().viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(w.view().viewport(), (from + to) / 2);
    QTest::mouseMove(w.view().viewport(), to);
    QTest::mouseRelease(w.view().viewport(), Qt::LeftButton, {}, to);
    QCOMPARE(w.scene().selectedNodes().size(), 2U);
    canvasKey(w, Qt::Key_S);
    QVERIFY(w.document().graph().roles(idOf(w, "A")).has(graph::Role::Selected));
    QVERIFY(w.document().graph().roles(idOf(w, "B")).has(graph::Role::Selected));
    QCOMPARE(w.document().undoStack()->count(), 1);  // one macro for both nodes
  }

  void modelTextEditsUpdateCanvasAndBack() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("confounding.dag")));
    QPlainTextEdit* editor = w.modelText().editor();
    // Text -> canvas: type a new model.
    editor->setFocus();
    editor->selectAll();
    typeText(editor, QStringLiteral("dag { X [exposure] Y [outcome] Z -> X -> Y Z -> Y Q -> Z }"));
    (void)QTest::qWaitFor([&] { return w.scene().nodeItemCount() == 4U; }, 5000);
    QVERIFY2(w.scene().nodeItemCount() == 4U, qPrintable(editor->toPlainText()));
    QVERIFY(hasEdge(w, "Q", "Z"));
    QCOMPARE(w.document().undoStack()->count(), 1);  // one undoable step
    // A syntax error is shown at its line and leaves the drawing alone.
    QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
    typeText(editor, QStringLiteral("\nA -> -> B"));
    QTRY_VERIFY_WITH_TIMEOUT(w.modelText().error().has_value(), 5000);
    QCOMPARE(w.modelText().error()->context.line, 2U);
    QVERIFY(!editor->extraSelections().isEmpty());
    QCOMPARE(w.scene().nodeItemCount(), 4U);
    QCOMPARE(w.document().undoStack()->count(), 1);
    // Canvas -> text: an edit on the canvas rewrites the text (once the typing is undone).
    w.modelText().refreshFromModel();
    QVERIFY(!w.modelText().error().has_value());
    const QRect r = w.view().viewport()->rect();
    addByDoubleClick(w, QPoint(r.width() / 2, r.height() - 40), QStringLiteral("Fresh"));
    QTRY_VERIFY_WITH_TIMEOUT(editor->toPlainText().contains(QStringLiteral("Fresh [pos=")), 5000);
    // Pasting a model from dagitty.net keeps its positions, scaled to the canvas.
    editor->selectAll();
    typeText(editor, QStringLiteral("dag {\nbb=\"-3.7,-2.6,5.9,2.5\"\nage [pos=\"-0.9,-0.9\"]\n"
                                            "obesity [exposure,pos=\"-2.9,0.5\"]\nspo2 [outcome,pos=\"2.1,0.1\"]\n"
                                            "age -> obesity\nage -> spo2\nobesity -> spo2\n}\n"));
    QTRY_COMPARE_WITH_TIMEOUT(w.scene().nodeItemCount(), 3U, 5000);
    const QPointF o = w.scene().nodeItem(idOf(w, "obesity"))->pos();
    const QPointF s = w.scene().nodeItem(idOf(w, "spo2"))->pos();
    QVERIFY(s.x() - o.x() > 300.0);
    QCOMPARE(w.document().graph().node(idOf(w, "age")).position, (graph::Point{-0.9, -0.9}));
  }

  void saveAndReloadIsIdentical() {
    QTemporaryDir dir;
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("butterfly.dag")));
    clickNode(w, "M");
    canvasKey(w, Qt::Key_A);
    canvasKey(w, Qt::Key_Right);  // nudge: moves and pins M
    const QString path = dir.filePath(QStringLiteral("butterfly.causeway"));
    QVERIFY(w.files().saveTo(path));
    QVERIFY(w.document().undoStack()->isClean());
    const QString saved = w.document().serialize();
    QFile first(path);
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QByteArray firstBytes = first.readAll();
    QVERIFY(firstBytes.contains("\"format\": \"causeway-project\""));

    MainWindow& again = fresh();
    QVERIFY(again.openFile(path));
    QCOMPARE(again.document().serialize(), saved);
    QVERIFY(again.document().isPinned(idOf(again, "M")));
    const QString path2 = dir.filePath(QStringLiteral("again.causeway"));
    QVERIFY(again.files().saveTo(path2));
    QFile second(path2);
    QVERIFY(second.open(QIODevice::ReadOnly));
    QCOMPARE(second.readAll(), firstBytes);
    // DAGitty and DOT files open too.
    QVERIFY(again.files().saveTo(dir.filePath(QStringLiteral("model.dot"))));
    MainWindow& dot = fresh();
    QVERIFY(dot.openFile(dir.filePath(QStringLiteral("model.dot"))));
    QCOMPARE(dot.document().graph().edgeCount(), 7U);
  }

  void projectKeepsWhatTheGuiDoesNotEdit() {
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("data"));
    const QString path = dir.filePath(QStringLiteral("study.causeway"));
    project::Project original;
    original.title = "Study";
    original.modelText = "dag { X [exposure,pos=\"0,0\"] Y [outcome,pos=\"1,0\"] Z [pos=\"0.5,-1\"] Z -> X Z -> Y X -> Y }";
    original.dataPath = "data/study.csv";
    original.analysis.bootstrap = 200;
    original.notes = "hello";
    original.viewStateJson = R"({"docks":"kept","pinned":["Z"]})";
    QVERIFY(project::saveProject(original, path.toStdString()).ok());

    MainWindow& w = fresh();
    QVERIFY(w.openFile(path));
    QVERIFY(w.document().isPinned(idOf(w, "Z")));
    clickNode(w, "Z");
    canvasKey(w, Qt::Key_A);
    // Saved somewhere else: the data path is re-based on the new folder.
    QDir(dir.path()).mkpath(QStringLiteral("sub"));
    const QString moved = dir.filePath(QStringLiteral("sub/study.causeway"));
    QVERIFY(w.files().saveTo(moved));
    auto reread = project::loadProject(moved.toStdString());
    QVERIFY(reread.ok());
    QCOMPARE(reread->title, std::string("Study"));
    QCOMPARE(reread->analysis.bootstrap, 200);
    QCOMPARE(reread->notes, std::string("hello"));
    QCOMPARE(reread->dataPath, std::string("../data/study.csv"));
    QVERIFY(QString::fromStdString(reread->viewStateJson).contains(QStringLiteral("\"docks\":\"kept\"")));
    QVERIFY(QString::fromStdString(reread->modelText).contains(QStringLiteral("Z [adjusted")));
  }

  void exportsPngAtTwiceSizeAndSvg() {
    QTemporaryDir dir;
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("frontdoor.dag")));
    const QString png = dir.filePath(QStringLiteral("d.png"));
    QVERIFY(SceneExporter::exportPng(w.scene(), png, 2.0).ok());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 2 * static_cast<int>(w.scene().contentsRect().width()));
    const QString svg = dir.filePath(QStringLiteral("d.svg"));
    QVERIFY(SceneExporter::exportSvg(w.scene(), svg).ok());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("Legend"));
  }

  void zoomPanFit() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("postmortem.dag")));
    GraphView& view = w.view();
    view.resetZoom();
    const QPoint centre = view.viewport()->rect().center();
    QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(view.zoom() > 1.2);
    w.actions().fit->trigger();
    const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(w.scene().contentsRect()));
    w.actions().zoomOut->trigger();
    QVERIFY(view.zoom() < 1.6);
  }

  void examplesMenuOpensBundledModels() {
    MainWindow& w = fresh();
    QVERIFY(w.actions().examplesMenu != nullptr);
    const auto actions = w.actions().examplesMenu->actions();
    QVERIFY(actions.size() >= 6);
    for (QAction* a : actions)
      if (a->text() == QStringLiteral("Instrument")) a->trigger();
    const IdentificationResult& r = settled(w);
    QVERIFY(r.instrumentsComputed);
    QCOMPARE(r.instruments.size(), 1U);
    QCOMPARE(r.instruments.front().text, QStringLiteral("Z"));
  }

  void copyAndPasteModelOnTheCanvas() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("frontdoor.dag")));
    canvasKey(w, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromStdString(graph::writeDagitty(w.document().graph())));
    const QString before = w.document().serialize();
    QGuiApplication::clipboard()->setText(QStringLiteral("dag { P [exposure,pos=\"0,0\"] Q [outcome,pos=\"1,0\"] P -> Q }"));
    canvasKey(w, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(w.scene().nodeItemCount(), 2U);
    QVERIFY(hasEdge(w, "P", "Q"));
    w.actions().undo->trigger();
    QCOMPARE(w.document().serialize(), before);
    // Not a model: nothing changes, the status bar says why.
    QGuiApplication::clipboard()->setText(QStringLiteral("hello -> -> world"));
    canvasKey(w, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(w.document().serialize(), before);
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("does not hold a model")));
  }

  void layoutIsOneUndoStep() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("postmortem.dag")));
    const QString before = w.document().serialize();
    QSignalSpy done(&w.layoutRunner(), &LayoutRunner::finished);
    w.actions().layoutLayered->trigger();
    QVERIFY(done.wait(10000));
    QCOMPARE(w.document().undoStack()->count(), 1);
    QVERIFY(w.document().serialize() != before);
    w.actions().undo->trigger();
    QCOMPARE(w.document().serialize(), before);
  }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
