#pragma once

#include <QPalette>

namespace causeway::ui {

// A dark palette for the Fusion style (`causeway --dark`), also used to check that every
// colour on the canvas and in the panels comes from palette roles.
[[nodiscard]] QPalette darkPalette();

}  // namespace causeway::ui
