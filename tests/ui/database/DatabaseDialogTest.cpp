// File > Open Data from Database… on a SQLite file: connect, tables and columns, preview,
// count, bad SQL with its position, cancel; then the data load like a CSV's, and a project
// saved with the source reopens with it.
#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <sqlite3.h>

#include <cmath>

#include "causeway/ui/app/DarkPalette.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainActions.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/database/ConnectionForm.hpp"
#include "causeway/ui/database/DatabaseDialog.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/data/DataPanel.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"
#include "causeway/ui/estimation/ReportExporter.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

// 250 rows: i = 1..250, x = i / 4, region "eu" for even i else "us"; plus an empty table.
void writeDatabase(const QString& file) {
  sqlite3* db = nullptr;
  QVERIFY(sqlite3_open(file.toUtf8().constData(), &db) == SQLITE_OK);
  const char* sql =
      "CREATE TABLE runs (i INTEGER, x REAL, region TEXT);"
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) "
      "INSERT INTO runs SELECT i, i / 4.0, CASE WHEN i % 2 = 0 THEN 'eu' ELSE 'us' END FROM n;"
      "CREATE TABLE empty_one (a TEXT);"
      // 400 units: x in 0..4 raises the chance of treatment t and the outcome y (effect 1.5).
      "CREATE TABLE trial (x REAL, t INTEGER, y REAL);"
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
      "INSERT INTO trial SELECT i % 5, CASE WHEN (i * 37) % 100 < 20 + 12 * (i % 5) THEN 1 ELSE 0 END, 0 FROM n;"
      "UPDATE trial SET y = 1.5 * t + 0.8 * x + ((rowid * 13) % 7) / 7.0;"
      // 100,050 rows: more than the 100,000 shown of a source analysed in the database.
      "CREATE TABLE vehicles (x REAL, t INTEGER, y REAL);"
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100050) "
      "INSERT INTO vehicles SELECT i % 5, (i * 37) % 100 < 20 + 12 * (i % 5), 0.8 * (i % 5) + (i % 7) / 7.0 FROM n;";
  QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

bool waitIdle(DatabaseDialog& dialog) {
  return QTest::qWaitFor([&] { return !dialog.tasks()->isRunning(); }, 20000);
}

}  // namespace

class DatabaseDialogTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("causeway-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("ui_database_tests"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    file_ = dir_.filePath(QStringLiteral("telemetry.db"));
    writeDatabase(file_);
  }

  void connectsAndListsTablesWithColumnTypes() {
    DatabaseDialog dialog;
    dialog.connectionForm()->kindBox()->setCurrentIndex(0);
    dialog.connectionForm()->fileEdit()->setText(file_);
    dialog.connectToDatabase();
    QVERIFY(waitIdle(dialog));
    QTreeWidget* tables = dialog.tables();
    QCOMPARE(tables->topLevelItemCount(), 4);
    QCOMPARE(tables->topLevelItem(0)->text(0), QStringLiteral("empty_one"));
    QTreeWidgetItem* runs = tables->topLevelItem(1);
    QCOMPARE(runs->text(0), QStringLiteral("runs"));
    QCOMPARE(runs->childCount(), 3);
    QCOMPARE(runs->child(0)->text(0), QStringLiteral("i"));
    QCOMPARE(runs->child(0)->text(1), QStringLiteral("INTEGER"));
    QCOMPARE(runs->child(1)->text(1), QStringLiteral("REAL"));
    QCOMPARE(runs->child(2)->text(0), QStringLiteral("region"));
    QCOMPARE(runs->child(2)->text(1), QStringLiteral("TEXT"));
  }

  void aTableClickFillsTheSqlAndPreviewsThenCounts() {
    DatabaseDialog dialog;
    dialog.connectionForm()->fileEdit()->setText(file_);
    dialog.connectToDatabase();
    QVERIFY(waitIdle(dialog));
    dialog.chooseTable(QStringLiteral("runs"));
    QCOMPARE(dialog.sqlEdit()->toPlainText(), QStringLiteral("SELECT * FROM \"runs\""));
    QVERIFY(waitIdle(dialog));
    QAbstractItemModel* preview = dialog.previewView()->model();
    QCOMPARE(preview->rowCount(), 200);  // the first 200 of 250
    QCOMPARE(preview->columnCount(), 3);
    QCOMPARE(preview->headerData(2, Qt::Horizontal).toString(), QStringLiteral("region"));
    QCOMPARE(preview->data(preview->index(7, 1)).toString(), QStringLiteral("2"));  // i = 8: 8 / 4
    QCOMPARE(dialog.source().table, std::string("runs"));
    QVERIFY(dialog.source().query.empty());

    dialog.countRows();
    QVERIFY(waitIdle(dialog));
    QVERIFY2(dialog.countLabel()->text().startsWith(QStringLiteral("250 ")), qPrintable(dialog.countLabel()->text()));

    // An edited query is a query, counted in the database: even i, 125 rows.
    dialog.sqlEdit()->setPlainText(QStringLiteral("SELECT * FROM runs WHERE region = 'eu'"));
    QVERIFY(dialog.source().table.empty());
    dialog.countRows();
    QVERIFY(waitIdle(dialog));
    QVERIFY2(dialog.countLabel()->text().startsWith(QStringLiteral("125 ")), qPrintable(dialog.countLabel()->text()));
    maybeScreenshot(dialog);
  }

  void badSqlShowsWhereItIs() {
    DatabaseDialog dialog;
    dialog.connectionForm()->fileEdit()->setText(file_);
    dialog.sqlEdit()->setPlainText(QStringLiteral("SELECT i\nFROM runs WHERE WHERE i > 1"));
    dialog.previewRows();
    QVERIFY(waitIdle(dialog));
    const QString message = dialog.messageLabel()->text();
    // The second WHERE: line 2, column 17 of the text in the box.
    QVERIFY2(message.contains(QStringLiteral("line 2, column 17")), qPrintable(message));
    QVERIFY2(message.contains(file_), qPrintable(message));
    QCOMPARE(dialog.previewView()->model()->rowCount(), 0);
  }

  void aRunningQueryIsCancelled() {
    DatabaseDialog dialog;
    dialog.connectionForm()->fileEdit()->setText(file_);
    // 10^12 generated rows: only Cancel ends this count.
    dialog.sqlEdit()->setPlainText(QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000000) SELECT i FROM n"));
    QSignalSpy cancelled(dialog.tasks(), &CatalogTasks::cancelled);
    dialog.countRows();
    QVERIFY(dialog.tasks()->isRunning());
    dialog.tasks()->cancel();
    QVERIFY(waitIdle(dialog));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(dialog.messageLabel()->text(), QStringLiteral("Cancelled."));
    QVERIFY(dialog.countLabel()->text().isEmpty());
  }

  void aSourceAnalysedInTheDatabaseShowsASampleUntilTheSwitchGoesOff() {
    MainWindow window;
    window.files().setInteractive(false);
    window.files().setSavePrompt([] { return int(QMessageBox::Discard); });
    QVERIFY(edits::replaceModelText(window.document(), QStringLiteral("dag { t [exposure] y [outcome] x -> t x -> y t -> y }")));
    DataWorkspace& workspace = window.dataWorkspace();
    QSignalSpy loaded(&workspace, &DataWorkspace::dataLoaded);

    // A table that fits is read whole, in its own order, even when analysed in the database.
    workspace.openDatabase({database::SourceKind::Sqlite, file_.toStdString(), "runs", "", 10}, true);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(workspace.data()->dataset->rowCount(), std::size_t{250});
    QVERIFY(!workspace.data()->sampledFrom);
    QCOMPARE(workspace.data()->dataset->column(0).values()[0], 1.0);

    // A larger one: 100,000 rows drawn at random in the database, and the panel says so.
    workspace.openDatabase({database::SourceKind::Sqlite, file_.toStdString(), "vehicles", "", 10}, true);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(workspace.data()->dataset->rowCount(), std::size_t{100000});
    QCOMPARE(workspace.data()->sampledFrom.value_or(0), std::uint64_t{100050});
    const QString shown = workspace.dataPanel()->statusLabel()->text();
    QVERIFY2(shown.contains(QStringLiteral("random sample of 100,000 of its 100,050 rows")), qPrintable(shown));

    // No answer from the sample in memory: the run says why instead.
    EstimationSettingsPanel* settings = workspace.estimationPanel()->settingsPanel();
    QVERIFY(settings->selectMethod(QStringLiteral("ipw")));
    QVERIFY(QTest::qWaitFor([&] { return workspace.runEstimationAction()->isEnabled(); }, 20000));
    settings->setInDatabase(false);  // as a script would: no reading
    QSignalSpy finished(&workspace, &DataWorkspace::estimationFinished);
    workspace.runEstimation();
    QVERIFY(!finished.wait(500));
    QVERIFY(!workspace.estimation());
    QVERIFY2(settings->statusLabel()->text().contains(QStringLiteral("random sample")),
             qPrintable(settings->statusLabel()->text()));

    // The user turns the switch off: every row is read.
    settings->setInDatabase(true);
    settings->inDatabaseBox()->click();
    QVERIFY(!settings->inDatabaseChecked());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(workspace.data()->dataset->rowCount(), std::size_t{100050});
    QVERIFY(!workspace.data()->sampledFrom);
  }

  void theRunSwitchUsesTheInDatabaseEngineAndTheReportFingerprintsTheSource() {
    MainWindow window;
    window.files().setInteractive(false);
    window.files().setSavePrompt([] { return int(QMessageBox::Discard); });
    QVERIFY(edits::replaceModelText(window.document(), QStringLiteral("dag { t [exposure] y [outcome] x -> t x -> y t -> y }")));
    DataWorkspace& workspace = window.dataWorkspace();
    database::SourceSpec source{database::SourceKind::Sqlite, file_.toStdString(), "trial", "", 10};
    QSignalSpy loaded(&workspace, &DataWorkspace::dataLoaded);
    workspace.openDatabase(source, false);
    QVERIFY(loaded.wait(20000));
    EstimationSettingsPanel* settings = workspace.estimationPanel()->settingsPanel();
    QVERIFY(settings->inDatabaseBox()->isEnabled());  // offered: the data came from a database
    QVERIFY(settings->selectMethod(QStringLiteral("ipw")));
    QVERIFY(QTest::qWaitFor([&] { return workspace.runEstimationAction()->isEnabled(); }, 20000));

    // The oracle: the in-memory estimator on the same rows.
    QSignalSpy finished(&workspace, &DataWorkspace::estimationFinished);
    workspace.runEstimation();
    QVERIFY(finished.wait(60000));
    QVERIFY(!workspace.estimation()->inDatabase);
    const auto memory = workspace.estimation()->report().estimates.at(0);

    settings->setInDatabase(true);
    workspace.runEstimation();
    QVERIFY(finished.wait(60000));
    const EstimationOutcome& outcome = *workspace.estimation();
    QVERIFY(outcome.inDatabase);
    QCOMPARE(outcome.report().estimates.size(), std::size_t{1});
    const auto& pushed = outcome.report().estimates.front();
    QCOMPARE(pushed.method, estimation::Method::Ipw);
    QVERIFY2(std::abs(pushed.estimate - memory.estimate) <= 1e-8 * std::abs(memory.estimate),
             qPrintable(QStringLiteral("%1 vs %2").arg(pushed.estimate, 0, 'g', 17).arg(memory.estimate, 0, 'g', 17)));
    QVERIFY(std::abs(pushed.se - memory.se) <= 1e-6 * memory.se);
    QCOMPARE(outcome.report().nUsed, std::size_t{400});
    QVERIFY(outcome.report().balanceWeighted.has_value());
    // The answer and the verdict, as in memory (IPW asked for alone is the answer).
    QVERIFY(outcome.study->answer.has_value());
    QCOMPARE(outcome.study->answer->method, estimation::Method::Ipw);
    QVERIFY(std::abs(outcome.study->answer->estimate - memory.estimate) <= 1e-8 * std::abs(memory.estimate));
    const auto& checks = outcome.study->verdict.checks;
    const auto refutations = std::find_if(checks.begin(), checks.end(), [](const auto& c) { return c.name == "refutations"; });
    QVERIFY(refutations != checks.end());
    QCOMPARE(refutations->status, study::CheckStatus::NotRun);
    QVERIFY(refutations->explanation.find("in the database") != std::string::npos);

    const QString html = dir_.filePath(QStringLiteral("report.html"));
    QSignalSpy exported(&workspace, &DataWorkspace::reportExported);
    workspace.exportReportTo(html);
    QVERIFY(exported.wait(60000));
    QFile report(html);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(report.readAll());
    // The data fingerprint is the database's: the file, the query, the rows and a checksum.
    QVERIFY2(text.contains(QStringLiteral("SQLite file ") + file_), qPrintable(text.left(3000)));
    QVERIFY(text.contains(QStringLiteral(": 400 rows, row checksum ")));

    // Stopped while the database computes the checksum: nothing is written.
    std::stop_source stop;
    stop.request_stop();
    const QString stopped = dir_.filePath(QStringLiteral("stopped.html"));
    const auto written = ReportExporter::writeReport(workspace.snapshot(), stopped, Progress(stop.get_token()));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::Cancelled);
    QVERIFY(!QFile::exists(stopped));
  }

  void loadingGoesThroughTheDataWorkspaceAndTheProjectKeepsTheSource() {
    auto window = std::make_unique<MainWindow>();
    window->files().setInteractive(false);
    window->files().setSavePrompt([] { return int(QMessageBox::Discard); });
    // The menu entry is in File, after Open Data….
    QAction* entry = window->findChild<QAction*>(QStringLiteral("openDatabaseAction"));
    QVERIFY(entry != nullptr);
    QVERIFY(window->actions().fileMenu->actions().contains(entry));
    QVERIFY(!entry->statusTip().isEmpty());

    QVERIFY(edits::replaceModelText(window->document(), QStringLiteral("dag { region [exposure] x [outcome] i -> region i -> x region -> x }")));
    DatabaseDialog dialog;
    dialog.connectionForm()->fileEdit()->setText(file_);
    dialog.chooseTable(QStringLiteral("runs"));
    QVERIFY(waitIdle(dialog));
    dialog.setAnalyseInDatabase(true);
    QSignalSpy loaded(&window->dataWorkspace(), &DataWorkspace::dataLoaded);
    window->dataWorkspace().openDatabase(dialog.source(), dialog.analyseInDatabase());
    QVERIFY(loaded.wait(20000));
    const auto& data = window->dataWorkspace().data();
    QVERIFY(data.has_value());
    QCOMPARE(data->dataset->rowCount(), std::size_t{250});
    QCOMPARE(data->path, QStringLiteral("runs in telemetry.db"));
    // The nodes map to the columns by name, as for a CSV.
    QVERIFY(window->dataWorkspace().mapping().unmappedNodes().empty());

    const QString project = dir_.filePath(QStringLiteral("study.causeway"));
    QVERIFY(window->files().saveTo(project));
    QFile saved(project);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray text = saved.readAll();
    QVERIFY2(text.contains("\"database\""), text.constData());
    QVERIFY(text.contains("\"inDatabase\": true"));
    QVERIFY(text.contains("\"table\": \"runs\""));

    // Reopened in a fresh window, the project reconnects and loads the same rows.
    auto again = std::make_unique<MainWindow>();
    again->files().setInteractive(false);
    QSignalSpy reloaded(&again->dataWorkspace(), &DataWorkspace::dataLoaded);
    QVERIFY(again->openFile(project));
    QVERIFY(reloaded.wait(20000));
    QCOMPARE(again->dataWorkspace().data()->dataset->rowCount(), std::size_t{250});
    QVERIFY(again->dataWorkspace().analyseInDatabase());
  }

 private:
  // CAUSEWAY_DATABASE_DIALOG_PNG=out.png: the dialog as the user sees it (dark palette), to look at.
  static void maybeScreenshot(DatabaseDialog& dialog) {
    const QByteArray out = qgetenv("CAUSEWAY_DATABASE_DIALOG_PNG");
    if (out.isEmpty()) return;
    if (qEnvironmentVariableIsSet("CAUSEWAY_DARK")) {
      QApplication::setStyle(QStringLiteral("Fusion"));
      QApplication::setPalette(darkPalette());
    }
    dialog.tables()->expandAll();
    dialog.show();
    QTest::qWait(200);
    dialog.grab().save(QString::fromLocal8Bit(out));
    dialog.connectionForm()->kindBox()->setCurrentIndex(1);
    QTest::qWait(100);
    dialog.grab().save(QString::fromLocal8Bit(out) + QStringLiteral(".postgres.png"));
  }

  QTemporaryDir dir_;
  QString file_;
};

QTEST_MAIN(DatabaseDialogTest)
#include "DatabaseDialogTest.moc"
