#pragma once

#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/panel/Panel.hpp"

// The classic two-way fixed-effects regressions, kept as a comparison:
//   static:      Y_it = α_i + λ_t + β D_it + ε
//   event study: Y_it = α_i + λ_t + Σ_{e ≠ −1} β_e 1{t − G_i = e} + ε
// With staggered adoption β is a weighted sum of the cells' effects whose weights can be negative
// (de Chaisemartin & D'Haultfœuille, "Two-Way Fixed Effects Estimators with Heterogeneous
// Treatment Effects", AER 2020, Theorem 1): W_gt = N_gt ε_gt / Σ_{D=1} N_gt ε_gt, ε the residual of
// D on the unit and period effects. Regressors vary only by cohort and period, so the fit runs on
// cohort × period means weighted by their unit counts, which equals the unit-level regression on
// a balanced panel (and approximates it on an unbalanced one). Point estimates only.
namespace causeway::panel {

struct TwfeCoefficient {
  int eventTime = 0;
  double estimate = 0;
};

struct TwfeCellWeight {
  int cohort = 0;  // period indices
  int period = 0;
  double weight = 0;  // W_gt; they sum to 1 over treated cells
};

struct TwfeComparison {
  double staticEstimate = 0;
  std::vector<TwfeCoefficient> eventTimes;  // e = −1 is the reference (0); empty if not identified
  std::string eventStudyNote;               // why eventTimes is empty
  std::vector<TwfeCellWeight> weights;
  int negativeWeights = 0;
  double negativeWeightSum = 0;
  std::string warning;  // empty when every weight is non-negative
};

// Errors: no treated cell, or the static regression is not identified. An event-study regression
// that is not (e.g. two cohorts and no never-treated units) leaves `eventTimes` empty with a note.
[[nodiscard]] Result<TwfeComparison> twfeComparison(const Panel& panel);

}  // namespace causeway::panel
