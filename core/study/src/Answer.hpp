#pragma once

#include "causeway/study/Study.hpp"

namespace causeway::study::detail {

// The verdict: every check, then the level by the documented rule (any fail: not supported;
// else any warn: fragile; else supported; no answer at all: not supported).
[[nodiscard]] Verdict judge(const StudyResult& result, const VerdictThresholds& thresholds);

// The answer from the report's primary estimate, its headline sentence ending with the verdict's
// reason when the verdict is not "supported"; none without a primary estimate.
[[nodiscard]] std::optional<Answer> answerFor(const StudyResult& result);

// The answer rule, the verdict's level rule and its thresholds in words, for `conventions`.
[[nodiscard]] std::string answerConventions(const VerdictThresholds& thresholds);

}  // namespace causeway::study::detail
