#pragma once

#include "causeway/database/InDatabase.hpp"

namespace causeway::testing {

// The Lalonde request: treat on re78 given the first minimal adjustment set of lalonde.dag
// (race is text, so it is expanded to dummies in SQL).
[[nodiscard]] database::InDatabaseRequest lalondeRequest(database::InDatabaseEstimand estimand);

// Expects `result` to equal the in-memory study on the Lalonde CSV (methods: IPW, and regression
// adjustment and AIPW when the result has them): the
// propensity coefficients and each estimate and SE to 1e-8 relative, the effective sample
// sizes, and the weighted covariate means computed here from the in-memory weights.
void expectMatchesInMemory(const database::InDatabaseResult& result, database::InDatabaseEstimand estimand);

}  // namespace causeway::testing
