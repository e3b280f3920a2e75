#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/panel/Panel.hpp"

// Group-time average treatment effects ATT(g, t) of Callaway & Sant'Anna (J. Econometrics 2021),
// with the conventions of R's `did` (att_gt, base_period = "varying"):
//   post cells (t ≥ g) compare Y_t − Y_{g−1−K} (K = anticipation periods);
//   pre cells (t < g) compare Y_t − Y_{t−1};
//   controls are the never-treated units, or the not-yet-treated ones (never treated, or first
//   treated after t + K, other than g).
// Each cell is a 2×2 on the units observed in both of its periods (unbalanced panels keep every
// unit for the cells it can inform). Covariates are taken at the cell's base period.
namespace causeway::panel {

enum class ControlGroup { NeverTreated, NotYetTreated };
enum class Estimator { Regression, Ipw, DoublyRobust };  // with covariates; without, all are the DiD of means

struct GroupTimeOptions {
  ControlGroup control = ControlGroup::NeverTreated;
  Estimator estimator = Estimator::DoublyRobust;
  int anticipation = 0;
  unsigned threads = 0;  // 0: one per hardware thread
};

struct GroupTimeCell {
  int cohort = 0;  // period index of first treatment
  int period = 0;
  int basePeriod = 0;
  double att = 0;
  double se = 0;
  std::size_t nTreated = 0;
  std::size_t nControl = 0;
  [[nodiscard]] bool post() const noexcept { return period >= cohort; }
  [[nodiscard]] int eventTime() const noexcept { return period - cohort; }
};

struct GroupTimeEffects {
  std::vector<GroupTimeCell> cells;  // by cohort, then period
  // units × cells, zero for units outside a cell; Var(att) ≈ Σ IF² / n² (did's scaling).
  Eigen::MatrixXd influence;
  std::vector<int> cohorts;         // treated cohorts (period indices), ascending
  std::vector<double> cohortShare;  // P(G = g) among all units
  std::vector<int> unitCohort;      // per unit: index into `cohorts`, or -1 when never treated
  std::vector<std::string> warnings;
};

// Errors: no treated unit; never-treated controls requested but none exist; a cohort without a
// period before its anticipation window; Cancelled. Cells without treated or control units, or
// whose models cannot be fitted, are left out with a warning.
[[nodiscard]] Result<GroupTimeEffects> estimateGroupTime(const Panel& panel, const GroupTimeOptions& options,
                                                         const Progress& progress = {});

[[nodiscard]] const char* toString(ControlGroup control);
[[nodiscard]] const char* toString(Estimator estimator);

}  // namespace causeway::panel
