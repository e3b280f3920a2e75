#pragma once

#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Column.hpp"

namespace causeway::data {

// A two-valued treatment column read as treated (1) / control (0).
struct TreatmentCoding {
  std::string treatedLabel;
  std::string controlLabel;
  std::vector<double> indicator;  // per row: 1, 0, or NaN where missing
};

// Which value is "treated": `treatedValue` if given; else 1 of 0/1, the larger of two numbers,
// the first of a known pair (1/0, true/false, yes/no, treated/control, treatment/control, in
// any case), or else the later of two levels in byte order. NonBinaryTreatment unless the
// column has exactly two distinct values; MissingData if it has none.
[[nodiscard]] Result<TreatmentCoding> codeTreatment(const Column& column,
                                                    const std::optional<std::string>& treatedValue);

}  // namespace causeway::data
