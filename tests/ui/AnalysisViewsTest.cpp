// The Rollout and Sensitivity docks in the real main window (issue 14 and 13): they exist, have
// menu entries, the rollout runs on the bundled example with the project's settings and shows
// the CLI's simple ATT, the project's rollout settings survive a save, and the sensitivity dock
// shows the robustness values after an estimation on the postmortem example. Also the cohort
// trends on inputs small enough to compute by hand (the verdict's wording is tested in the core,
// tests/core/panel/RolloutAnswerTest), and that a project without a rollout study does not
// inherit the previous project's settings.
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

#include "causeway/panel/RolloutSettings.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/ui/analysis/IdentificationRunner.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/app/ScriptedRun.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/rollout/CohortTrendChart.hpp"
#include "causeway/ui/rollout/CohortTrends.hpp"
#include "causeway/ui/rollout/RolloutView.hpp"
#include "causeway/ui/sensitivity/SensitivityView.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

QString example(const char* name) { return QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/") + QLatin1String(name); }

bool settled(MainWindow& w) {
  return QTest::qWaitFor([&] { return w.dataWorkspace().data().has_value(); }, 30000) &&
         QTest::qWaitFor([&] { return !w.identificationRunner().isBusy() && w.identificationRunner().current(); }, 30000);
}

}  // namespace

class AnalysisViewsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("causeway-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("ui_analysis_views_tests"));
    QSettings().clear();
  }

  void docksAndMenuEntriesExist() {
    MainWindow w;
    auto* rollout = w.findChild<QDockWidget*>(QStringLiteral("rolloutDock"));
    auto* sensitivity = w.findChild<QDockWidget*>(QStringLiteral("sensitivityDock"));
    QVERIFY(rollout && qobject_cast<RolloutView*>(rollout->widget()));
    QVERIFY(sensitivity && qobject_cast<SensitivityView*>(sensitivity->widget()));
    QStringList entries;
    for (QAction* a : w.findChildren<QAction*>()) entries << a->text();
    QVERIFY2(entries.contains(QStringLiteral("Rollout Analysis\u2026")), qPrintable(entries.join(QLatin1Char('|'))));
    QVERIFY(entries.contains(QStringLiteral("Sensitivity")));
  }

  void rolloutDockShowsTheCliSimpleAtt() {
    MainWindow w;
    QVERIFY(w.openFile(example("rollout.causeway")));
    QVERIFY(settled(w));
    auto* view = w.findChild<RolloutView*>();
    // The project's settings, not the guesses: unit host, cohort rollout_at, 5-minute periods.
    QCOMPARE(view->unitChoice()->currentText(), QStringLiteral("host"));
    QCOMPARE(view->cohortChoice()->currentText(), QStringLiteral("rollout_at"));
    QCOMPARE(view->periodField()->text(), QStringLiteral("5min"));
    QSignalSpy done(view, &RolloutView::finished);
    view->run();
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().first().toBool(), true);
    // `causeway-cli rollout resources/examples/rollout.causeway --json`: simple att 0.35062,
    // CI 0.30889 to 0.39235 (printed 0.351, 0.309 to 0.392), with covariates {apac}.
    const QString headline = view->headlineLabel()->text();
    QVERIFY2(headline.contains(QStringLiteral("After the rollout the error rate rose by 0.351 per 5-minute window "
                                              "(95% CI 0.309 to 0.392), averaged over the 3 waves")),
             qPrintable(headline));
    // Waves at 06:00, 10:00, 14:00 over 288 five-minute periods: 120 to 216 periods after each.
    QVERIFY2(headline.contains(QStringLiteral("the 120 to 216 periods after each.")), qPrintable(headline));
    // Three waves and the never-treated hosts, one line each.
    QCOMPARE(view->cohortChart()->trends().size(), std::size_t{4});

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.causeway"));
    QVERIFY(w.files().saveTo(path));
    auto saved = project::loadProject(path.toStdString());
    QVERIFY(saved.ok());
    auto settings = panel::rolloutSettingsFromJson(nlohmann::json::parse(saved->rolloutJson));
    QVERIFY(settings.ok());
    QCOMPARE(settings->unit, std::string("host"));
    QCOMPARE(settings->cohort, std::string("rollout_at"));
    QCOMPARE(settings->period, std::string("5min"));
    QVERIFY(settings->covariatesFromModel);
    QCOMPARE(settings->bootstrap, 999);
  }

  void sensitivityDockShowsTheRobustnessValue() {
    MainWindow w;
    QVERIFY(w.openFile(example("postmortem.causeway")));
    auto ran = runEstimationAsTheRunButton(w, 120000);
    QVERIFY2(ran.ok(), ran.ok() ? "" : ran.error().describe().c_str());
    // `causeway-cli estimate resources/examples/postmortem.causeway --json`: rv_q 0.46030,
    // rv_qa 0.44147.
    const QString sentence = w.findChild<SensitivityView*>()->sentenceLabel()->text();
    QVERIFY2(sentence.contains(QStringLiteral("46.0%")) && sentence.contains(QStringLiteral("44.1%")), qPrintable(sentence));
  }

  void cohortTrendsByHand() {
    // Units a, b first treated in period 1, c never; three periods; b unobserved in period 2.
    panel::Panel p;
    p.unitIds = {"a", "b", "c"};
    p.periodKeys = {1, 2, 3};
    p.cohort = {1, 1, panel::kNeverTreated};
    const double nan = std::nan("");
    p.outcome = {1, 3, 5, /* t=1 */ 2, 6, 5, /* t=2 */ 4, nan, 7};
    const auto trends = cohortTrends(p);
    QCOMPARE(trends.size(), std::size_t{2});
    QCOMPARE(trends[0].units, std::size_t{2});
    QCOMPARE(trends[0].rolloutPeriod, 1);
    QCOMPARE(trends[0].mean[0], 2.0);
    QCOMPARE(trends[0].mean[1], 4.0);
    QCOMPARE(trends[0].mean[2], 4.0);  // b unobserved: a alone
    // Period 1: values 2 and 6, sd = 2√2, se = 2, half-width 1.96 · 2.
    QVERIFY(std::abs(trends[0].high[1] - (4.0 + 1.959963984540054 * 2.0)) < 1e-12);
    QVERIFY(std::isnan(trends[0].low[2]));  // one unit: no interval
    QCOMPARE(trends[1].label, std::string("never treated"));
    QCOMPARE(trends[1].mean[2], 7.0);
  }

  void projectWithoutRolloutForgetsThePreviousSettings() {
    MainWindow w;
    QVERIFY(w.openFile(example("rollout.causeway")));
    QVERIFY(settled(w));
    auto* view = w.findChild<RolloutView*>();
    QCOMPARE(view->unitChoice()->currentText(), QStringLiteral("host"));
    view->controlChoice()->setCurrentIndex(view->controlChoice()->findText(QStringLiteral("not-yet-treated")));
    QVERIFY(view->hasSettings());
    // postmortem.causeway has no "rollout" object and no host column.
    QVERIFY(w.openFile(example("postmortem.causeway")));
    QVERIFY(settled(w));
    QVERIFY(!view->hasSettings());
    QVERIFY(view->unitChoice()->findText(QStringLiteral("host")) < 0);
    QCOMPARE(view->controlChoice()->currentText(), QStringLiteral("never-treated"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.causeway"));
    QVERIFY(w.files().saveTo(path));
    auto saved = project::loadProject(path.toStdString());
    QVERIFY(saved.ok());
    QVERIFY2(saved->rolloutJson.empty(), saved->rolloutJson.c_str());
  }
};

QTEST_MAIN(AnalysisViewsTest)
#include "AnalysisViewsTest.moc"
