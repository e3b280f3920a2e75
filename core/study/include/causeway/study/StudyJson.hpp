#pragma once

#include <nlohmann/json.hpp>

#include "causeway/data/Dataset.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::study {

// The documented JSON of a study (README, "estimate --json"): `causeway-cli estimate --json`
// prints it and the GUI exports it, so both write the very same document.
[[nodiscard]] nlohmann::json studyJson(const StudyResult& result, const data::Dataset& data);

// Its "answer" (null when none) and "verdict" fields; the in-database JSON writes the same.
[[nodiscard]] nlohmann::json answerJson(const std::optional<Answer>& answer);
[[nodiscard]] nlohmann::json verdictJson(const Verdict& verdict);

}  // namespace causeway::study
