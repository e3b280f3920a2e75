#pragma once

#include <QDateTime>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "causeway/common/Result.hpp"

class QLockFile;

namespace causeway::ui {

// A recovery file left by a session that did not exit cleanly.
struct RecoveryEntry {
  QString session;
  QString snapshotPath;  // a .causeway project holding the unsaved document
  QString originalPath;  // the file the document came from; empty if it was never saved
  QDateTime savedAt;     // UTC
};

// The recovery folder (AppLocalDataLocation/recovery by default). Per session it holds
// <session>.causeway (the autosaved project), <session>.recovery.json (original path and time)
// and <session>.lock, a QLockFile held while the session runs. A recovery file whose lock can be
// taken therefore belongs to a session that died; one whose lock is held is another running
// instance's, and is left alone. Destroying the store is a clean exit: its own files go.
class RecoveryStore {
 public:
  explicit RecoveryStore(QString directory = defaultDirectory());
  ~RecoveryStore();
  RecoveryStore(const RecoveryStore&) = delete;
  RecoveryStore& operator=(const RecoveryStore&) = delete;

  [[nodiscard]] static QString defaultDirectory();

  // Creates the folder and takes this session's lock. Until it succeeds nothing is written.
  [[nodiscard]] Result<void> start();
  [[nodiscard]] bool started() const { return lock_ != nullptr; }
  [[nodiscard]] const QString& directory() const { return dir_; }
  [[nodiscard]] QString snapshotPath() const;
  [[nodiscard]] bool hasSnapshot() const;

  // `writeProject` writes the document (atomically) to the path it is given; then the metadata
  // is written, so a metadata file always refers to a complete snapshot.
  [[nodiscard]] Result<void> write(const std::function<Result<void>(const QString&)>& writeProject,
                                   const QString& originalPath);
  // After a save, a discard or a clean close: this session has nothing to recover.
  void removeSnapshot();

  // Recovery files of sessions that are no longer running, newest first. Their locks are held
  // (so an instance starting now does not offer them too) until discard() or release().
  [[nodiscard]] std::vector<RecoveryEntry> orphans();
  void discard(const RecoveryEntry& entry);  // deletes its files
  void release(const RecoveryEntry& entry);  // "decide later": keeps them for the next start

 private:
  [[nodiscard]] QString fileOf(const QString& session, const char* suffix) const;
  void removeFiles(const QString& session) const;

  QString dir_;
  QString session_;
  std::unique_ptr<QLockFile> lock_;
  std::map<QString, std::unique_ptr<QLockFile>> claimed_;
};

}  // namespace causeway::ui
