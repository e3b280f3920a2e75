#include "causeway/ui/app/Screenshot.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPixmap>

#include "causeway/ui/analysis/IdentificationRunner.hpp"
#include "causeway/ui/app/MainWindow.hpp"

namespace causeway::ui {

Result<void> saveWindowScreenshot(MainWindow& window, const QString& path, int timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  const IdentificationRunner& runner = window.identificationRunner();
  while (clock.elapsed() < timeoutMs && (runner.isBusy() || runner.current() == nullptr))
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
  // Let layouts, repaints and deferred scene-rect updates run.
  for (int i = 0; i < 5; ++i) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  const QPixmap picture = window.grab();
  if (picture.isNull()) return makeError(ErrorCode::IoError, "the window could not be rendered");
  if (!picture.save(path, "PNG"))
    return makeError(ErrorCode::IoError, "cannot write '" + path.toStdString() + "'", {path.toStdString(), 0, 0, {}});
  return Ok{};
}

}  // namespace causeway::ui
