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

// Which value is "treated": `treatedValue` if given (as written, or a number equal to it);
// else 1 of 0/1, or the first of a known text pair in any case (true/false, yes/no, y/n,
// treated/untreated, treated/control, treatment/control, exposed/unexposed, exposed/control,
// active/control, active/placebo, intervention/control). Any other pair is InvalidArgument
// asking for the treated value: a guess would flip the sign of every estimate half the time.
// NonBinaryTreatment unless the column has exactly two distinct values; MissingData if none.
[[nodiscard]] Result<TreatmentCoding> codeTreatment(const Column& column,
                                                    const std::optional<std::string>& treatedValue);

}  // namespace causeway::data
