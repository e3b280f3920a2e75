#pragma once

#include <string>
#include <vector>

#include "Commands.hpp"
#include "causeway/common/Error.hpp"

namespace causeway::cli {

// "A,B" "C" -> {"A", "B", "C"}: items trimmed, empty ones dropped.
std::vector<std::string> splitList(const std::vector<std::string>& values);
// Whole-string parse; false on anything else.
bool parseDouble(const std::string& text, double& value);
// Prints "causeway-cli COMMAND: file:line:col: message" and returns exit status 1.
int reportError(CommandIo& io, const std::string& command, const Error& error);
// Fixed-point with `digits` decimals; "NA" for NaN.
std::string fixed(double value, int digits);

}  // namespace causeway::cli
