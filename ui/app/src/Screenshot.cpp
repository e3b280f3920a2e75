#include "causeway/ui/app/Screenshot.hpp"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>

#include <algorithm>
#include <functional>

#include "causeway/ui/analysis/IdentificationRunner.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

namespace causeway::ui {
namespace {

// Runs the event loop until `done` or the deadline; false on timeout.
bool pumpUntil(const QElapsedTimer& clock, int timeoutMs, const std::function<bool()>& done) {
  while (!done()) {
    if (clock.elapsed() >= timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  }
  return true;
}

Result<void> runEstimation(MainWindow& window, const QElapsedTimer& clock, int timeoutMs) {
  DataWorkspace& data = window.dataWorkspace();
  if (!pumpUntil(clock, timeoutMs, [&] { return data.data().has_value(); }))
    return makeError(ErrorCode::InvalidArgument, "--estimate needs a project with data (no data was loaded)");
  EstimationSettingsPanel* settings = data.estimationPanel()->settingsPanel();
  if (!pumpUntil(clock, timeoutMs, [&] { return settings->runButton()->isEnabled(); })) {
    // The panel says why (a variable without a column, no adjustment set, ...).
    QStringList why;
    for (const QLabel* label : settings->findChildren<QLabel*>())
      if (!label->text().isEmpty()) why << label->text();
    return makeError(ErrorCode::InvalidArgument,
                     "the estimation cannot run on this project: " + why.join(QStringLiteral("; ")).toStdString());
  }
  bool finished = false;
  const auto connection = QObject::connect(&data, &DataWorkspace::estimationFinished, [&] { finished = true; });
  data.runEstimationAction()->trigger();
  const bool ok = pumpUntil(clock, timeoutMs, [&] { return finished; });
  QObject::disconnect(connection);
  if (!ok) return makeError(ErrorCode::Cancelled, "the estimation did not finish in time");
  return Ok{};
}

}  // namespace

Result<void> saveWindowScreenshot(MainWindow& window, const QString& path, const ScreenshotOptions& options) {
  QElapsedTimer clock;
  clock.start();
  const IdentificationRunner& runner = window.identificationRunner();
  pumpUntil(clock, options.timeoutMs, [&] { return !runner.isBusy() && runner.current() != nullptr; });
  if (options.estimate) {
    QElapsedTimer estimation;
    estimation.start();
    // An estimation with refuters takes longer than identification: its own, larger budget.
    if (auto ran = runEstimation(window, estimation, std::max(options.timeoutMs, 120000)); !ran) return ran;
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
