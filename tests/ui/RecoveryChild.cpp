// A Causeway session for RecoveryTest, run as a child process:
//   ui_recovery_child MODEL OUT [--clean]
// opens MODEL, edits it (names, roles, edges, positions, pins), waits for the autosave, writes
// the document's serialisation to OUT and prints "autosaved <recovery file>". Then it waits to
// be killed, or with --clean closes the window like a user who discards the changes.
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QTimer>

#include <chrono>
#include <cstdio>

#include "causeway/ui/app/CrashRecovery.hpp"
#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

graph::NodeId node(const GraphDocument& document, const char* name) {
  auto id = document.graph().findNode(name);
  if (!id) qFatal("no node %s", name);
  return *id;
}

// Every kind of change a recovery must bring back. The model must have X, Y and Z.
bool edit(GraphDocument& d) {
  auto w = edits::addNode(d, QStringLiteral("Weather"), QPointF(40.0, -130.0));
  if (!w) return false;
  if (!edits::addEdge(d, *w, node(d, "Y")) || !edits::addEdge(d, *w, node(d, "X"), graph::EdgeKind::Bidirected))
    return false;
  if (!edits::renameNode(d, node(d, "Z"), QStringLiteral("Severity"))) return false;
  edits::toggleRole(d, {*w}, graph::Role::Latent);
  edits::toggleRole(d, {node(d, "Severity")}, graph::Role::Adjusted);
  edits::moveNodes(d, {{node(d, "X"), QPointF(-210.0, 35.0)}}, 1);
  edits::setPinned(d, {node(d, "X")}, true);
  return true;
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("CausewayTests"));
  QCoreApplication::setApplicationName(QStringLiteral("RecoveryTest"));
  const QStringList args = QCoreApplication::arguments();
  if (args.size() < 3) {
    std::fprintf(stderr, "usage: ui_recovery_child MODEL OUT [--clean]\n");
    return 2;
  }
  const bool clean = args.contains(QStringLiteral("--clean"));

  MainWindow window;
  window.files().setInteractive(false);
  window.files().setSavePrompt([] { return static_cast<int>(QMessageBox::Discard); });
  window.recovery().setInterval(std::chrono::milliseconds(200));
  window.show();
  if (!window.openFile(args[1]) || !edit(window.document())) {
    std::fprintf(stderr, "ui_recovery_child: cannot open or edit %s\n", qPrintable(args[1]));
    return 1;
  }
  QObject::connect(&window.recovery(), &CrashRecovery::autosaved, &window, [&](const QString& snapshot) {
    QFile out(args[2]);
    if (!out.open(QIODevice::WriteOnly) || out.write(window.document().serialize().toUtf8()) < 0) {
      std::fprintf(stderr, "ui_recovery_child: cannot write %s\n", qPrintable(args[2]));
      QCoreApplication::exit(1);
      return;
    }
    out.close();
    std::printf("autosaved %s\n", qPrintable(snapshot));
    std::fflush(stdout);
    if (clean) QTimer::singleShot(0, &window, &QWidget::close);
  });
  return QApplication::exec();
}
