#include "causeway/ui/analysis/IdentificationRunner.hpp"

#include <QElapsedTimer>

#include <utility>

#include "causeway/ui/analysis/BackgroundJob.hpp"

namespace causeway::ui {

namespace {

// Runs on a pool thread with its own snapshot; never touches the document. Publishes the
// result without front-door sets first, then (when there is one exposure and one outcome) the
// same result with them.
template <typename Publish>
void identifyTask(const IdentificationRunner::IdentifyFunction& identify, const graph::IndexedGraph& snapshot,
                  quint64 revision, std::size_t maxSets, identification::Effect effect, const Progress& progress,
                  const Publish& publish) {
  QElapsedTimer clock;
  clock.start();
  IdentificationResult result;
  result.revision = revision;
  identification::IdentificationOptions options;
  options.maxSets = maxSets;
  options.effect = effect;
  options.parts.frontDoor = false;
  auto summary = identify(snapshot, options, progress);
  if (progress.cancelled()) return;
  if (summary) {
    result = toResult(snapshot, *summary, revision);
    result.frontDoorPending = summary->exposures.size() == 1 && summary->outcomes.size() == 1;
  } else {
    if (summary.error().code == ErrorCode::Cancelled) return;
    result.error = QString::fromStdString(summary.error().message);
  }
  result.elapsedMs = clock.elapsed();
  publish(result);
  if (!result.frontDoorPending) return;

  identification::IdentificationOptions frontDoorOnly;
  frontDoorOnly.maxSets = maxSets;
  frontDoorOnly.parts = {false, false, false, false, false, true};
  auto frontDoor = identify(snapshot, frontDoorOnly, progress);
  if (progress.cancelled() || !frontDoor) return;
  addFrontDoor(snapshot, *frontDoor, result);
  result.elapsedMs = clock.elapsed();
  publish(std::move(result));
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
  cancel_ = CancelHandle{};
  setRunning(true);
  const quint64 revision = document_.analysisRevision();
  watcher_.setFuture(runPhasedJob<IdentificationResult>(
      cancel_,
      [identify = identify_, snapshot, revision, maxSets = maxSets_, effect = effect_](const Progress& progress,
                                                                                      const auto& publish) {
        identifyTask(identify, *snapshot, revision, maxSets, effect, progress, publish);
      },
      // Broken preconditions end here, as a message in the panel, never in the event loop.
      [revision](const std::string& what) {
        IdentificationResult failed;
        failed.revision = revision;
        failed.error = QString::fromStdString(what);
        return failed;
      }));
}

void IdentificationRunner::setEffect(identification::Effect effect) {
  if (effect == effect_) return;
  effect_ = effect;
  latest_.reset();  // answers to the other question are no longer current
  Q_EMIT busyChanged(true);
  runNow();
}

void IdentificationRunner::cancelRunning() {
  if (running_) {
    // The job sees the stop token at its next check; its result, if any, is dropped.
    QFuture<IdentificationResult> future = watcher_.future();
    cancelRun(cancel_, future);
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
