// The data workspace docked in the real main window: a project opens with its data, mapping
// and settings; the canvas marks variables without a column and draws rejected implied
// independencies; a project saved from the window keeps its data side; menus have no clashing
// shortcuts.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QHeaderView>
#include <QTest>

#include <cmath>
#include <random>

#include "causeway/project/Project.hpp"
#include "causeway/ui/app/AppSettings.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainActions.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/canvas/NodeItem.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/canvas/GraphView.hpp"
#include "causeway/ui/estimation/AnswerView.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

QString example(const char* name) { return QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/") + QLatin1String(name); }

NodeItem* item(MainWindow& w, const char* name) {
  auto id = w.document().graph().findNode(name);
  return id ? w.scene().nodeItem(*id) : nullptr;
}

bool waitForData(MainWindow& w) {
  return QTest::qWaitFor([&] { return w.dataWorkspace().data().has_value(); }, 30000);
}

}  // namespace

class MainWindowDataTest : public QObject {
  Q_OBJECT

  std::unique_ptr<MainWindow> window_;
  QTemporaryDir scratch_;

  MainWindow& fresh() {
    window_ = std::make_unique<MainWindow>();
    window_->files().setInteractive(false);
    window_->files().setSavePrompt([] { return int(QMessageBox::Discard); });
    window_->resize(1400, 900);
    window_->show();
    return *window_;
  }
  EstimationSettingsPanel* settings() { return window_->dataWorkspace().estimationPanel()->settingsPanel(); }

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("causeway-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("ui_mainwindow_data_tests"));
    QSettings().clear();
    QVERIFY(scratch_.isValid());
  }
  void cleanup() { window_.reset(); }

  void menusHoldTheDataActionsWithoutShortcutClashes() {
    MainWindow& w = fresh();
    QMenu* file = w.actions().fileMenu;
    const QList<QAction*> items = file->actions();
    const auto indexOf = [&](QAction* a) { return items.indexOf(a); };
    QVERIFY(indexOf(w.dataWorkspace().openDataAction()) > indexOf(w.actions().saveAs));
    QVERIFY(indexOf(w.dataWorkspace().exportReportAction()) < indexOf(w.actions().exportPng));
    QVERIFY(w.actions().analysisMenu->actions().contains(w.dataWorkspace().runEstimationAction()));
    // Every shortcut of the window, menus and canvas keys alike, triggers one action only.
    QHash<QString, QString> owner;
    for (QAction* a : w.findChildren<QAction*>()) {
      for (const QKeySequence& key : a->shortcuts()) {
        const QString k = key.toString();
        QVERIFY2(!owner.contains(k), qPrintable(k + QStringLiteral(": ") + owner.value(k) + QStringLiteral(" and ") + a->text()));
        owner.insert(k, a->text());
      }
    }
    QVERIFY(owner.contains(QStringLiteral("Ctrl+Shift+O")));
  }

  // A laptop screen (1366x768 less the panel and title bar) must hold the window with a
  // project's default docks; the old layout demanded 769 x 903.
  void fitsALaptopScreenWithTheDefaultDocks() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("lalonde.causeway")));
    QVERIFY(waitForData(w));
    QVERIFY(QTest::qWaitFor([&] { return settings()->runButton()->isEnabled(); }, 30000));
    QSignalSpy finished(&w.dataWorkspace(), &DataWorkspace::estimationFinished);
    w.dataWorkspace().runEstimationAction()->trigger();
    QVERIFY(finished.wait(180000));
    QCoreApplication::processEvents();
    const QSize hint = w.minimumSizeHint();
    qInfo("minimum size hint with the default docks: %d x %d", hint.width(), hint.height());
    QVERIFY2(hint.width() <= 1280 && hint.height() <= 720,
             qPrintable(QStringLiteral("minimum size hint %1 x %2").arg(hint.width()).arg(hint.height())));
    QVERIFY(w.minimumSize().width() <= 1280 && w.minimumSize().height() <= 720);
    // At 1366 x 768 the answer is in front after the run, and the canvas keeps a usable size.
    w.resize(1366, 768);
    QCoreApplication::processEvents();
    QVERIFY(w.dataWorkspace().estimationPanel()->answerView()->isVisible());
    QVERIFY(w.dataWorkspace().estimationPanel()->answerView()->headlineLabel()->text().contains(QStringLiteral("treat")));
    // Every method's row of the estimates is readable without undocking.
    EstimationPanel* panel = w.dataWorkspace().estimationPanel();
    panel->tabs()->setCurrentIndex(1);
    QCoreApplication::processEvents();
    QTableView* estimates = panel->estimatesView();
    // The project's five methods less regression, which estimates no ATT (listed as not applicable).
    const int rows = estimates->model()->rowCount();
    QCOMPARE(rows, 4);
    const int needed = rows * estimates->verticalHeader()->defaultSectionSize();
    QVERIFY2(estimates->viewport()->height() >= needed,
             qPrintable(QStringLiteral("estimates %1 px high, %2 needed").arg(estimates->viewport()->height()).arg(needed)));
    QVERIFY2(w.view().viewport()->height() >= 250,
             qPrintable(QStringLiteral("canvas %1 px high").arg(w.view().viewport()->height())));
  }

  // The dock layout of a session with data comes back only when data are loaded again: a start
  // without data keeps the default layout (Identification in front, no empty Diagnostics).
  void analysisLayoutIsKeptOnlyFromSessionsWithData() {
    QSettings().clear();
    MainWindow& w = fresh();
    AppSettings settings;
    settings.saveWindow(w, false);
    QVERIFY(settings.restoreWindow(w));
    QVERIFY(!settings.restoreAnalysisLayout(w));
    settings.saveWindow(w, true);
    QVERIFY(settings.restoreAnalysisLayout(w));
    QSettings().clear();
  }

  void withoutDataNoVariableIsMarked() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("m-bias.dag")));
    QTest::qWait(200);  // let the workspace's mapping pass run
    for (const char* name : {"X", "Y", "A", "B", "M"}) QCOMPARE(item(w, name)->dataStatus(), NodeDataStatus::Unknown);
    QCOMPARE(w.scene().rejectedLinkCount(), std::size_t{0});
  }

  void lalondeProjectOpensWithItsDataAndSettings() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("lalonde.causeway")));
    QVERIFY(waitForData(w));
    QCOMPARE(w.dataWorkspace().data()->dataset->rowCount(), std::size_t{614});
    // The project's analysis settings are in the panel: ATT, its five methods in its order,
    // analytic SEs only (resources/examples/lalonde.causeway).
    QCOMPARE(settings()->estimandBox()->currentText(), QStringLiteral("ATT"));
    QCOMPARE(settings()->methodBox()->currentData().toString(),
             QStringLiteral("difference-in-means,regression,ipw,matching,aipw"));
    QCOMPARE(settings()->bootstrapBox()->value(), 0);
    QCOMPARE(settings()->settings().analysis, project::loadProject(example("lalonde.causeway").toStdString())->analysis);
    // Every node has its column, shown on the canvas.
    QVERIFY(QTest::qWaitFor([&] { return item(w, "re78")->dataStatus() == NodeDataStatus::Mapped; }, 10000));
    for (const char* name : {"treat", "age", "educ", "race", "married", "nodegree", "re74", "re75"})
      QCOMPARE(item(w, name)->dataStatus(), NodeDataStatus::Mapped);
    QVERIFY(item(w, "treat")->toolTip().contains(QStringLiteral("Data column")));
  }

  void ipwAttInTheWindowGivesTheReferenceEstimate() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("lalonde.causeway")));
    QVERIFY(waitForData(w));
    QVERIFY(QTest::qWaitFor([&] { return settings()->question().ok() && settings()->runButton()->isEnabled(); }, 30000));
    QVERIFY(settings()->selectMethod(QStringLiteral("ipw")));
    QSignalSpy finished(&w.dataWorkspace(), &DataWorkspace::estimationFinished);
    w.dataWorkspace().runEstimationAction()->trigger();
    QVERIFY(finished.wait(180000));
    const auto& outcome = w.dataWorkspace().estimation();
    QVERIFY(outcome.has_value());
    QCOMPARE(outcome->report().estimates.size(), std::size_t{1});
    // R: glm propensity model, Hájek ATT weights (README, LalondeReferenceTest).
    QVERIFY(std::abs(outcome->report().estimates.front().estimate - 1214.0712232929) < 1e-6 * 1214.07);
  }

  void variablesWithoutAColumnAreMarked() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("lalonde.causeway")));
    QVERIFY(waitForData(w));
    QVERIFY(QTest::qWaitFor([&] { return item(w, "age")->dataStatus() == NodeDataStatus::Mapped; }, 10000));
    const auto motivation = edits::addNode(w.document(), QStringLiteral("motivation"), QPointF(0, 0));
    QVERIFY(motivation.ok());
    QVERIFY(QTest::qWaitFor([&] { return item(w, "motivation")->dataStatus() == NodeDataStatus::Missing; }, 10000));
    QVERIFY(item(w, "motivation")->toolTip().contains(QStringLiteral("No column")));
    edits::toggleRole(w.document(), {*motivation}, graph::Role::Latent);
    QVERIFY(QTest::qWaitFor([&] { return item(w, "motivation")->dataStatus() == NodeDataStatus::LatentUnmapped; }, 10000));
  }

  void rejectedIndependenceIsDrawnOnTheCanvas() {
    // The model says X and Z are independent (both only cause Y); the data make X follow Z.
    const QString dir = scratch_.filePath(QStringLiteral("rejected"));
    QVERIFY(QDir().mkpath(dir));
    QFile model(dir + QStringLiteral("/model.dag"));
    QVERIFY(model.open(QIODevice::WriteOnly));
    model.write("dag { X [exposure] Y [outcome] X -> Y Z -> Y }\n");
    model.close();
    QFile csv(dir + QStringLiteral("/data.csv"));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("X,Y,Z\n");
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise;
    for (int i = 0; i < 400; ++i) {
      const double z = noise(rng);
      const int x = z + 0.3 * noise(rng) > 0 ? 1 : 0;
      const double y = x + z + noise(rng);
      csv.write(QStringLiteral("%1,%2,%3\n").arg(x).arg(y).arg(z).toUtf8());
    }
    csv.close();

    MainWindow& w = fresh();
    QVERIFY(w.openFile(model.fileName()));
    w.dataWorkspace().openData(csv.fileName());
    QVERIFY(waitForData(w));
    QVERIFY(QTest::qWaitFor([&] { return w.scene().rejectedLinkCount() == 1; }, 30000));
    // Adding the edge the data ask for removes the implication, and with it the flag.
    QVERIFY(edits::addEdge(w.document(), *w.document().graph().findNode("Z"), *w.document().graph().findNode("X"),
                           graph::EdgeKind::Directed)
                .ok());
    QVERIFY(QTest::qWaitFor([&] { return w.scene().rejectedLinkCount() == 0; }, 30000));
  }

  void savedProjectKeepsDataMappingAndSettings() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("lalonde.causeway")));
    QVERIFY(waitForData(w));
    QVERIFY(settings()->selectEstimand(estimation::Estimand::ATE));
    settings()->bootstrapBox()->setValue(250);
    const QString saved = scratch_.filePath(QStringLiteral("elsewhere/lalonde-copy.causeway"));
    QVERIFY(QDir().mkpath(QFileInfo(saved).absolutePath()));
    QVERIFY(w.files().saveTo(saved));
    auto project = project::loadProject(saved.toStdString());
    QVERIFY(project.ok());
    QCOMPARE(project->analysis.estimand, std::string("ATE"));
    QCOMPARE(project->analysis.bootstrap, 250);
    QCOMPARE(QFileInfo(QString::fromStdString(project->resolveDataPath(saved.toStdString()).string())).canonicalFilePath(),
             QFileInfo(example("lalonde.csv")).canonicalFilePath());

    // And it opens again with the same data.
    MainWindow& again = fresh();
    QVERIFY(again.openFile(saved));
    QVERIFY(waitForData(again));
    QCOMPARE(again.dataWorkspace().data()->dataset->rowCount(), std::size_t{614});
    QCOMPARE(settings()->estimandBox()->currentText(), QStringLiteral("ATE"));
  }
};

QTEST_MAIN(MainWindowDataTest)
#include "MainWindowDataTest.moc"
