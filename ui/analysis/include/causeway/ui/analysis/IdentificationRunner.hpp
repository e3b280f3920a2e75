#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/analysis/IdentificationResult.hpp"
#include "causeway/ui/document/GraphDocument.hpp"

namespace causeway::ui {

// Live identification. After every change that can alter it (not moves), and a short pause
// (debounce), the document is snapshotted as an IndexedGraph and identify() runs on the thread
// pool (runPhasedJob, the GUI's one background-job helper). A newer edit cancels the running job through its stop
// token; a result is delivered only if it was computed for the document's current analysis
// revision, so stale results are dropped. Results come in two steps: everything but the
// front-door sets first, then the same result with them (their search can take long on large
// graphs, and should not hold back the adjustment sets).
class IdentificationRunner : public QObject {
  Q_OBJECT

 public:
  // What runs on the worker; identification::identify unless a test swaps it.
  using IdentifyFunction = std::function<Result<identification::IdentificationSummary>(
      const graph::IndexedGraph&, const identification::IdentificationOptions&, const Progress&)>;

  explicit IdentificationRunner(GraphDocument& document, QObject* parent = nullptr);
  ~IdentificationRunner() override;

  void setDebounce(int milliseconds) { debounce_.setInterval(milliseconds); }
  void setMaxSets(std::size_t maxSets) { maxSets_ = maxSets; }
  void setIdentifyFunction(IdentifyFunction identify) { identify_ = std::move(identify); }
  [[nodiscard]] identification::Effect effect() const { return effect_; }
  // The newest delivered result, if it is still current.
  [[nodiscard]] const IdentificationResult* current() const;
  // Waiting for the debounce or computing.
  [[nodiscard]] bool isBusy() const { return debounce_.isActive() || running_; }

 public Q_SLOTS:
  void schedule();  // after the debounce
  void runNow();
  // The question asked: the total effect (default) or the direct effect (X -> Y alone); reruns.
  void setEffect(causeway::identification::Effect effect);

 Q_SIGNALS:
  void busyChanged(bool busy);
  void resultReady(const causeway::ui::IdentificationResult& result);

 private:
  void cancelRunning();
  void onResult(int index);
  void onFinished();
  void setRunning(bool running);

  GraphDocument& document_;
  QTimer debounce_;
  QFutureWatcher<IdentificationResult> watcher_;
  CancelHandle cancel_;
  IdentifyFunction identify_ = [](const graph::IndexedGraph& g, const identification::IdentificationOptions& o,
                                  const Progress& p) { return identification::identify(g, o, p); };
  std::optional<IdentificationResult> latest_;
  std::size_t maxSets_ = identification::kDefaultMaxSets;
  identification::Effect effect_ = identification::Effect::Total;
  bool running_ = false;
};

}  // namespace causeway::ui
