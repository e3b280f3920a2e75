#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>
#include <string>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/estimation/ImplicationTesting.hpp"

namespace causeway::ui {

// Tests the graph's implications on the data off the GUI thread: inputs are copied, a run
// starts after a short debounce, a newer input cancels the older run, and results carry the
// revision they were computed for (stale ones are dropped).
class ImplicationTestController : public QObject {
  Q_OBJECT

 public:
  explicit ImplicationTestController(QObject* parent = nullptr);
  ~ImplicationTestController() override;

  // Where the implications come from (default: graphImplications).
  void setSource(ImplicationSource source);
  void setOptions(const ImplicationTestOptions& options) { options_ = options; }
  [[nodiscard]] const ImplicationTestOptions& options() const { return options_; }

  // New inputs: schedules a run after `debounceMs` (0 = at once).
  void setInputs(std::shared_ptr<const graph::CausalGraph> graph, std::shared_ptr<const data::Dataset> dataset,
                 std::map<std::string, std::string> nodeToColumn, quint64 revision, int debounceMs = 300);
  [[nodiscard]] bool isRunning() const { return running_; }

 public Q_SLOTS:
  void cancel();

 Q_SIGNALS:
  void started();
  void progressChanged(int permille);
  void finished(const causeway::ui::ImplicationResults& results, quint64 revision);
  void failed(const QString& message);
  void idle();

 private:
  void start();
  void collect();

  ImplicationSource source_;
  ImplicationTestOptions options_;
  std::shared_ptr<const graph::CausalGraph> graph_;  // shared with the workspace, never copied
  std::shared_ptr<const data::Dataset> dataset_;
  std::map<std::string, std::string> mapping_;
  quint64 revision_ = 0;
  quint64 runningRevision_ = 0;
  QTimer debounce_;
  QFutureWatcher<Result<ImplicationResults>> watcher_;
  CancelHandle cancel_;
  bool running_ = false;
};

}  // namespace causeway::ui
