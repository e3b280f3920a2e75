#include "causeway/ui/analysis/LayoutRunner.hpp"

#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/layout/ForceLayout.hpp"
#include "causeway/layout/LayeredLayout.hpp"

namespace causeway::ui {

LayoutRunner::LayoutRunner(GraphDocument& document, QObject* parent) : QObject(parent), document_(document) {
  connect(&watcher_, &QFutureWatcher<Result<layout::Positions>>::finished, this, &LayoutRunner::onFinished);
}

LayoutRunner::~LayoutRunner() {
  QFuture<Result<layout::Positions>> future = watcher_.future();
  cancelRun(cancel_, future);
}

void LayoutRunner::start(Algorithm algorithm, layout::LayoutOptions options) {
  QFuture<Result<layout::Positions>> old = watcher_.future();
  cancelRun(cancel_, old);  // a newer request supersedes it
  cancel_ = CancelHandle{};
  revision_ = document_.revision();
  algorithm_ = algorithm;
  running_ = true;
  auto graph = std::make_shared<const graph::CausalGraph>(document_.graph());
  watcher_.setFuture(runJob<Result<layout::Positions>>(
      cancel_, [graph, algorithm, opts = std::move(options)](const Progress& progress) -> Result<layout::Positions> {
        return algorithm == Algorithm::Layered ? layout::layeredLayout(*graph, opts)
                                               : layout::forceLayout(*graph, opts, progress);
      }));
}

void LayoutRunner::onFinished() {
  running_ = false;
  const QFuture<Result<layout::Positions>> future = watcher_.future();
  if (future.resultCount() == 0) return;  // cancelled: superseded or the runner is closing
  const Result<layout::Positions> positions = future.result();
  if (!positions) {
    Q_EMIT finished(false, tr("Layout failed: %1").arg(QString::fromStdString(positions.error().message)));
    return;
  }
  if (document_.revision() != revision_) {
    Q_EMIT finished(false, tr("Layout discarded: the diagram changed while it was computed"));
    return;
  }
  const int before = document_.undoStack()->count();
  edits::applyLayout(document_, *positions,
                     algorithm_ == Algorithm::Layered ? tr("Auto-layout (layered)") : tr("Auto-layout (force-directed)"));
  const bool applied = document_.undoStack()->count() != before || document_.undoSuspended();
  Q_EMIT finished(applied, applied ? tr("Layout applied; Edit > Undo puts the nodes back")
                                   : tr("The layout is already tidy"));
}

}  // namespace causeway::ui
