#include "causeway/ui/project/RecoveryStore.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace causeway::ui {

namespace {

constexpr const char* kSnapshot = ".causeway";
constexpr const char* kMetadata = ".recovery.json";
constexpr const char* kLock = ".lock";

Error recoveryError(const QString& what, const QString& path, const QString& why) {
  return makeError(ErrorCode::IoError, (what + QStringLiteral(" '") + path + QStringLiteral("': ") + why).toStdString(),
                   {path.toStdString(), 0, 0, {}});
}

// A lock that only a dead owner gives up: the default 30 s "stale" age would let a second
// instance take the lock of a session that has simply been open for a while.
std::unique_ptr<QLockFile> tryLock(const QString& path) {
  auto lock = std::make_unique<QLockFile>(path);
  lock->setStaleLockTime(0);
  if (!lock->tryLock(0)) return nullptr;
  return lock;
}

}  // namespace

RecoveryStore::RecoveryStore(QString directory) : dir_(std::move(directory)) {}

RecoveryStore::~RecoveryStore() {
  if (started()) removeSnapshot();
  // Locks unlock (and delete their files) as they are destroyed.
}

QString RecoveryStore::defaultDirectory() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

QString RecoveryStore::fileOf(const QString& session, const char* suffix) const {
  return dir_ + QLatin1Char('/') + session + QLatin1String(suffix);
}

QString RecoveryStore::snapshotPath() const { return fileOf(session_, kSnapshot); }

bool RecoveryStore::hasSnapshot() const { return started() && QFileInfo::exists(fileOf(session_, kMetadata)); }

Result<void> RecoveryStore::start() {
  if (started()) return Ok{};
  if (!QDir().mkpath(dir_)) return recoveryError(QStringLiteral("cannot create the recovery folder"), dir_, QStringLiteral("mkdir failed"));
  session_ = QUuid::createUuid().toString(QUuid::WithoutBraces);
  lock_ = tryLock(fileOf(session_, kLock));
  if (!lock_) {
    session_.clear();
    return recoveryError(QStringLiteral("cannot lock a recovery session in"), dir_,
                         QStringLiteral("the lock file cannot be created"));
  }
  return Ok{};
}

Result<void> RecoveryStore::write(const std::function<Result<void>(const QString&)>& writeProject,
                                  const QString& originalPath) {
  if (!started()) return recoveryError(QStringLiteral("autosave is off for"), dir_, QStringLiteral("no recovery session"));
  auto written = writeProject(snapshotPath());
  if (!written) return written;

  const QJsonObject meta{{QStringLiteral("format"), QStringLiteral("causeway-recovery")},
                         {QStringLiteral("version"), 1},
                         {QStringLiteral("originalPath"), originalPath},
                         {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                         {QStringLiteral("pid"), QCoreApplication::applicationPid()}};
  const QString metaPath = fileOf(session_, kMetadata);
  QSaveFile file(metaPath);
  const QByteArray bytes = QJsonDocument(meta).toJson();
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    return recoveryError(QStringLiteral("cannot write"), metaPath, file.errorString());
  return Ok{};
}

void RecoveryStore::removeFiles(const QString& session) const {
  // Metadata first: without it a leftover snapshot is never offered.
  QFile::remove(fileOf(session, kMetadata));
  QFile::remove(fileOf(session, kSnapshot));
}

void RecoveryStore::removeSnapshot() {
  if (started()) removeFiles(session_);
}

std::vector<RecoveryEntry> RecoveryStore::orphans() {
  std::vector<RecoveryEntry> found;
  const QDir dir(dir_);
  const QStringList locks = dir.entryList({QStringLiteral("*") + QLatin1String(kLock)}, QDir::Files);
  const QStringList metas = dir.entryList({QStringLiteral("*") + QLatin1String(kMetadata)}, QDir::Files);
  QStringList sessions;
  for (const QString& name : locks) sessions << name.chopped(static_cast<qsizetype>(qstrlen(kLock)));
  for (const QString& name : metas) sessions << name.chopped(static_cast<qsizetype>(qstrlen(kMetadata)));
  sessions.removeDuplicates();

  for (const QString& session : sessions) {
    if (session == session_ || claimed_.count(session) != 0) continue;
    auto lock = tryLock(fileOf(session, kLock));
    if (!lock) continue;  // a running instance's
    QFile metaFile(fileOf(session, kMetadata));
    if (!metaFile.open(QIODevice::ReadOnly)) continue;  // a crash before the first autosave: the lock goes with `lock`
    const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
    RecoveryEntry entry{session, fileOf(session, kSnapshot), meta.value(QStringLiteral("originalPath")).toString(),
                        QDateTime::fromString(meta.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs)};
    if (meta.value(QStringLiteral("format")).toString() != QLatin1String("causeway-recovery") ||
        !QFileInfo::exists(entry.snapshotPath)) {
      removeFiles(session);  // debris that cannot be recovered
      continue;
    }
    claimed_[session] = std::move(lock);
    found.push_back(std::move(entry));
  }
  std::sort(found.begin(), found.end(),
            [](const RecoveryEntry& a, const RecoveryEntry& b) { return a.savedAt > b.savedAt; });
  return found;
}

void RecoveryStore::discard(const RecoveryEntry& entry) {
  if (claimed_.count(entry.session) == 0) return;  // only what orphans() handed out
  removeFiles(entry.session);
  claimed_.erase(entry.session);
}

void RecoveryStore::release(const RecoveryEntry& entry) { claimed_.erase(entry.session); }

}  // namespace causeway::ui
