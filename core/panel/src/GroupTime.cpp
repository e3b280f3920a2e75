#include "causeway/panel/GroupTime.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

#include "causeway/common/Parallel.hpp"
#include "TwoByTwo.hpp"

namespace causeway::panel {

namespace {

struct CellPlan {
  int cohortSlot = 0;
  int cohort = 0;
  int period = 0;
  int base = 0;
};

// One cell's 2×2: which units take part, and its estimate.
struct CellOutcome {
  std::optional<GroupTimeCell> cell;
  std::string warning;
};

CellOutcome estimateCell(const Panel& panel, const GroupTimeOptions& options, const CellPlan& plan,
                         Eigen::Ref<Eigen::VectorXd> influence) {
  const std::size_t n = panel.units();
  const int lastUntreated = plan.period + options.anticipation;  // controls untreated through here
  std::vector<Eigen::Index> members;
  members.reserve(n);
  std::size_t treated = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int g = panel.cohort[i];
    const bool isTreated = g == plan.cohort;
    const bool isControl = g == kNeverTreated ||
                           (options.control == ControlGroup::NotYetTreated && g > lastUntreated && !isTreated);
    if (!isTreated && !isControl) continue;
    if (std::isnan(panel.y(plan.period, i)) || std::isnan(panel.y(plan.base, i))) continue;
    members.push_back(static_cast<Eigen::Index>(i));
    treated += isTreated ? 1 : 0;
  }
  const std::size_t m = members.size();
  const std::string where = "ATT(" + panel.periodLabel(plan.cohort) + ", " + panel.periodLabel(plan.period) + ")";
  if (treated == 0 || treated == m)
    return {std::nullopt, where + " left out: no " + std::string(treated == 0 ? "treated" : "comparison") +
                              " units are observed in periods " + panel.periodLabel(plan.base) + " and " +
                              panel.periodLabel(plan.period)};
  Eigen::VectorXd dy(m), d(m);
  const std::size_t k = panel.covariates.size();
  Eigen::MatrixXd x(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(k + 1));
  const std::size_t baseOffset = static_cast<std::size_t>(plan.base) * n;
  for (std::size_t r = 0; r < m; ++r) {
    const auto i = static_cast<std::size_t>(members[r]);
    const auto row = static_cast<Eigen::Index>(r);
    dy[row] = panel.y(plan.period, i) - panel.y(plan.base, i);
    d[row] = panel.cohort[i] == plan.cohort ? 1.0 : 0.0;
    x(row, 0) = 1.0;
    for (std::size_t c = 0; c < k; ++c) x(row, static_cast<Eigen::Index>(c + 1)) = panel.covariates[c][baseOffset + i];
  }
  Result<detail::TwoByTwo> fit = detail::TwoByTwo{};
  if (k == 0) fit = detail::didUnconditional(dy, d);
  else if (options.estimator == Estimator::Regression) fit = detail::didRegression(dy, d, x);
  else if (options.estimator == Estimator::Ipw) fit = detail::didIpw(dy, d, x);
  else fit = detail::didDoublyRobust(dy, d, x);
  if (!fit) return {std::nullopt, where + " left out: " + fit.error().message};
  // Rescale the 2×2's influence function to all n units (did: n / n_cell), zero elsewhere.
  const double scale = static_cast<double>(n) / static_cast<double>(m);
  influence.setZero();
  for (std::size_t r = 0; r < m; ++r) influence[members[r]] = scale * fit->influence[static_cast<Eigen::Index>(r)];
  GroupTimeCell cell;
  cell.cohort = plan.cohort;
  cell.period = plan.period;
  cell.basePeriod = plan.base;
  cell.att = fit->att;
  cell.se = influence.norm() / static_cast<double>(n);
  cell.nTreated = treated;
  cell.nControl = m - treated;
  return {cell, {}};
}

}  // namespace

const char* toString(ControlGroup control) {
  return control == ControlGroup::NeverTreated ? "never-treated" : "not-yet-treated";
}

const char* toString(Estimator estimator) {
  switch (estimator) {
    case Estimator::Regression: return "regression";
    case Estimator::Ipw: return "ipw";
    case Estimator::DoublyRobust: return "dr";
  }
  return "dr";
}

Result<GroupTimeEffects> estimateGroupTime(const Panel& panel, const GroupTimeOptions& options, const Progress& progress) {
  if (options.anticipation < 0) return makeError(ErrorCode::InvalidArgument, "anticipation must be 0 or more periods");
  GroupTimeEffects effects;
  for (int g : panel.cohort)
    if (g != kNeverTreated) effects.cohorts.push_back(g);
  std::sort(effects.cohorts.begin(), effects.cohorts.end());
  effects.cohorts.erase(std::unique(effects.cohorts.begin(), effects.cohorts.end()), effects.cohorts.end());
  if (effects.cohorts.empty()) return makeError(ErrorCode::EmptyGroup, "no unit is ever treated: there is no rollout to analyse");
  const bool anyNever = std::find(panel.cohort.begin(), panel.cohort.end(), kNeverTreated) != panel.cohort.end();
  if (options.control == ControlGroup::NeverTreated && !anyNever)
    return makeError(ErrorCode::EmptyGroup,
                     "never-treated units are the requested comparison group, but every unit is treated by period " +
                         panel.periodLabel(effects.cohorts.back()) + " (use the not-yet-treated comparison group)");

  const std::size_t n = panel.units();
  effects.unitCohort.assign(n, -1);
  effects.cohortShare.assign(effects.cohorts.size(), 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    if (panel.cohort[i] == kNeverTreated) continue;
    const auto slot = std::lower_bound(effects.cohorts.begin(), effects.cohorts.end(), panel.cohort[i]) - effects.cohorts.begin();
    effects.unitCohort[i] = static_cast<int>(slot);
    effects.cohortShare[static_cast<std::size_t>(slot)] += 1.0;
  }
  for (double& share : effects.cohortShare) share /= static_cast<double>(n);

  std::vector<CellPlan> plans;
  for (std::size_t s = 0; s < effects.cohorts.size(); ++s) {
    const int g = effects.cohorts[s];
    const int postBase = g - 1 - options.anticipation;
    if (postBase < 0)
      return makeError(ErrorCode::InvalidArgument, "the cohort first treated in period " + panel.periodLabel(g) +
                                                       " has no period before its anticipation window of " +
                                                       std::to_string(options.anticipation) + " periods");
    for (int t = 1; t < panel.periods(); ++t) plans.push_back({static_cast<int>(s), g, t, t >= g ? postBase : t - 1});
  }

  Eigen::MatrixXd influence(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(plans.size()));
  std::vector<CellOutcome> outcomes(plans.size());
  std::mutex progressMutex;
  std::size_t done = 0;
  parallelFor(plans.size(), options.threads, [&](std::size_t k) {
    if (progress.cancelled()) return;
    outcomes[k] = estimateCell(panel, options, plans[k], influence.col(static_cast<Eigen::Index>(k)));
    const std::lock_guard lock(progressMutex);
    progress.report(static_cast<double>(++done) / static_cast<double>(plans.size()));
  });
  if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "the rollout analysis was cancelled");

  std::vector<Eigen::Index> kept;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    if (outcomes[k].cell) {
      effects.cells.push_back(*outcomes[k].cell);
      kept.push_back(static_cast<Eigen::Index>(k));
    } else {
      effects.warnings.push_back(outcomes[k].warning);
    }
  }
  if (effects.cells.empty())
    return makeError(ErrorCode::EmptyGroup, "no ATT(g, t) could be estimated; the first: " + effects.warnings.front());
  effects.influence.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(kept.size()));
  for (std::size_t c = 0; c < kept.size(); ++c) effects.influence.col(static_cast<Eigen::Index>(c)) = influence.col(kept[c]);
  return effects;
}

}  // namespace causeway::panel
