#include "causeway/ui/app/CrashRecovery.hpp"

#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUndoStack>

#include <algorithm>

#include "causeway/ui/app/FileController.hpp"
#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

CrashRecovery::CrashRecovery(GraphDocument& document, FileController& files, QWidget* window, QString directory)
    : QObject(window), document_(document), files_(files), window_(window), store_(std::move(directory)) {
  if (auto started = store_.start(); !started) {
    // Nobody listens yet during construction: report once the event loop runs.
    const QString message = tr("Autosave is off: %1").arg(QString::fromStdString(started.error().describe()));
    qWarning("%s", qPrintable(message));
    QTimer::singleShot(0, this, [this, message] { Q_EMIT statusMessage(message, 0); });
  }
  const int seconds = QSettings().value(QStringLiteral("recovery/autosaveSeconds"), kDefaultIntervalSeconds).toInt();
  setInterval(std::chrono::seconds(std::max(0, seconds)));
  connect(&timer_, &QTimer::timeout, this, &CrashRecovery::autosaveNow);
  connect(document_.undoStack(), &QUndoStack::cleanChanged, this, &CrashRecovery::onCleanChanged);
}

std::chrono::milliseconds CrashRecovery::interval() const {
  return timer_.isActive() ? timer_.intervalAsDuration() : std::chrono::milliseconds(0);
}

void CrashRecovery::setInterval(std::chrono::milliseconds interval) {
  if (interval.count() <= 0) {
    timer_.stop();
    return;
  }
  timer_.start(interval);
}

bool CrashRecovery::autosaveNow() {
  if (document_.undoStack()->isClean()) return false;
  if (written_ && writtenRevision_ == document_.revision()) return false;
  return write();
}

bool CrashRecovery::write() {
  const quint64 revision = document_.revision();
  auto done = store_.write([this](const QString& path) { return files_.saveSnapshot(path); }, files_.currentPath());
  if (!done) {
    if (!failing_)
      Q_EMIT statusMessage(tr("Autosave failed: %1").arg(QString::fromStdString(done.error().describe())), 10000);
    failing_ = true;
    return false;
  }
  failing_ = false;
  written_ = true;
  writtenRevision_ = revision;
  Q_EMIT autosaved(store_.snapshotPath());
  return true;
}

void CrashRecovery::onCleanChanged(bool clean) {
  if (!clean) return;
  // Saved, or a new document replaced the unsaved one: nothing left to recover.
  store_.removeSnapshot();
  written_ = false;
}

bool CrashRecovery::offerRecovery() {
  bool recovered = false;
  for (const RecoveryEntry& entry : store_.orphans()) {
    if (recovered) {  // one document per window: the rest wait for the next start
      store_.release(entry);
      continue;
    }
    switch (ask(entry)) {
      case Choice::Later: store_.release(entry); break;
      case Choice::Discard:
        store_.discard(entry);
        Q_EMIT statusMessage(tr("Recovery file discarded"), 5000);
        break;
      case Choice::Recover:
        if ((!document_.undoStack()->isClean() && !files_.maybeSave()) ||
            !files_.openRecovered(entry.snapshotPath, entry.originalPath)) {
          store_.release(entry);
          break;
        }
        recovered = true;
        // This session's own recovery file first, so a crash right now still leaves one.
        if (write()) store_.discard(entry);
        else store_.release(entry);
        break;
    }
  }
  return recovered;
}

CrashRecovery::Choice CrashRecovery::ask(const RecoveryEntry& entry) const {
  if (prompt_) return prompt_(entry);
  const QString name = entry.originalPath.isEmpty() ? tr("an untitled diagram") : QFileInfo(entry.originalPath).fileName();
  const QString when = QLocale().toString(entry.savedAt.toLocalTime(), QLocale::ShortFormat);
  QMessageBox box(QMessageBox::Warning, tr("Recover unsaved work"),
                  tr("Causeway did not exit cleanly. Unsaved changes to %1 were autosaved at %2.").arg(name, when),
                  QMessageBox::NoButton, window_);
  box.setInformativeText(tr("Recover opens them as an unsaved document%1. Discard deletes the recovery file. "
                            "Decide Later keeps it for the next start.\n\nRecovery file: %2")
                             .arg(entry.originalPath.isEmpty() ? QString() : tr(" named %1").arg(entry.originalPath),
                                  entry.snapshotPath));
  QPushButton* recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
  QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
  QPushButton* later = box.addButton(tr("Decide Later"), QMessageBox::RejectRole);
  box.setDefaultButton(recover);
  box.setEscapeButton(later);
  box.exec();
  if (box.clickedButton() == recover) return Choice::Recover;
  if (box.clickedButton() == discard) return Choice::Discard;
  return Choice::Later;
}

}  // namespace causeway::ui
