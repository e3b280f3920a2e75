#include "causeway/ui/estimation/ImplicationTestController.hpp"

namespace causeway::ui {

ImplicationTestController::ImplicationTestController(QObject* parent)
    : QObject(parent), source_([](const graph::CausalGraph& g) { return graphImplications(g); }) {
  debounce_.setSingleShot(true);
  connect(&debounce_, &QTimer::timeout, this, &ImplicationTestController::start);
  connect(&watcher_, &QFutureWatcherBase::progressValueChanged, this, &ImplicationTestController::progressChanged);
  connect(&watcher_, &QFutureWatcherBase::finished, this, &ImplicationTestController::collect);
}

ImplicationTestController::~ImplicationTestController() {
  if (running_) {
    auto future = watcher_.future();
    cancelRun(cancel_, future);
    future.waitForFinished();
  }
}

void ImplicationTestController::setSource(ImplicationSource source) { source_ = std::move(source); }

void ImplicationTestController::setInputs(std::shared_ptr<const graph::CausalGraph> graph, std::shared_ptr<const data::Dataset> dataset,
                                          std::map<std::string, std::string> nodeToColumn, quint64 revision,
                                          int debounceMs) {
  graph_ = std::move(graph);
  dataset_ = std::move(dataset);
  mapping_ = std::move(nodeToColumn);
  revision_ = revision;
  if (debounceMs <= 0) {
    debounce_.stop();
    start();
  } else {
    debounce_.start(debounceMs);
  }
}

void ImplicationTestController::cancel() {
  debounce_.stop();
  if (!running_) return;
  auto future = watcher_.future();
  cancelRun(cancel_, future);
}

void ImplicationTestController::start() {
  if (running_) {
    // The newer inputs win; the old run's result would be stale anyway.
    auto future = watcher_.future();
    cancelRun(cancel_, future);
  }
  if (!dataset_ || !graph_) return;
  cancel_ = CancelHandle{};
  running_ = true;
  runningRevision_ = revision_;
  Q_EMIT started();
  watcher_.setFuture(runJob<Result<ImplicationResults>>(
      cancel_, [graph = graph_, dataset = dataset_, mapping = mapping_, source = source_,
                options = options_](const Progress& progress) -> Result<ImplicationResults> {
        const auto tests = source(*graph);
        return testImplications(*dataset, mapping, tests, options, progress);
      }));
}

void ImplicationTestController::collect() {
  if (!running_) return;
  running_ = false;
  const auto future = watcher_.future();
  if (!future.isCanceled() && future.resultCount() > 0) {
    const auto& result = future.result();
    if (result.ok()) {
      if (runningRevision_ == revision_) Q_EMIT finished(result.value(), runningRevision_);
    } else if (result.error().code != ErrorCode::Cancelled) {
      Q_EMIT failed(QString::fromStdString(result.error().describe()));
    }
  }
  Q_EMIT idle();
}

}  // namespace causeway::ui
