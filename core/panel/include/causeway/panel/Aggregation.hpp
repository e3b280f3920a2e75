#pragma once

#include <optional>
#include <vector>

#include <Eigen/Dense>

#include "causeway/panel/GroupTime.hpp"

// Summaries of ATT(g, t) as R's did::aggte defines them. Every average weights a cell by its
// cohort's share P(G = g) among the cells averaged, and its influence function includes the
// estimation error of those shares (did's `wif`), so standard errors stay clustered by unit.
//   simple:   post cells (t ≥ g), weighted by cohort size;
//   group:    each cohort's mean over its post periods, then weighted by cohort shares;
//   calendar: per period, the post cells then; overall the plain mean over periods;
//   dynamic:  per event time e = t − g, the cohorts observed at e; overall the mean over e ≥ 0.
namespace causeway::panel {

struct Effect {
  double att = 0;
  double se = 0;
  double ciLow = 0;
  double ciHigh = 0;
};

struct EventTimeEffect {
  int eventTime = 0;
  Effect effect;
  double bandLow = 0;   // the uniform band; equal to the pointwise CI until a bootstrap sets it
  double bandHigh = 0;
};

struct Aggregates {
  Effect simple, group, calendar, dynamic;
  std::vector<std::pair<int, Effect>> byCohort;  // cohort period index -> its average effect
  std::vector<std::pair<int, Effect>> byPeriod;  // calendar period index -> effect then
  std::vector<EventTimeEffect> eventStudy;       // ascending event time
  Eigen::MatrixXd eventInfluence;                // units × event times (same scaling as cells)
};

struct AggregationOptions {
  // did's balance_e: only cohorts observed for event times 0..e, and event times up to e.
  std::optional<int> balanceEventTime;
  double level = 0.95;
};

// Errors: no post-treatment cell (nothing to average), or balancing leaves no cohort.
[[nodiscard]] Result<Aggregates> aggregateEffects(const GroupTimeEffects& effects, int periods,
                                                  const AggregationOptions& options = {});

// The two-sided normal critical value for a confidence level (1.96 for 0.95).
[[nodiscard]] double normalCritical(double level);

// att ± z·se.
[[nodiscard]] Effect makeEffect(double att, double se, double level);

}  // namespace causeway::panel
