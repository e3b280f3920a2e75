#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/data/Design.hpp"

namespace causeway::data {

struct DesignOptions {
  // The treatment value that means "treated", as written in the data ("2", "yes"). Unset: 1 of
  // 0/1 or the first of a known text pair (true/false, yes/no, treated/untreated or control,
  // exposed/unexposed, active/control, ..., any case); any other pair is an error asking for it.
  std::optional<std::string> treatedValue;
  unsigned threads = 0;  // for copying the columns (0: all cores)
};

// Builds the numeric inputs of an estimate from named columns (exact names, or unique ignoring
// case). Complete cases on the variables used; categorical covariates become one 0/1 column per
// level present, except the first in byte order (the reference), named R-style ("racehispan").
//
// Errors, each naming the variable in `context.variable`:
//   InvalidArgument     unknown or ambiguous column; a treatment coding that is not recognised
//                       and no treatedValue; a variable used twice (treatment also a
//                       covariate, ...); outcome not numeric; dummy name clashing with a covariate
//   MissingData         a variable missing in every row; no complete cases left
//   NonBinaryTreatment  treatment with one, or three or more, distinct values
//   EmptyGroup          no treated or no control rows among the complete cases
//   Collinearity        a covariate constant among the complete cases (one level, for a factor)
[[nodiscard]] Result<Design> buildDesign(const Dataset& data, std::string_view treatment, std::string_view outcome,
                                         std::span<const std::string> covariates, const DesignOptions& options = {});

}  // namespace causeway::data
