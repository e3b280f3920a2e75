#include "causeway/ui/database/CatalogTasks.hpp"

namespace causeway::ui {

CatalogTasks::CatalogTasks(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcherBase::progressValueChanged, this, &CatalogTasks::progressChanged);
  connect(&watcher_, &QFutureWatcherBase::finished, this, &CatalogTasks::finishRun);
}

CatalogTasks::~CatalogTasks() { stopRunning(); }

void CatalogTasks::stopRunning() {
  if (!running_) return;
  // The query stops at once (PQcancel / the SQLite progress handler); wait so that no worker
  // outlives the watcher.
  QFuture<Result<Outcome>> future = watcher_.future();
  cancelRun(cancel_, future);
  future.waitForFinished();
  running_ = false;
}

template <typename Work>
void CatalogTasks::start(const QString& what, Work work) {
  if (running_) {
    stopRunning();
    Q_EMIT cancelled();
  }
  cancel_ = CancelHandle{};
  running_ = true;
  Q_EMIT started(what);
  watcher_.setFuture(runJob<Result<Outcome>>(cancel_, std::move(work)));
}

void CatalogTasks::listTables(const database::SourceSpec& source) {
  start(tr("Connecting and listing tables…"), [source](const Progress& progress) -> Result<Outcome> {
    auto tables = database::listTables(source, progress);
    if (!tables) return std::move(tables).error();
    return Outcome(std::move(tables).value());
  });
}

void CatalogTasks::preview(const database::SourceSpec& source, std::size_t rows) {
  start(tr("Reading the first %1 rows…").arg(rows), [source, rows](const Progress& progress) -> Result<Outcome> {
    auto read = database::previewRows(source, rows, progress);
    if (!read) return std::move(read).error();
    return Outcome(std::make_shared<const data::Dataset>(std::move(read).value()));
  });
}

void CatalogTasks::count(const database::SourceSpec& source) {
  start(tr("Counting rows in the database…"), [source](const Progress& progress) -> Result<Outcome> {
    auto counted = database::countRows(source, progress);
    if (!counted) return std::move(counted).error();
    return Outcome(*counted);
  });
}

void CatalogTasks::cancel() {
  if (!running_) return;
  QFuture<Result<Outcome>> future = watcher_.future();
  cancelRun(cancel_, future);
}

void CatalogTasks::finishRun() {
  if (!running_) return;
  running_ = false;
  const QFuture<Result<Outcome>> future = watcher_.future();
  if (future.isCanceled() || future.resultCount() == 0) {
    Q_EMIT cancelled();
  } else if (const Result<Outcome>& result = future.result(); !result.ok()) {
    if (result.error().code == ErrorCode::Cancelled) Q_EMIT cancelled();
    else Q_EMIT failed(QString::fromStdString(result.error().message));
  } else if (const auto* tables = std::get_if<Tables>(&result.value())) {
    Q_EMIT tablesReady(*tables);
  } else if (const auto* rows = std::get_if<Preview>(&result.value())) {
    Q_EMIT previewReady(*rows);
  } else {
    Q_EMIT countReady(std::get<std::uint64_t>(result.value()));
  }
  Q_EMIT idle();
}

}  // namespace causeway::ui
