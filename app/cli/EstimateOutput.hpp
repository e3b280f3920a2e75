#pragma once

#include <iosfwd>
#include <optional>

#include "causeway/data/Dataset.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::cli {

// The text of `estimate`; its JSON is study::studyJson (causeway/study/StudyJson.hpp), and this
// is the same for people: data summary, adjustment set and why, propensity model, overlap,
// balance table, estimates with CIs and E-values, refutations, warnings.
void printEstimateText(std::ostream& out, const study::StudyResult& result, const data::Dataset& data);

// The answer in plain words, then the verdict's checklist: what a reader needs before any table.
// The in-database estimate prints the same block.
void printAnswerAndVerdict(std::ostream& out, const std::optional<study::Answer>& answer, const study::Verdict& verdict);

}  // namespace causeway::cli
