#pragma once

#include <vector>

#include "causeway/study/InDatabaseStudy.hpp"

namespace causeway::study::detail {

// What the database computed, as a StudyResult for the in-memory study's answer rule and
// verdict checks (detail::choosePrimary, answerFor, judge): estimates with CIs and E-values,
// the weighted balance, the overlap summary (no histogram), the implication tests. Everything
// that needs the rows (refutations, covariate benchmarks, matching) stays empty, so those
// checks report not run.
[[nodiscard]] StudyResult verdictInput(const InDatabaseStudyResult& result, const std::vector<estimation::Method>& methods);

// Fills result.answer, result.verdict and result.study from verdictInput; the checks that cannot
// run in the database say so.
void judgeInDatabase(InDatabaseStudyResult& result, const std::vector<estimation::Method>& methods,
                     const VerdictThresholds& thresholds);

}  // namespace causeway::study::detail
