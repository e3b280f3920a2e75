#include "causeway/ui/app/Screenshot.hpp"

#include <QCoreApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QThread>
#include <QPixmap>

#include <algorithm>
#include <functional>

#include "causeway/ui/analysis/IdentificationRunner.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/app/ScriptedRun.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/rollout/RolloutView.hpp"

namespace causeway::ui {
Result<void> saveWindowScreenshot(MainWindow& window, const QString& path, const ScreenshotOptions& options) {
  QElapsedTimer clock;
  clock.start();
  const IdentificationRunner& runner = window.identificationRunner();
  pumpUntil(clock, options.timeoutMs, [&] { return !runner.isBusy() && runner.current() != nullptr; });
  if (options.estimate) {
    // An estimation with refuters takes longer than identification: its own, larger budget.
    if (auto ran = runEstimationAsTheRunButton(window, std::max(options.timeoutMs, 120000)); !ran) return ran;
  }
  if (!options.raiseDock.isEmpty()) {
    bool found = false;
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
      if (dock->objectName() != options.raiseDock && dock->windowTitle() != options.raiseDock) continue;
      dock->show();
      dock->raise();
      found = true;
    }
    if (!found) return makeError(ErrorCode::InvalidArgument, "no panel named '" + options.raiseDock.toStdString() + "'");
    // The Rollout panel runs only on demand: a screenshot of it shows a finished run.
    auto* rolloutDock = window.findChild<QDockWidget*>(QStringLiteral("rolloutDock"));
    if (auto* rollout = rolloutDock ? qobject_cast<RolloutView*>(rolloutDock->widget()) : nullptr;
        rollout && (options.raiseDock == rolloutDock->objectName() || options.raiseDock == rolloutDock->windowTitle())) {
      if (!pumpUntil(clock, options.timeoutMs, [&] { return window.dataWorkspace().data().has_value(); }))
        return makeError(ErrorCode::InvalidArgument, "the Rollout panel needs a project with data (no data was loaded)");
      bool finished = false;
      const auto connection = QObject::connect(rollout, &RolloutView::finished, [&finished] { finished = true; });
      rollout->run();
      const bool ok = pumpUntil(clock, std::max(options.timeoutMs, 120000), [&] { return finished; });
      QObject::disconnect(connection);
      if (!ok) return makeError(ErrorCode::Cancelled, "the rollout analysis did not finish in time");
    }
  }
  // Let layouts, repaints and deferred scene-rect updates run.
  for (int i = 0; i < 5; ++i) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  const QPixmap picture = window.grab();
  if (picture.isNull()) return makeError(ErrorCode::IoError, "the window could not be rendered");
  if (!picture.save(path, "PNG"))
    return makeError(ErrorCode::IoError, "cannot write '" + path.toStdString() + "'", {path.toStdString(), 0, 0, {}});
  return Ok{};
}

}  // namespace causeway::ui
