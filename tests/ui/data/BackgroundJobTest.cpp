// The one background-job helper: an exception in the worker is a failure with its message
// (left to Qt, the future would read as cancelled and the panel would say "Cancelled").
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "causeway/ui/analysis/BackgroundJob.hpp"

using namespace causeway;
using namespace causeway::ui;

class BackgroundJobTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aThrowingJobFailsWithItsMessage() {
    CancelHandle handle;
    QFuture<Result<int>> future = runJob<Result<int>>(handle, [](const Progress&) -> Result<int> {
      throw std::runtime_error("the disk is on fire");
    });
    future.waitForFinished();
    QVERIFY(!future.isCanceled());
    QCOMPARE(future.resultCount(), 1);
    const Result<int>& result = future.result();
    QVERIFY(!result.ok());
    QCOMPARE(QString::fromStdString(result.error().message), QStringLiteral("unexpected error: the disk is on fire"));
  }

  void anythingThrownIsAFailureToo() {
    QFuture<Result<void>> future =
        runJob<Result<void>>(CancelHandle{}, [](const Progress&) -> Result<void> { throw 42; });
    future.waitForFinished();
    QCOMPARE(future.resultCount(), 1);
    QVERIFY(!future.result().ok());
    QVERIFY(QString::fromStdString(future.result().error().message).startsWith(QStringLiteral("unexpected error")));
  }

  void phasesArriveInOrderAndAThrowAfterThemIsTheLastResult() {
    // Identification's shape: a quick first answer, a fuller second one, then (here) a crash.
    QFuture<std::string> future = runPhasedJob<std::string>(
        CancelHandle{},
        [](const Progress&, const auto& publish) {
          publish(std::string("first"));
          publish(std::string("second"));
          throw std::runtime_error("third phase broke");
        },
        [](const std::string& what) { return "failed: " + what; });
    future.waitForFinished();
    QVERIFY(!future.isCanceled());
    QCOMPARE(future.resultCount(), 3);
    QCOMPARE(future.resultAt(0), std::string("first"));
    QCOMPARE(future.resultAt(1), std::string("second"));
    QCOMPARE(future.resultAt(2), std::string("failed: third phase broke"));
  }

  void phasesAfterACancelAreDropped() {
    CancelHandle handle;
    std::atomic<bool> firstOut{false};
    QFuture<int> future = runPhasedJob<int>(
        handle,
        [&firstOut](const Progress& p, const auto& publish) {
          publish(1);
          firstOut = true;
          while (!p.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
          publish(2);  // superseded: must not be delivered
        },
        [](const std::string&) { return -1; });
    QTRY_VERIFY_WITH_TIMEOUT(firstOut.load(), 5000);
    cancelRun(handle, future);
    future.waitForFinished();
    QCOMPARE(future.resultCount(), 1);
    QCOMPARE(future.resultAt(0), 1);
  }

  void resultsAndProgressReachTheWatcher() {
    QFutureWatcher<Result<int>> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcherBase::progressValueChanged);
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(runJob<Result<int>>(CancelHandle{}, [](const Progress& p) -> Result<int> {
      p.report(0.5);
      return 7;
    }));
    QVERIFY(finished.wait(10000));
    QCOMPARE(watcher.future().result().value(), 7);
    bool sawHalf = false;
    for (const auto& args : progress) sawHalf = sawHalf || args.at(0).toInt() == 500;
    QVERIFY(sawHalf);
  }

  void aCancelledJobDeliversNothing() {
    CancelHandle handle;
    QFuture<Result<int>> future = runJob<Result<int>>(handle, [](const Progress& p) -> Result<int> {
      while (!p.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return makeError(ErrorCode::Cancelled, "cancelled");
    });
    cancelRun(handle, future);
    future.waitForFinished();
    QVERIFY(future.isCanceled());
    QCOMPARE(future.resultCount(), 0);
  }
};

QTEST_GUILESS_MAIN(BackgroundJobTest)
#include "BackgroundJobTest.moc"
