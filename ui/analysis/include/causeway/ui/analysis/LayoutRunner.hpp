#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "causeway/common/Result.hpp"
#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/layout/LayoutOptions.hpp"

namespace causeway::ui {

// Runs an automatic layout on a copy of the graph off the GUI thread and applies it as one
// undoable LayoutCommand, unless the document changed in the meantime (then it is dropped).
// Runs through runJob, so a newer request cancels the older one and an exception is a message.
class LayoutRunner : public QObject {
  Q_OBJECT

 public:
  enum class Algorithm { Layered, ForceDirected };

  explicit LayoutRunner(GraphDocument& document, QObject* parent = nullptr);
  ~LayoutRunner() override;

  // `options` carries node sizes (copied, safe to use from another thread) and pins.
  void start(Algorithm algorithm, layout::LayoutOptions options);
  [[nodiscard]] bool isRunning() const { return running_; }

 Q_SIGNALS:
  void finished(bool applied, const QString& message);

 private:
  void onFinished();

  GraphDocument& document_;
  QFutureWatcher<Result<layout::Positions>> watcher_;
  CancelHandle cancel_;
  quint64 revision_ = 0;
  Algorithm algorithm_ = Algorithm::Layered;
  bool running_ = false;
};

}  // namespace causeway::ui
