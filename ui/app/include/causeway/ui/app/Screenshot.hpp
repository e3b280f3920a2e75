#pragma once

#include <QString>

#include "causeway/common/Result.hpp"

namespace causeway::ui {

class MainWindow;

// Renders the main window to a PNG once the live identification has settled (or after
// `timeoutMs`), as a user would see it. Works on the offscreen platform.
Result<void> saveWindowScreenshot(MainWindow& window, const QString& path, int timeoutMs = 15000);

}  // namespace causeway::ui
