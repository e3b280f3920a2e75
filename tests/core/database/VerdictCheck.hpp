#pragma once

#include <vector>

#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/study/InDatabaseStudy.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::testing {

// The in-memory study on the Lalonde CSV with lalonde.dag (its own adjustment set; no set
// comparison, no sensitivity request): the oracle for the in-database answer and verdict.
[[nodiscard]] study::StudyResult lalondeInMemory(estimation::Estimand estimand,
                                                 const std::vector<estimation::Method>& methods = {});

// Expects the in-database answer (method, estimate, CI) and verdict (level; each check's name,
// status, value to 1e-8 relative and threshold) to equal the in-memory study's, except what
// needs the rows: refutations (not run, said so) and the sensitivity threshold (no covariate
// benchmarks in the database: the floor).
void expectVerdictMatchesInMemory(const study::InDatabaseStudyResult& result, const study::StudyResult& memory);

}  // namespace causeway::testing
