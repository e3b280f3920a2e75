// Crash-safe work: a child Causeway session edits a model, autosaves and is killed with
// SIGKILL; a new window finds the recovery file, recovers it exactly (as an unsaved document
// under the original name), and clean exits, saves and discards leave no recovery file behind.
// Settings and the recovery folder live in a temporary XDG home shared with the children.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QAbstractButton>
#include <QUndoStack>

#include <csignal>
#include <memory>

#include "causeway/ui/app/CrashRecovery.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/ui/project/RecoveryStore.hpp"

using namespace causeway;
using namespace causeway::ui;
using namespace std::chrono_literals;

namespace {

QString example(const char* name) { return QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/") + QLatin1String(name); }

QStringList recoveryFiles() {
  return QDir(RecoveryStore::defaultDirectory()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

// A child session (tests/ui/RecoveryChild.cpp) that has autosaved its edits of `model`.
struct Child {
  std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
  QString snapshot;  // its recovery file
  QString expected;  // its document, serialised when it autosaved
};

bool startChild(Child& child, const QString& model, const QString& out, bool clean = false) {
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();  // carries the XDG home
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  child.process->setProcessEnvironment(env);
  child.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
  QStringList args{model, out};
  if (clean) args << QStringLiteral("--clean");
  child.process->start(QStringLiteral(CAUSEWAY_RECOVERY_CHILD), args);
  if (!child.process->waitForStarted(10000)) return false;
  if (!QTest::qWaitFor([&] { return child.process->canReadLine() || child.process->state() == QProcess::NotRunning; },
                       30000))
    return false;
  const QString line = QString::fromUtf8(child.process->readLine()).trimmed();
  if (!line.startsWith(QStringLiteral("autosaved "))) return false;
  child.snapshot = line.mid(10);
  QFile file(out);
  if (!file.open(QIODevice::ReadOnly)) return false;
  child.expected = QString::fromUtf8(file.readAll());
  return !child.expected.isEmpty();
}

// waitForFinished() is false for a process that has already finished.
bool finished(QProcess& process) {
  return process.state() == QProcess::NotRunning || process.waitForFinished(30000);
}

void killChild(Child& child) {
  ::kill(static_cast<pid_t>(child.process->processId()), SIGKILL);
  QVERIFY(finished(*child.process));
  QCOMPARE(child.process->exitStatus(), QProcess::CrashExit);
}

}  // namespace

class RecoveryTest : public QObject {
  Q_OBJECT

  std::unique_ptr<MainWindow> window_;
  QTemporaryDir scratch_;
  int asked_ = 0;
  RecoveryEntry offered_;

  MainWindow& fresh(CrashRecovery::Choice answer = CrashRecovery::Choice::Later) {
    window_.reset();
    window_ = std::make_unique<MainWindow>();
    window_->show();
    window_->files().setSavePrompt([] { return static_cast<int>(QMessageBox::Discard); });
    asked_ = 0;
    window_->recovery().setPrompt([this, answer](const RecoveryEntry& entry) {
      ++asked_;
      offered_ = entry;
      return answer;
    });
    return *window_;
  }

  static void edit(MainWindow& w) {
    static int added = 0;
    ++added;
    QVERIFY(edits::addNode(w.document(), QStringLiteral("Extra%1").arg(added), QPointF(10 * added, 10)).ok());
  }

 private Q_SLOTS:
  void init() {
    QSettings().clear();
    QDir(RecoveryStore::defaultDirectory()).removeRecursively();
  }
  void cleanup() {
    window_.reset();
    QVERIFY2(recoveryFiles().isEmpty(), qPrintable(recoveryFiles().join(QStringLiteral(", "))));
  }

  void killedSessionIsRecoveredExactly() {
    const QString model = QFileInfo(example("confounding.dag")).absoluteFilePath();
    Child child;
    QVERIFY(startChild(child, model, scratch_.filePath(QStringLiteral("killed.txt"))));
    QVERIFY2(child.snapshot.startsWith(RecoveryStore::defaultDirectory()), qPrintable(child.snapshot));
    QVERIFY(QFileInfo::exists(child.snapshot));

    // While the child runs, its recovery file is another instance's: not offered.
    QVERIFY(!fresh(CrashRecovery::Choice::Recover).recovery().offerRecovery());
    QCOMPARE(asked_, 0);
    window_.reset();

    killChild(child);
    if (QTest::currentTestFailed()) return;
    QVERIFY(QFileInfo::exists(child.snapshot));  // a crash leaves it

    MainWindow& w = fresh(CrashRecovery::Choice::Recover);
    QVERIFY(w.recovery().offerRecovery());
    QCOMPARE(asked_, 1);
    QCOMPARE(offered_.originalPath, model);
    QCOMPARE(offered_.snapshotPath, child.snapshot);
    QVERIFY(offered_.savedAt.isValid());

    QCOMPARE(w.document().serialize(), child.expected);
    QVERIFY(w.document().graph().findNode("Severity").has_value());
    QVERIFY(!w.document().undoStack()->isClean());
    QVERIFY(w.isWindowModified());
    QVERIFY2(w.windowTitle().startsWith(QStringLiteral("confounding.dag[*]")), qPrintable(w.windowTitle()));
    QCOMPARE(w.files().currentPath(), model);

    // The old session's file is gone; this session's own already holds the recovered work.
    QVERIFY(!QFileInfo::exists(child.snapshot));
    QVERIFY(w.recovery().store().hasSnapshot());
    QVERIFY(w.recovery().store().snapshotPath() != child.snapshot);
    // Nothing else is offered now.
    MainWindow second;
    int secondAsked = 0;
    second.recovery().setPrompt([&](const RecoveryEntry&) {
      ++secondAsked;
      return CrashRecovery::Choice::Discard;
    });
    QVERIFY(!second.recovery().offerRecovery());
    QCOMPARE(secondAsked, 0);

    // A clean close (discarding the changes) removes it.
    QVERIFY(w.close());
  }

  void discardDeletesLaterKeeps() {
    Child child;
    QVERIFY(startChild(child, example("confounding.dag"), scratch_.filePath(QStringLiteral("later.txt"))));
    killChild(child);
    if (QTest::currentTestFailed()) return;

    MainWindow& later = fresh(CrashRecovery::Choice::Later);
    const QString untouched = later.document().serialize();
    QVERIFY(!later.recovery().offerRecovery());
    QCOMPARE(asked_, 1);
    QCOMPARE(later.document().serialize(), untouched);
    QVERIFY(QFileInfo::exists(child.snapshot));

    MainWindow& discard = fresh(CrashRecovery::Choice::Discard);
    QVERIFY(!discard.recovery().offerRecovery());
    QCOMPARE(asked_, 1);  // offered again after "decide later"
    QVERIFY(!QFileInfo::exists(child.snapshot));
    QCOMPARE(discard.document().serialize(), untouched);

    MainWindow& after = fresh(CrashRecovery::Choice::Recover);
    QVERIFY(!after.recovery().offerRecovery());
    QCOMPARE(asked_, 0);
  }

  // The real question, answered by clicking its buttons: Decide Later keeps the file, Discard deletes it.
  void theQuestionNamesTheFileAndOffersThreeChoices() {
    Child child;
    QVERIFY(startChild(child, example("confounding.dag"), scratch_.filePath(QStringLiteral("question.txt"))));
    killChild(child);
    if (QTest::currentTestFailed()) return;
    for (const QString& answer : {QStringLiteral("Decide Later"), QStringLiteral("Discard")}) {
      window_ = std::make_unique<MainWindow>();
      window_->show();
      QString text;
      QStringList buttons;
      QTimer poll;
      connect(&poll, &QTimer::timeout, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box == nullptr) return;
        poll.stop();
        text = box->text() + QLatin1Char('\n') + box->informativeText();
        QAbstractButton* chosen = nullptr;
        for (QAbstractButton* button : box->buttons()) {
          buttons << button->text().remove(QLatin1Char('&'));
          if (buttons.back() == answer) chosen = button;
        }
        if (chosen != nullptr) chosen->click();
        else box->reject();
      });
      poll.start(20);
      QVERIFY(!window_->recovery().offerRecovery());
      buttons.sort();
      QCOMPARE(buttons, (QStringList{QStringLiteral("Decide Later"), QStringLiteral("Discard"), QStringLiteral("Recover")}));
      QVERIFY2(text.contains(QStringLiteral("confounding.dag")) && text.contains(child.snapshot), qPrintable(text));
      QCOMPARE(QFileInfo::exists(child.snapshot), answer == QStringLiteral("Decide Later"));
      QCOMPARE(window_->document().graph().nodeCount(), 0U);
    }
  }

  void cleanExitOfAChildLeavesNothing() {
    Child child;
    QVERIFY(startChild(child, example("confounding.dag"), scratch_.filePath(QStringLiteral("clean.txt")), true));
    QVERIFY(finished(*child.process));
    QCOMPARE(child.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.process->exitCode(), 0);
    QVERIFY(recoveryFiles().isEmpty());
    QVERIFY(!fresh(CrashRecovery::Choice::Recover).recovery().offerRecovery());
    QCOMPARE(asked_, 0);
  }

  void autosavesOnlyUnsavedChangesAndSavingRemovesIt() {
    MainWindow& w = fresh();
    w.recovery().setInterval(50ms);
    QSignalSpy autosaved(&w.recovery(), &CrashRecovery::autosaved);
    QVERIFY(w.openFile(example("m-bias.dag")));
    QTest::qWait(300);
    QCOMPARE(autosaved.count(), 0);  // nothing unsaved
    QVERIFY(!w.recovery().store().hasSnapshot());

    edit(w);
    QVERIFY(autosaved.wait(5000));
    QVERIFY(w.recovery().store().hasSnapshot());
    QTest::qWait(300);
    QCOMPARE(autosaved.count(), 1);  // unchanged since: not written again

    // Saving removes it; the next edit brings it back; undoing to the saved state removes it.
    QVERIFY(w.files().saveTo(scratch_.filePath(QStringLiteral("m-bias.causeway"))));
    QVERIFY(!w.recovery().store().hasSnapshot());
    QVERIFY(!QFileInfo::exists(w.recovery().store().snapshotPath()));
    edit(w);
    QVERIFY(autosaved.wait(5000));
    QVERIFY(w.recovery().store().hasSnapshot());
    w.document().undoStack()->undo();
    QVERIFY(w.document().undoStack()->isClean());
    QVERIFY(!w.recovery().store().hasSnapshot());

    // Discarding the changes for a new document removes it too.
    edit(w);
    QVERIFY(autosaved.wait(5000));
    w.files().newDocument();
    QVERIFY(!w.recovery().store().hasSnapshot());
  }

  void cleanCloseLeavesNoRecoveryFile() {
    MainWindow& w = fresh();
    edit(w);
    QVERIFY(w.recovery().autosaveNow());
    QVERIFY(QFileInfo::exists(w.recovery().store().snapshotPath()));
    QVERIFY(!recoveryFiles().isEmpty());
    QVERIFY(w.close());
    window_.reset();
    QVERIFY2(recoveryFiles().isEmpty(), qPrintable(recoveryFiles().join(QStringLiteral(", "))));
  }

  void intervalComesFromSettings() {
    QCOMPARE(fresh().recovery().interval().count(), std::chrono::milliseconds(60s).count());
    QSettings().setValue(QStringLiteral("recovery/autosaveSeconds"), 7);
    QCOMPARE(fresh().recovery().interval().count(), std::chrono::milliseconds(7s).count());
    QSettings().setValue(QStringLiteral("recovery/autosaveSeconds"), 0);
    MainWindow& off = fresh();
    QCOMPARE(off.recovery().interval().count(), std::chrono::milliseconds::rep{0});
    edit(off);
    QTest::qWait(200);
    QVERIFY(!off.recovery().store().hasSnapshot());
  }
};

int main(int argc, char* argv[]) {
  // Before anything reads QStandardPaths or QSettings: this run's own settings and recovery folder.
  QTemporaryDir home;
  qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
  qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("CausewayTests"));
  QCoreApplication::setApplicationName(QStringLiteral("RecoveryTest"));
  RecoveryTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "RecoveryTest.moc"
