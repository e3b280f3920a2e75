#include "causeway/ui/analysis/IdentificationRunner.hpp"

#include <QElapsedTimer>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace causeway::ui {

namespace {

// Runs on a pool thread with its own snapshot; never touches the document.
void identifyTask(QPromise<IdentificationResult>& promise, std::shared_ptr<const graph::IndexedGraph> snapshot,
                  quint64 revision, std::size_t maxSets, identification::Effect effect, std::stop_token stop) {
  QElapsedTimer clock;
  clock.start();
  IdentificationResult result;
  result.revision = revision;
  try {
    identification::IdentificationOptions options;
    options.maxSets = maxSets;
    options.effect = effect;
    options.parts.frontDoor = false;
    const Progress progress(stop, [&promise](double fraction) {
      promise.setProgressValue(static_cast<int>(fraction * 1000.0));
    });
    auto summary = identification::identify(*snapshot, options, progress);
    if (stop.stop_requested() || promise.isCanceled()) return;
    if (summary) {
      result = toResult(*snapshot, *summary, revision);
      result.frontDoorPending = summary->exposures.size() == 1 && summary->outcomes.size() == 1;
    } else {
      if (summary.error().code == ErrorCode::Cancelled) return;
      result.error = QString::fromStdString(summary.error().message);
    }
    result.elapsedMs = clock.elapsed();
    promise.addResult(result, 0);
    if (!result.frontDoorPending) return;

    identification::IdentificationOptions frontDoorOnly;
    frontDoorOnly.maxSets = maxSets;
    frontDoorOnly.parts = {false, false, false, false, false, true};
    auto frontDoor = identification::identify(*snapshot, frontDoorOnly, progress);
    if (stop.stop_requested() || promise.isCanceled() || !frontDoor) return;
    addFrontDoor(*snapshot, *frontDoor, result);
    result.elapsedMs = clock.elapsed();
    promise.addResult(std::move(result), 1);
  } catch (const std::exception& e) {
    // Broken preconditions end here, as a message in the panel, never in the event loop.
    result = IdentificationResult{};
    result.revision = revision;
    result.error = QString::fromUtf8(e.what());
    result.elapsedMs = clock.elapsed();
    promise.addResult(std::move(result), 0);
  }
}

}  // namespace

IdentificationRunner::IdentificationRunner(GraphDocument& document, QObject* parent)
    : QObject(parent), document_(document) {
  debounce_.setSingleShot(true);
  debounce_.setInterval(200);
  connect(&debounce_, &QTimer::timeout, this, &IdentificationRunner::runNow);
  connect(&watcher_, &QFutureWatcher<IdentificationResult>::resultReadyAt, this, &IdentificationRunner::onResult);
  connect(&watcher_, &QFutureWatcher<IdentificationResult>::finished, this, &IdentificationRunner::onFinished);
  connect(&document_, &GraphDocument::analysisInputChanged, this, &IdentificationRunner::schedule);
}

IdentificationRunner::~IdentificationRunner() { cancelRunning(); }

const IdentificationResult* IdentificationRunner::current() const {
  if (latest_ && latest_->revision == document_.analysisRevision()) return &*latest_;
  return nullptr;
}

void IdentificationRunner::schedule() {
  // An edit supersedes whatever is running: stop it now rather than after the pause.
  cancelRunning();
  debounce_.start();
  Q_EMIT busyChanged(true);
}

void IdentificationRunner::runNow() {
  debounce_.stop();
  cancelRunning();
  // The snapshot is taken on the GUI thread (O(n + m)); the worker owns it.
  auto snapshot = std::make_shared<const graph::IndexedGraph>(document_.graph());
  stop_ = std::make_shared<std::stop_source>();
  setRunning(true);
  watcher_.setFuture(QtConcurrent::run(identifyTask, snapshot, document_.analysisRevision(), maxSets_, effect_,
                                       stop_->get_token()));
}

void IdentificationRunner::setEffect(identification::Effect effect) {
  if (effect == effect_) return;
  effect_ = effect;
  latest_.reset();  // answers to the other question are no longer current
  Q_EMIT busyChanged(true);
  runNow();
}

void IdentificationRunner::cancelRunning() {
  if (stop_) stop_->request_stop();
  stop_.reset();
  if (running_) {
    // The job sees the stop token at its next check; its result, if any, is dropped.
    watcher_.future().cancel();
    setRunning(false);
  }
}

void IdentificationRunner::onResult(int index) {
  const QFuture<IdentificationResult> future = watcher_.future();
  if (future.isCanceled()) return;
  IdentificationResult result = future.resultAt(index);
  if (result.revision != document_.analysisRevision()) return;  // stale: a newer run is due
  if (result.ok && result.effect != effect_) return;            // answers the previous question
  latest_ = std::move(result);
  Q_EMIT resultReady(*latest_);
}

void IdentificationRunner::onFinished() {
  setRunning(false);
  if (!isBusy()) Q_EMIT busyChanged(false);
}

void IdentificationRunner::setRunning(bool running) {
  running_ = running;
}

}  // namespace causeway::ui
