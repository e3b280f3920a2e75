#include "causeway/ui/app/ScriptedRun.hpp"

#include <QAction>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>

#include <functional>

#include "causeway/study/InDatabaseStudy.hpp"
#include "causeway/study/StudyJson.hpp"
#include "causeway/ui/app/MainWindow.hpp"
#include "causeway/ui/data/DataLoadController.hpp"
#include "causeway/ui/data/DataPanel.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

namespace causeway::ui {
// Runs the event loop until `done` or the deadline; false on timeout.
bool pumpUntil(const QElapsedTimer& clock, int timeoutMs, const std::function<bool()>& done) {
  while (!done()) {
    if (clock.elapsed() >= timeoutMs) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QThread::msleep(2);  // processEvents returns at once when idle: do not spin a core
  }
  return true;
}

Result<void> runEstimationAsTheRunButton(MainWindow& window, int timeoutMs) {
  QElapsedTimer clock;
  clock.start();
  DataWorkspace& data = window.dataWorkspace();
  // Opening a project starts loading its data at once; nothing loading and no data means none.
  if (!pumpUntil(clock, timeoutMs, [&] { return data.data().has_value() || !data.loader()->isLoading(); }) ||
      !data.data()) {
    const QString why = data.dataPanel()->errorLabel()->text();
    return makeError(ErrorCode::InvalidArgument, why.isEmpty() ? std::string("the estimation needs a project with data "
                                                                             "(the project names no data file)")
                                                               : why.toStdString());
  }
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
  QString failure;
  const auto done = QObject::connect(&data, &DataWorkspace::estimationFinished, [&] { finished = true; });
  const auto failed = QObject::connect(&data, &DataWorkspace::estimationFailed, [&](const QString& message) {
    failure = message.isEmpty() ? QStringLiteral("the estimation failed") : message;
  });
  data.runEstimationAction()->trigger();
  const bool ok = pumpUntil(clock, timeoutMs, [&] { return finished || !failure.isEmpty(); });
  QObject::disconnect(done);
  QObject::disconnect(failed);
  if (!failure.isEmpty()) return makeError(ErrorCode::InvalidArgument, failure.toStdString());
  if (!ok) return makeError(ErrorCode::Cancelled, "the estimation did not finish in time");
  return Ok{};
}

Result<void> exportResults(MainWindow& window, const QString& path, int timeoutMs) {
  if (auto ran = runEstimationAsTheRunButton(window, timeoutMs); !ran) return ran;
  const auto& outcome = window.dataWorkspace().estimation();
  if (!outcome || !outcome->study || !outcome->dataset)
    return makeError(ErrorCode::InvalidArgument, "the estimation produced no result");
  // Byte for byte what `causeway-cli estimate --json` prints (for the project's in-database
  // analysis, what `estimate --in-database --json` prints).
  const std::string json = (outcome->inDatabaseResult ? study::inDatabaseStudyJson(*outcome->inDatabaseResult)
                                                      : study::studyJson(*outcome->study, *outcome->dataset))
                               .dump(2) +
                           "\n";
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(json.data(), static_cast<qint64>(json.size())) < 0 || !file.commit())
    return makeError(ErrorCode::IoError, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString(),
                     {path.toStdString(), 0, 0, {}});
  return Ok{};
}

}  // namespace causeway::ui
