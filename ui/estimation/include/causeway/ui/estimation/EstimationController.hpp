#pragma once

#include <QFutureWatcher>
#include <QObject>

#include "causeway/common/Result.hpp"
#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/estimation/EstimationJob.hpp"
#include "causeway/ui/estimation/InDatabaseRun.hpp"

namespace causeway::ui {

// Runs the estimation pipeline off the GUI thread (QtConcurrent run-with-promise, watched by a
// QFutureWatcher), with progress and cancel. Each run is tagged with the inputs' revision;
// finished() carries it so the receiver can drop results computed for an older graph or data.
class EstimationController : public QObject {
  Q_OBJECT

 public:
  explicit EstimationController(QObject* parent = nullptr);
  ~EstimationController() override;

  void run(EstimationInputs inputs, quint64 revision);
  // The same, by the in-database engine on the data's source (InDatabaseRun.hpp).
  void runInDatabase(InDatabaseInputs inputs, quint64 revision);
  [[nodiscard]] bool isRunning() const { return running_; }

 public Q_SLOTS:
  void cancel();

 Q_SIGNALS:
  void started();
  void progressChanged(int permille);
  void finished(const causeway::ui::EstimationOutcome& outcome, quint64 revision);
  void failed(const QString& message);
  void cancelled();
  void idle();

 private:
  template <typename Work>
  void start(Work work, quint64 revision);
  void collect();

  QFutureWatcher<Result<EstimationOutcome>> watcher_;
  CancelHandle cancel_;
  quint64 revision_ = 0;
  bool running_ = false;
};

}  // namespace causeway::ui
