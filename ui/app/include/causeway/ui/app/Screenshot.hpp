#pragma once

#include <QString>

#include "causeway/common/Result.hpp"

namespace causeway::ui {

class MainWindow;

struct ScreenshotOptions {
  int timeoutMs = 15000;
  // With a project that has data: wait for the data, run the estimation with the project's
  // settings and show its results before rendering.
  bool estimate = false;
  // A dock to bring to the front (its object name or title, e.g. "Diagnostics").
  QString raiseDock;
};

// Renders the main window to a PNG once the live identification has settled (or after the
// timeout), as a user would see it. Works on the offscreen platform.
Result<void> saveWindowScreenshot(MainWindow& window, const QString& path, const ScreenshotOptions& options = {});

}  // namespace causeway::ui
