// A project whose data live on a PostgreSQL server (a throwaway one, started once for this
// binary): opening it reconnects and loads, asking for a password only when the server says it
// needs one; the typed password is never written to the project.
#include <QApplication>
#include <QFile>
#include <QInputDialog>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdlib>

#include "ThrowawayPostgres.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"

using namespace causeway;
using namespace causeway::ui;

class DatabasePasswordTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("causeway-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("ui_database_password_tests"));
    QSettings().clear();
    // Only the prompt may supply a password: not the environment, not a password file.
    ::unsetenv("PGPASSWORD");
    ::setenv("PGPASSFILE", "/nonexistent/causeway-pgpass", 1);
    server_.start();
    server_.execute("CREATE ROLE carol LOGIN PASSWORD 'Typed-Pw-9'; CREATE TABLE public.runs (a int, b float8);"
                    "INSERT INTO public.runs SELECT i, i / 2.0 FROM generate_series(1, 30) AS i;"
                    "GRANT SELECT ON public.runs TO carol;");
  }
  void cleanupTestCase() { server_.stop(); }

  void aServerThatNeedsNoPasswordIsNotAskedFor() {
    // The unix socket trusts local logins.
    QCOMPARE(openProject(QString::fromStdString(server_.socketUri())), 0);
  }

  void aServerThatNeedsOneAsksOnceAndTheProjectNeverKeepsIt() {
    const QString tcp = QStringLiteral("postgresql://carol@127.0.0.1:%1/postgres").arg(server_.port());
    QCOMPARE(openProject(tcp, QStringLiteral("Typed-Pw-9")), 1);
  }

 private:
  // Opens a project on `location`'s public.runs, answering password prompts with `password`;
  // checks the rows and that a saved copy holds no password. Returns the number of prompts.
  int openProject(const QString& location, const QString& password = {}) {
    project::Project p;
    p.modelText = "dag {\na [exposure]\nb [outcome]\na -> b\n}\n";
    p.database = project::DatabaseSource{"postgresql", location.toStdString(), "public.runs", "", false};
    const QString file = dir_.filePath(QStringLiteral("pg.causeway"));
    if (!project::saveProject(p, file.toStdString())) return -1;

    int prompts = 0;
    QTimer answer;
    connect(&answer, &QTimer::timeout, this, [&] {
      if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
        ++prompts;
        dialog->setTextValue(password);
        dialog->accept();
      }
    });
    answer.start(20);
    MainWindow window;
    window.files().setInteractive(false);
    window.files().setSavePrompt([] { return int(QMessageBox::Discard); });
    QSignalSpy loaded(&window.dataWorkspace(), &DataWorkspace::dataLoaded);
    if (!window.openFile(file) || !loaded.wait(20000)) return -1;
    answer.stop();
    if (window.dataWorkspace().data()->dataset->rowCount() != 30) return -1;

    const QString copy = dir_.filePath(QStringLiteral("copy.causeway"));
    if (!window.files().saveTo(copy)) return -1;
    QFile saved(copy);
    if (!saved.open(QIODevice::ReadOnly)) return -1;
    const QByteArray text = saved.readAll();
    if (!text.contains("public.runs")) return -1;
    if (!password.isEmpty() && text.contains(password.toUtf8())) return -2;
    return prompts;
  }

  testing::ThrowawayPostgres server_;
  QTemporaryDir dir_;
};

QTEST_MAIN(DatabasePasswordTest)
#include "DatabasePasswordTest.moc"
