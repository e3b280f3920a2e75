#include "causeway/ui/analysis/LayoutRunner.hpp"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include "causeway/ui/document/GraphEdits.hpp"
#include "causeway/layout/ForceLayout.hpp"
#include "causeway/layout/LayeredLayout.hpp"

namespace causeway::ui {

LayoutRunner::LayoutRunner(GraphDocument& document, QObject* parent) : QObject(parent), document_(document) {
  connect(&watcher_, &QFutureWatcher<layout::Positions>::finished, this, &LayoutRunner::onFinished);
}

LayoutRunner::~LayoutRunner() {
  if (stop_) stop_->request_stop();
}

void LayoutRunner::start(Algorithm algorithm, layout::LayoutOptions options) {
  if (stop_) stop_->request_stop();
  stop_ = std::make_shared<std::stop_source>();
  revision_ = document_.revision();
  algorithm_ = algorithm;
  running_ = true;
  auto graph = std::make_shared<const graph::CausalGraph>(document_.graph());
  watcher_.setFuture(QtConcurrent::run(
      [graph, algorithm, stop = stop_->get_token()](QPromise<layout::Positions>& promise, layout::LayoutOptions opts) {
        const Progress progress(stop);
        layout::Positions positions = algorithm == Algorithm::Layered ? layout::layeredLayout(*graph, opts)
                                                                      : layout::forceLayout(*graph, opts, progress);
        if (!stop.stop_requested()) promise.addResult(std::move(positions));
      },
      std::move(options)));
}

void LayoutRunner::onFinished() {
  running_ = false;
  const QFuture<layout::Positions> future = watcher_.future();
  if (future.resultCount() == 0) return;
  if (document_.revision() != revision_) {
    Q_EMIT finished(false, tr("Layout discarded: the diagram changed while it was computed"));
    return;
  }
  const int before = document_.undoStack()->count();
  edits::applyLayout(document_, future.result(),
                     algorithm_ == Algorithm::Layered ? tr("Auto-layout (layered)") : tr("Auto-layout (force-directed)"));
  const bool applied = document_.undoStack()->count() != before || document_.undoSuspended();
  Q_EMIT finished(applied, applied ? tr("Layout applied; Edit > Undo puts the nodes back")
                                   : tr("The layout is already tidy"));
}

}  // namespace causeway::ui
