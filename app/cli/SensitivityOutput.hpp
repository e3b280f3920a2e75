#pragma once

#include <ostream>

#include "causeway/study/StudySensitivity.hpp"

namespace causeway::cli {

// The text form of `estimate --sensitivity`: robustness values in words, benchmark bounds,
// Rosenbaum bounds and negative controls (the JSON has the same numbers, README).
void printSensitivityText(std::ostream& out, const study::StudySensitivity& sensitivity);

}  // namespace causeway::cli
