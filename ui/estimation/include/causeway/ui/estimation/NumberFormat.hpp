#pragma once

#include <QString>

namespace causeway::ui {

// How estimation tables print numbers (the same in every table, so they line up).
[[nodiscard]] QString formatFixed(double value, int decimals);
// Significant digits, for estimates whose scale is unknown (earnings, rates...).
[[nodiscard]] QString formatNumberSig(double value, int digits = 5);
[[nodiscard]] QString formatInterval(double low, double high, int decimals);
[[nodiscard]] QString formatIntervalSig(double low, double high, int digits = 5);
// "< 0.001" below a thousandth, else three decimals.
[[nodiscard]] QString formatPValue(double p);

}  // namespace causeway::ui
