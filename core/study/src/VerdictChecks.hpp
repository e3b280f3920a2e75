#pragma once

#include <optional>

#include "causeway/study/Study.hpp"
#include "causeway/study/VerdictThresholds.hpp"

namespace causeway::study::detail {

// The estimate the answer rests on (the report's primary estimate), if any.
[[nodiscard]] const estimation::EffectEstimate* answerEstimate(const StudyResult& result);

// One function per check of the verdict (README, "The answer and the verdict").
[[nodiscard]] VerdictCheck checkIdentification(const StudyResult& result);
[[nodiscard]] VerdictCheck checkExtrapolation(const StudyResult& result, const VerdictThresholds& t);
[[nodiscard]] VerdictCheck checkOverlap(const StudyResult& result, const VerdictThresholds& t);
[[nodiscard]] VerdictCheck checkBalance(const StudyResult& result, const VerdictThresholds& t);
[[nodiscard]] VerdictCheck checkImplications(const StudyResult& result, const VerdictThresholds& t);
[[nodiscard]] VerdictCheck checkRefutations(const StudyResult& result);
[[nodiscard]] VerdictCheck checkSensitivity(const StudyResult& result, const VerdictThresholds& t);
[[nodiscard]] VerdictCheck checkAgreement(const StudyResult& result, const VerdictThresholds& t);
[[nodiscard]] VerdictCheck checkPrecision(const StudyResult& result, const VerdictThresholds& t);
// Only when the answer is a matching estimate.
[[nodiscard]] std::optional<VerdictCheck> checkTies(const StudyResult& result, const VerdictThresholds& t);

// Holm step-down adjusted p-values, in the input order.
[[nodiscard]] std::vector<double> holmAdjusted(const std::vector<double>& pValues);

}  // namespace causeway::study::detail
