// Issue 10's workspace findings, driven through the real main window: M-bias with M adjusted is
// worded plainly, a model replaced from the text pane is brought into view, Ctrl+Y redoes, an
// empty first-run model says so, long path rows wrap at 1280 px instead of being cut off, and
// negative-control nodes are drawn in a style of their own.
#include <QApplication>
#include <QComboBox>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTest>
#include <QTreeWidget>

#include "causeway/ui/analysis/IdentificationRunner.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/canvas/CanvasStyle.hpp"
#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/canvas/GraphView.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/panels/IdentificationPanel.hpp"
#include "causeway/ui/panels/ModelTextPanel.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

QString example(const char* name) { return QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/") + QLatin1String(name); }

// Waits until the live identification has a result for the current model.
const IdentificationResult& settled(MainWindow& w) {
  const IdentificationRunner& runner = w.identificationRunner();
  if (!QTest::qWaitFor([&] { return !runner.isBusy() && runner.current() != nullptr; }, 20000))
    qFatal("identification did not settle");
  return *runner.current();
}

QTreeWidgetItem* findRow(const IdentificationPanel& panel, const QString& startsWith) {
  return panel.tree()->findItems(startsWith, Qt::MatchStartsWith | Qt::MatchRecursive).value(0);
}

// The children's texts of the section whose title starts with `title`.
QStringList sectionRows(const IdentificationPanel& panel, const QString& title) {
  QStringList rows;
  QTreeWidgetItem* section = findRow(panel, title);
  if (section == nullptr) return rows;
  for (int i = 0; i < section->childCount(); ++i) rows << section->child(i)->text(0);
  return rows;
}

}  // namespace

class WorkspaceFixesTest : public QObject {
  Q_OBJECT

  std::unique_ptr<MainWindow> window_;

  MainWindow& fresh(QSize size = {1300, 850}) {
    window_.reset();
    window_ = std::make_unique<MainWindow>();
    window_->resize(size);
    window_->show();
    (void)QTest::qWaitForWindowExposed(window_.get());
    window_->files().setSavePrompt([] { return static_cast<int>(QMessageBox::Discard); });
    window_->modelText().setApplyDelay(50);
    return *window_;
  }

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("CausewayTests"));
    QCoreApplication::setApplicationName(QStringLiteral("WorkspaceFixesTest"));
    QSettings().clear();
  }
  void cleanup() { window_.reset(); }

  // Item 3: with the collider M marked adjusted, {} stays the answer, the constrained sets are
  // called what they are, and the panel says that adjusting for a collider opens the path.
  void mBiasWithColliderAdjusted() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("m-bias.dag")));
    (void)settled(w);
    edits::toggleRole(w.document(), {*w.document().graph().findNode("M")}, graph::Role::Adjusted);
    const IdentificationResult& r = settled(w);
    QVERIFY(r.adjustedSet && !r.adjustedSet->valid);
    const QString summary = w.identification().summaryText();
    QVERIFY2(summary.contains(QStringLiteral("the empty set {} is sufficient")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("You marked {M} adjusted; the minimal sets that contain it are {A, M} or {B, M}")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("{M} alone is not sufficient")), qPrintable(summary));
    const IdentificationPanel& panel = w.identification();
    QCOMPARE(sectionRows(panel, QStringLiteral("Minimal sufficient adjustment sets")), QStringList{QStringLiteral("{}")});
    QCOMPARE(sectionRows(panel, QStringLiteral("Minimal sets containing the nodes you adjusted, {M}")),
             (QStringList{QStringLiteral("{A, M}"), QStringLiteral("{B, M}")}));
    const QStringList verdict = sectionRows(panel, QStringLiteral("Your adjusted set"));
    QVERIFY2(verdict.contains(QStringLiteral(
                 "Adjusting for M opens the biasing path X <- A -> M <- B -> Y: M is a collider on it (both arrows "
                 "point into M), and adjusting for a collider opens the path through it.")),
             qPrintable(verdict.join(QLatin1Char('\n'))));
  }

  // Without marks nothing changes: the plain sentence and one list.
  void confoundingWithoutMarksKeepsThePlainSentence() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("confounding.dag")));
    (void)settled(w);
    QCOMPARE(w.identification().summaryText(), QStringLiteral("To estimate the total effect of X on Y, adjust for {Z}."));
    QVERIFY(findRow(w.identification(), QStringLiteral("Minimal sets containing")) == nullptr);
  }

  // Item 5: a model whose coordinates lie far from the current view is brought into view.
  void modelReplacedFromTheTextPaneIsFitted() {
    MainWindow& w = fresh();
    (void)settled(w);
    w.modelText().editor()->setPlainText(QStringLiteral(
        "dag {\nX [exposure,pos=\"40,30\"]\nY [outcome,pos=\"46,30\"]\nZ [pos=\"43,26\"]\nZ -> X\nZ -> Y\nX -> Y\n}"));
    QVERIFY(QTest::qWaitFor([&] { return w.document().graph().nodeCount() == 3; }, 5000));
    const QRectF visible = w.view().mapToScene(w.view().viewport()->rect()).boundingRect();
    const QRectF content = w.scene().contentsRect();
    QVERIFY(!content.isNull());
    QVERIFY2(visible.contains(content), "the replaced model lies outside the view");
  }

  // Item 8: Ctrl+Y redoes, as Ctrl+Shift+Z does.
  void ctrlYAndCtrlShiftZRedo() {
    MainWindow& w = fresh();
    QVERIFY(edits::addNode(w.document(), QStringLiteral("A"), {0, 0}).ok());
    QVERIFY(edits::addNode(w.document(), QStringLiteral("B"), {100, 0}).ok());
    w.view().setFocus();
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(w.document().graph().nodeCount(), 0U);
    QTest::keyClick(&w, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(w.document().graph().nodeCount(), 1U);
    QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(w.document().graph().nodeCount(), 2U);
  }

  // Item 12: an empty first-run model says it is empty, not that every pair is adjacent.
  void emptyModelSaysSo() {
    MainWindow& w = fresh();
    const IdentificationResult& r = settled(w);
    QCOMPARE(r.nodeCount, 0U);
    QVERIFY(w.identification().summaryText().startsWith(QStringLiteral("The model is empty.")));
    QVERIFY(w.identification().tree()->findItems(QStringLiteral("None (every pair of variables is adjacent)"),
                                                  Qt::MatchRecursive).isEmpty());
  }

  // Item 12: at 1280 px a long path row wraps within the panel instead of being cut off.
  void longPathRowsWrapAt1280() {
    MainWindow& w = fresh({1280, 800});
    QVERIFY(edits::replaceModelText(w.document(),
                                    QStringLiteral("dag { Exposure_of_interest [exposure] Outcome_of_interest [outcome] "
                                                   "Exposure_of_interest <- first_long_confounder_name -> "
                                                   "second_long_mediating_variable <- third_long_confounder_name -> "
                                                   "fourth_long_variable_name -> Outcome_of_interest "
                                                   "Exposure_of_interest -> Outcome_of_interest }"))
                .ok());
    (void)settled(w);
    QTreeWidget* tree = w.identification().tree();
    QTreeWidgetItem* path = findRow(w.identification(), QStringLiteral("Exposure_of_interest <- first_long"));
    QVERIFY(path != nullptr);
    tree->scrollToItem(path);
    const int lineHeight = tree->fontMetrics().height();
    const int textWidth = tree->fontMetrics().horizontalAdvance(path->text(0));
    QVERIFY2(textWidth > tree->viewport()->width(), "the path must be longer than the panel for this test to mean anything");
    QTest::qWait(50);  // the tree lays its rows out after a short delay
    const QRect row = tree->visualItemRect(path);
    const QByteArray where = QStringLiteral("row %1x%2, line %3, viewport %4, text %5")
                                 .arg(row.width()).arg(row.height()).arg(lineHeight).arg(tree->viewport()->width()).arg(textWidth)
                                 .toUtf8();
    QVERIFY2(row.right() <= tree->viewport()->width(), where.constData());
    QVERIFY2(row.height() >= 2 * lineHeight, where.constData());
  }

  // The direct-effect question (single-door criterion): the mediator M joins the set.
  void directEffectQuestion() {
    MainWindow& w = fresh();
    QVERIFY(edits::replaceModelText(w.document(),
                                    QStringLiteral("dag { X [exposure] Y [outcome] X -> M -> Y X -> Y Z -> X Z -> Y }"))
                .ok());
    (void)settled(w);
    QCOMPARE(w.identification().summaryText(), QStringLiteral("To estimate the total effect of X on Y, adjust for {Z}."));
    QComboBox* effect = w.identification().effectChooser();
    effect->setCurrentIndex(1);
    Q_EMIT effect->activated(1);
    QVERIFY(QTest::qWaitFor([&] { return w.identificationRunner().current() != nullptr; }, 20000));
    const IdentificationResult& r = settled(w);
    QCOMPARE(r.effect, identification::Effect::Direct);
    QVERIFY2(w.identification().summaryText().startsWith(
                 QStringLiteral("To estimate the direct effect of X on Y, adjust for {M, Z}.")),
             qPrintable(w.identification().summaryText()));
    QCOMPARE(effect->currentIndex(), 1);
  }

  // Selected nodes: the panel says which population the sets hold for, in the core's words.
  void selectionPopulationWording() {
    MainWindow& w = fresh();
    QVERIFY(edits::replaceModelText(w.document(),
                                    QStringLiteral("dag { X [exposure] Y [outcome] S [selected] Z -> X Z -> Y X -> Y Y -> S }"))
                .ok());
    const IdentificationResult& r = settled(w);
    QVERIFY(!r.populationSentence.isEmpty());
    QVERIFY2(r.populationSentence.contains(QStringLiteral("selected units")), qPrintable(r.populationSentence));
    QVERIFY(w.identification().summaryText().endsWith(r.populationSentence));
  }

  // Negative-control roles (nco, nce) are drawn unlike any other role, and unlike each other.
  void negativeControlsDrawnDistinctly() {
    const QPalette palette = QApplication::palette();
    const NodeAppearance nco = CanvasStyle::node(graph::Role::NegativeControlOutcome, palette);
    const NodeAppearance nce = CanvasStyle::node(graph::Role::NegativeControlExposure, palette);
    for (const graph::Role other : {graph::Role::Exposure, graph::Role::Outcome, graph::Role::Adjusted, graph::Role::Latent}) {
      QVERIFY(CanvasStyle::node(other, palette).fill != nco.fill);
    }
    QVERIFY(CanvasStyle::node(graph::RoleSet{}, palette).fill != nco.fill);
    QCOMPARE(nco.fill, nce.fill);
    QCOMPARE(nco.marker, QStringLiteral("\u25CE"));
    QCOMPARE(nce.marker, QStringLiteral("\u25B7"));
  }
};

QTEST_MAIN(WorkspaceFixesTest)
#include "WorkspaceFixesTest.moc"
