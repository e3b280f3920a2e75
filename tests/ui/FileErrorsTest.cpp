// Files that cannot be written or read: a failed save says which file and why and keeps the
// unsaved changes; a bad model file says what is wrong and leaves the drawing as it was; saves
// replace files atomically. Also Help > About (version, build, licenses).
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

#include <unistd.h>

#include "causeway/ui/app/AboutText.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainActions.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

QString example(const char* name) { return QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/") + QLatin1String(name); }
QString badModel(const char* name) { return QStringLiteral(CAUSEWAY_BAD_MODELS_DIR "/") + QLatin1String(name); }

QByteArray contents(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Reads and dismisses every modal message box that opens while it lives, as a user would.
class MessageBoxReader {
 public:
  MessageBoxReader() {
    QObject::connect(&timer_, &QTimer::timeout, [this] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (box == nullptr) return;
      titles << box->windowTitle();
      texts << box->text() + QLatin1Char('\n') + box->informativeText();
      box->done(QMessageBox::Ok);
    });
    timer_.start(20);
  }
  QStringList titles;
  QStringList texts;

 private:
  QTimer timer_;
};

}  // namespace

class FileErrorsTest : public QObject {
  Q_OBJECT

  std::unique_ptr<MainWindow> window_;

  MainWindow& fresh() {
    window_.reset();
    window_ = std::make_unique<MainWindow>();
    window_->show();
    if (!QTest::qWaitForWindowExposed(window_.get())) qWarning("window not exposed");
    window_->files().setSavePrompt([] { return static_cast<int>(QMessageBox::Discard); });
    return *window_;
  }

  // Unsaved edits of every kind on an opened model.
  static void edit(MainWindow& w) {
    GraphDocument& d = w.document();
    auto extra = edits::addNode(d, QStringLiteral("Extra"), QPointF(30, -60));
    QVERIFY(extra.ok());
    QVERIFY(edits::addEdge(d, *extra, *d.graph().findNode("Y")).ok());
    edits::toggleRole(d, {*extra}, graph::Role::Latent);
    QVERIFY(!d.undoStack()->isClean());
  }

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("CausewayTests"));
    QCoreApplication::setApplicationName(QStringLiteral("FileErrorsTest"));
    QSettings().clear();
  }
  void cleanup() { window_.reset(); }

  // The model's folder turns into a plain file, so Save cannot create anything there (running
  // as root, permission bits would not stop the write).
  void failedSaveNamesFileAndReasonAndKeepsChanges() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("models"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/confounding.dag");
    QVERIFY(QFile::copy(example("confounding.dag"), path));
    MainWindow& w = fresh();
    QVERIFY(w.openFile(path));
    edit(w);
    const QString drawing = w.document().serialize();
    QVERIFY(QFile::remove(path) && QDir(folder).removeRecursively());
    QFile blocker(folder);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    MessageBoxReader reader;
    w.actions().save->trigger();
    QCOMPARE(reader.titles, QStringList{QStringLiteral("Cannot save")});
    QVERIFY2(reader.texts.front().contains(path), qPrintable(reader.texts.front()));
    QVERIFY2(reader.texts.front().contains(QStringLiteral("Not a directory"), Qt::CaseInsensitive),
             qPrintable(reader.texts.front()));
    QVERIFY(reader.texts.front().contains(QStringLiteral("The changes are not saved")));
    QVERIFY(!w.document().undoStack()->isClean());
    QVERIFY(w.isWindowModified());
    QVERIFY2(w.windowTitle().startsWith(QStringLiteral("confounding.dag[*]")), qPrintable(w.windowTitle()));
    QCOMPARE(w.files().currentPath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(w.document().serialize(), drawing);
    QVERIFY(QFileInfo(folder).isFile());  // nothing was written in its place
  }

  void failedSaveIntoProc() {
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("confounding.dag")));
    edit(w);
    const QString path = QStringLiteral("/proc/causeway-test/model.causeway");
    MessageBoxReader reader;
    QVERIFY(!w.files().saveTo(path));
    QCOMPARE(reader.texts.size(), 1);
    QVERIFY2(reader.texts.front().contains(path), qPrintable(reader.texts.front()));
    QVERIFY(!w.document().undoStack()->isClean());
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.files().currentPath(), QFileInfo(example("confounding.dag")).absoluteFilePath());
  }

  // QSaveFile writes a new file and renames it over the old: a hard link to the old file keeps
  // the old bytes, and no temporary file is left.
  void saveReplacesTheFileAtomically() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("model.causeway"));
    const QString link = dir.filePath(QStringLiteral("old.causeway"));
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("confounding.dag")));
    QVERIFY(w.files().saveTo(path));
    const QByteArray before = contents(path);
    QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()), 0);
    edit(w);
    QVERIFY(w.files().saveTo(path));
    QVERIFY(w.document().undoStack()->isClean());
    QCOMPARE(contents(link), before);
    QVERIFY(contents(path) != before);
    QVERIFY(contents(path).contains("Extra"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
  }

  void openingABadModelLeavesTheDrawing_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("problem");
    QTest::newRow("cycle") << badModel("cycle.dot") << QStringLiteral("4:5: the model has a cycle: a -> b -> c -> a");
    QTest::newRow("unterminated brace") << badModel("unterminated-brace.dag")
                                        << QStringLiteral("5:1: missing '}' at the end of the model");
  }
  void openingABadModelLeavesTheDrawing() {
    QFETCH(QString, file);
    QFETCH(QString, problem);
    MainWindow& w = fresh();
    QVERIFY(w.openFile(example("confounding.dag")));
    edit(w);
    const QString drawing = w.document().serialize();
    const QString title = w.windowTitle();
    const int undoSteps = w.document().undoStack()->count();

    MessageBoxReader reader;
    QVERIFY(!w.openFile(file));
    QCOMPARE(reader.titles, QStringList{QStringLiteral("Cannot open")});
    QVERIFY2(reader.texts.front().contains(QFileInfo(file).fileName()), qPrintable(reader.texts.front()));
    QVERIFY2(reader.texts.front().contains(problem), qPrintable(reader.texts.front()));
    QCOMPARE(w.document().serialize(), drawing);
    QCOMPARE(w.document().undoStack()->count(), undoSteps);
    QVERIFY(!w.document().undoStack()->isClean());
    QCOMPARE(w.windowTitle(), title);
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.files().currentPath(), QFileInfo(example("confounding.dag")).absoluteFilePath());
  }

  void aboutShowsVersionBuildAndLicenses() {
    MainWindow& w = fresh();
    MessageBoxReader reader;
    w.actions().about->trigger();
    QCOMPARE(reader.titles, QStringList{QStringLiteral("About Causeway")});
    const QString text = reader.texts.front();
    QCOMPARE(text, aboutText() + QLatin1Char('\n'));
    QVERIFY(text.contains(QStringLiteral("Causeway " CAUSEWAY_VERSION)));
    QVERIFY(text.contains(QStringLiteral("Qt %1 running").arg(QString::fromLatin1(qVersion()))));
    for (const char* license : {"LGPL-3.0", "GPL-3.0", "BSL-1.0", "MPL-2.0", "MIT", "Apache-2.0"})
      QVERIFY2(text.contains(QLatin1String(license)), license);
    // Versions of the libraries as configured, not blanks.
    for (const char* library : {"Boost \\(Graph\\) \\d+\\.\\d+", "Eigen \\d+\\.\\d+", "nlohmann/json \\d+\\.\\d+",
                                "OpenSSL \\(libcrypto\\) \\d+\\.\\d+"})
      QVERIFY2(text.contains(QRegularExpression(QLatin1String(library))), library);
  }
};

QTEST_MAIN(FileErrorsTest)
#include "FileErrorsTest.moc"
