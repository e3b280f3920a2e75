#pragma once

#include <QString>

namespace causeway::ui {

// Help > About: the version, build information (the Qt version running, and what it was built
// with) and the third-party libraries with their licenses. Rich text for QMessageBox::about.
[[nodiscard]] QString aboutText();

}  // namespace causeway::ui
