#pragma once

#include <QFuture>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <memory>
#include <stop_token>
#include <string>
#include <utility>

#include "causeway/common/Error.hpp"
#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"

// The one way the desktop app runs long work (identification, layout, data load, estimation,
// implication tests, report export) off the GUI thread: progress, cancel, and failures as messages.
namespace causeway::ui {

// The cancel handle of one background run: cancel() asks the core to stop (its Progress polls
// the stop token) and cancels the future, so no result is delivered.
struct CancelHandle {
  std::shared_ptr<std::stop_source> stop = std::make_shared<std::stop_source>();
};

// Runs `work(const Progress&, const Publish&)` on the global thread pool in run-with-promise
// mode (the one mode that can stop mid-run); `work` calls publish(R) once per phase, so a caller
// can show a first answer before a slow second one. Progress fractions become the future's
// progress value in [0, 1000]; a cancelled future also triggers the stop token, which the core
// polls, and results published after a cancel are dropped. An exception thrown by `work`
// becomes the result failure(message): left to Qt, the future would store the exception and
// read as cancelled ("Cancelled" shown for a crash). `work` gets its inputs by value
// (immutable copies) and must not touch widgets.
template <typename R, typename Work, typename Failure>
QFuture<R> runPhasedJob(const CancelHandle& handle, Work work, Failure failure) {
  return QtConcurrent::run([stop = handle.stop, work = std::move(work),
                            failure = std::move(failure)](QPromise<R>& promise) mutable {
    promise.setProgressRange(0, 1000);
    // The core may report from several worker threads; QPromise locks internally.
    const Progress progress(stop->get_token(), [&promise, stop](double fraction) {
      if (promise.isCanceled()) stop->request_stop();
      promise.setProgressValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000.0));
    });
    const auto publish = [&promise, stop](R result) {
      if (!promise.isCanceled() && !stop->stop_requested()) promise.addResult(std::move(result));
    };
    try {
      work(progress, publish);
    } catch (const std::exception& e) {
      publish(failure(std::string(e.what())));
    } catch (...) {
      publish(failure(std::string("not a std::exception")));
    }
  });
}

// The one-phase case: `work(const Progress&) -> R` (R a Result<...>); an exception becomes an
// error result "unexpected error: <what>".
template <typename R, typename Work>
QFuture<R> runJob(const CancelHandle& handle, Work work) {
  return runPhasedJob<R>(
      handle,
      [work = std::move(work)](const Progress& progress, const auto& publish) mutable { publish(work(progress)); },
      [](const std::string& what) -> R {
        return makeError(ErrorCode::InvalidArgument, "unexpected error: " + what);
      });
}

// Stops a run started with runJob: the core stops at its next poll, the future at once.
template <typename T>
void cancelRun(const CancelHandle& handle, QFuture<T>& future) {
  handle.stop->request_stop();
  future.cancel();
}

}  // namespace causeway::ui
