#include "causeway/ui/estimation/EstimationController.hpp"

namespace causeway::ui {

EstimationController::EstimationController(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcherBase::progressValueChanged, this, &EstimationController::progressChanged);
  connect(&watcher_, &QFutureWatcherBase::finished, this, &EstimationController::collect);
}

EstimationController::~EstimationController() {
  if (running_) {
    auto future = watcher_.future();
    cancelRun(cancel_, future);
    future.waitForFinished();
  }
}

template <typename Work>
void EstimationController::start(Work work, quint64 revision) {
  if (running_) {
    auto old = watcher_.future();
    cancelRun(cancel_, old);  // setFuture() below drops its pending signals
  }
  cancel_ = CancelHandle{};
  revision_ = revision;
  running_ = true;
  Q_EMIT started();
  watcher_.setFuture(runJob<Result<EstimationOutcome>>(cancel_, std::move(work)));
}

void EstimationController::run(EstimationInputs inputs, quint64 revision) {
  start([inputs = std::move(inputs)](const Progress& progress) { return runEstimationJob(inputs, progress); }, revision);
}

void EstimationController::runInDatabase(InDatabaseInputs inputs, quint64 revision) {
  start([inputs = std::move(inputs)](const Progress& progress) { return runInDatabaseJob(inputs, progress); }, revision);
}

void EstimationController::cancel() {
  if (!running_) return;
  auto future = watcher_.future();
  cancelRun(cancel_, future);
}

void EstimationController::collect() {
  if (!running_) return;
  running_ = false;
  const auto future = watcher_.future();
  if (future.isCanceled() || future.resultCount() == 0) {
    Q_EMIT cancelled();
  } else if (const auto& result = future.result(); result.ok()) {
    Q_EMIT finished(result.value(), revision_);
  } else if (result.error().code == ErrorCode::Cancelled) {
    Q_EMIT cancelled();
  } else {
    Q_EMIT failed(QString::fromStdString(result.error().describe()));
  }
  Q_EMIT idle();
}

}  // namespace causeway::ui
