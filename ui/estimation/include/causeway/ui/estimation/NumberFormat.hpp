#pragma once

#include <QString>

namespace causeway::ui {

// How estimation tables print numbers: core/common's causeway::format (as the CLI and the
// report), with a real minus sign. NaN reads "NA", infinities "Inf".
[[nodiscard]] QString formatFixed(double value, int decimals);
// Significant digits (integer digits are never rounded away), for estimates whose scale is
// unknown (earnings, rates...): 0.0118, 0.841, 1388.
[[nodiscard]] QString formatNumberSig(double value, int digits = 3);
[[nodiscard]] QString formatInterval(double low, double high, int decimals);
[[nodiscard]] QString formatIntervalSig(double low, double high, int digits = 3);
// "< 0.001" below a thousandth, else three decimals.
[[nodiscard]] QString formatPValue(double p);
// A share as "4.0%".
[[nodiscard]] QString formatPercent(double fraction, int decimals = 1);

}  // namespace causeway::ui
