#pragma once

#include <string>

// The one number formatting of Causeway (CLI, report and GUI), so a number reads the same
// everywhere: NaN is "NA", infinities "Inf" and "-Inf", and a rounded zero never shows a sign.
namespace causeway::format {

// `decimals` digits after the point: fixed(1214.0712, 2) == "1214.07".
[[nodiscard]] std::string fixed(double value, int decimals = 3);

// `digits` significant digits, but never fewer than all integer digits, never an exponent and
// no trailing zeros after the point: significant(0.0118354) == "0.0118", significant(0.841286)
// == "0.841", significant(1388.46) == "1388", significant(0.1) == "0.1".
[[nodiscard]] std::string significant(double value, int digits = 3);

// A confidence interval with significant() bounds: "[0.0118, 0.841]".
[[nodiscard]] std::string interval(double low, double high, int digits = 3);

// A share as a percentage with one decimal by default: percent(0.0401221) == "4.0%".
[[nodiscard]] std::string percent(double fraction, int decimals = 1);

// "< 0.001" below a thousandth, else three decimals.
[[nodiscard]] std::string pValue(double p);

}  // namespace causeway::format
