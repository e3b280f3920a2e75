#pragma once

#include <QElapsedTimer>
#include <QString>

#include <functional>

#include "causeway/common/Result.hpp"

namespace causeway::ui {

class MainWindow;

// Waits for the opened project's data, then runs the estimation exactly as the Run button does
// (the same action, the same settings, the same background job) and waits for its result.
// Fails with the panel's reason when the run cannot start, or with the estimation's message.
// Runs the event loop until `done` or the deadline; false on timeout (scripted runs, screenshots).
bool pumpUntil(const QElapsedTimer& clock, int timeoutMs, const std::function<bool()>& done);

Result<void> runEstimationAsTheRunButton(MainWindow& window, int timeoutMs);

// `causeway --export-results OUT.json PROJECT`: the run above, then the study's JSON
// (study::studyJson, the document `causeway-cli estimate --json` prints) written to `path`.
Result<void> exportResults(MainWindow& window, const QString& path, int timeoutMs = 300000);

}  // namespace causeway::ui
