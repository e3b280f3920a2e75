#pragma once

#include <iosfwd>

#include <nlohmann/json.hpp>

#include "causeway/data/Dataset.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::cli {

// The documented JSON of `causeway-cli estimate --json` (see README, "estimate --json").
nlohmann::json estimateJson(const study::StudyResult& result, const data::Dataset& data);
// The same for people: data summary, adjustment set and why, propensity model, overlap,
// balance table, estimates with CIs and E-values, refutations, warnings.
void printEstimateText(std::ostream& out, const study::StudyResult& result, const data::Dataset& data);

}  // namespace causeway::cli
