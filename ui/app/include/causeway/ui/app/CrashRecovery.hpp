#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

#include "causeway/ui/project/RecoveryStore.hpp"

class QWidget;

namespace causeway::ui {

class FileController;
class GraphDocument;

// Crash-safe work for one window: while the document has unsaved changes it is autosaved every
// interval (QSettings "recovery/autosaveSeconds", default 60; 0 turns it off) into the recovery
// folder; the file goes when the document is saved, discarded, or the window closes cleanly.
// At start, offerRecovery() offers what sessions that died left behind.
class CrashRecovery : public QObject {
  Q_OBJECT

 public:
  enum class Choice { Recover, Discard, Later };
  using Prompt = std::function<Choice(const RecoveryEntry&)>;

  static constexpr int kDefaultIntervalSeconds = 60;

  CrashRecovery(GraphDocument& document, FileController& files, QWidget* window,
                QString directory = RecoveryStore::defaultDirectory());

  [[nodiscard]] std::chrono::milliseconds interval() const;
  void setInterval(std::chrono::milliseconds interval);  // for tests and --autosave-interval-ms
  // Replaces the Recover / Discard / Decide Later question (tests, scripts).
  void setPrompt(Prompt prompt) { prompt_ = std::move(prompt); }
  [[nodiscard]] RecoveryStore& store() { return store_; }

  // Writes the recovery file now if there are unsaved changes not yet written; true if written.
  bool autosaveNow();
  // Offers each recovery file left by a session that did not exit cleanly, newest first, until
  // one is recovered; true if one was. A recovered document is unsaved, under its original name.
  bool offerRecovery();

 Q_SIGNALS:
  void autosaved(const QString& snapshotPath);
  void statusMessage(const QString& message, int timeoutMs);

 private:
  bool write();
  Choice ask(const RecoveryEntry& entry) const;
  void onCleanChanged(bool clean);

  GraphDocument& document_;
  FileController& files_;
  QWidget* window_;
  RecoveryStore store_;
  QTimer timer_;
  Prompt prompt_;
  quint64 writtenRevision_ = 0;
  bool written_ = false;      // the snapshot holds revision writtenRevision_
  bool failing_ = false;      // the last autosave failed (reported once, not every interval)
};

}  // namespace causeway::ui
