#include "causeway/panel/Aggregation.hpp"

#include <algorithm>
#include <map>

#include <boost/math/distributions/normal.hpp>

namespace causeway::panel {

namespace {

struct Combined {
  double att = 0;
  Eigen::VectorXd influence;
};

// Σ_k w_k att_k with w_k = p_k / Σ p, p_k the share of item k's cohort; the influence function
// adds the error of the estimated shares (did's wif: numerator and denominator terms).
Combined combine(const std::vector<double>& att, const std::vector<Eigen::VectorXd>& influence,
                 const std::vector<int>& cohortSlot, const GroupTimeEffects& effects) {
  const std::size_t items = att.size();
  double shareSum = 0, weighted = 0;
  for (std::size_t k = 0; k < items; ++k) {
    const double p = effects.cohortShare[static_cast<std::size_t>(cohortSlot[k])];
    shareSum += p;
    weighted += p * att[k];
  }
  Combined out;
  out.att = weighted / shareSum;
  out.influence = Eigen::VectorXd::Zero(effects.influence.rows());
  for (std::size_t k = 0; k < items; ++k)
    out.influence += effects.cohortShare[static_cast<std::size_t>(cohortSlot[k])] / shareSum * influence[k];
  // wif: unit i adds [Σ_k (1{G_i = g_k} − p_k) att_k] / S − [Σ_k (1{G_i = g_k} − p_k)] · (Σ_k p_k att_k) / S².
  std::vector<double> attOfCohort(effects.cohorts.size(), 0.0), itemsOfCohort(effects.cohorts.size(), 0.0);
  for (std::size_t k = 0; k < items; ++k) {
    attOfCohort[static_cast<std::size_t>(cohortSlot[k])] += att[k];
    itemsOfCohort[static_cast<std::size_t>(cohortSlot[k])] += 1;
  }
  for (Eigen::Index i = 0; i < out.influence.size(); ++i) {
    const int s = effects.unitCohort[static_cast<std::size_t>(i)];
    const double a = (s >= 0 ? attOfCohort[static_cast<std::size_t>(s)] : 0.0) - weighted;
    const double b = (s >= 0 ? itemsOfCohort[static_cast<std::size_t>(s)] : 0.0) - shareSum;
    out.influence[i] += a / shareSum - b * weighted / (shareSum * shareSum);
  }
  return out;
}

Combined combineCells(const GroupTimeEffects& effects, const std::vector<std::size_t>& cells) {
  std::vector<double> att;
  std::vector<Eigen::VectorXd> influence;
  std::vector<int> slot;
  for (std::size_t c : cells) {
    const auto& cell = effects.cells[c];
    att.push_back(cell.att);
    influence.emplace_back(effects.influence.col(static_cast<Eigen::Index>(c)));
    slot.push_back(static_cast<int>(std::lower_bound(effects.cohorts.begin(), effects.cohorts.end(), cell.cohort) -
                                    effects.cohorts.begin()));
  }
  return combine(att, influence, slot, effects);
}

// The plain mean of several averages (did's overall calendar and dynamic effects).
Combined meanOf(const std::vector<Combined>& parts) {
  Combined out;
  out.influence = Eigen::VectorXd::Zero(parts.front().influence.size());
  for (const auto& part : parts) {
    out.att += part.att / static_cast<double>(parts.size());
    out.influence += part.influence / static_cast<double>(parts.size());
  }
  return out;
}

Effect effectOf(const Combined& combined, double level) {
  return makeEffect(combined.att, combined.influence.norm() / static_cast<double>(combined.influence.size()), level);
}

}  // namespace

double normalCritical(double level) {
  return boost::math::quantile(boost::math::normal_distribution<double>(), 0.5 + level / 2);
}

Effect makeEffect(double att, double se, double level) {
  const double z = normalCritical(level);
  return Effect{att, se, att - z * se, att + z * se};
}

Result<Aggregates> aggregateEffects(const GroupTimeEffects& effects, int periods, const AggregationOptions& options) {
  const double level = options.level;
  std::vector<std::size_t> post;
  for (std::size_t c = 0; c < effects.cells.size(); ++c)
    if (effects.cells[c].post()) post.push_back(c);
  if (post.empty()) return makeError(ErrorCode::EmptyGroup, "no post-treatment ATT(g, t) was estimated: nothing to aggregate");
  Aggregates out;
  out.simple = effectOf(combineCells(effects, post), level);

  // By cohort: equal weights within a cohort, then cohort shares.
  std::vector<double> cohortAtt;
  std::vector<Eigen::VectorXd> cohortInfluence;
  std::vector<int> cohortSlot;
  for (std::size_t s = 0; s < effects.cohorts.size(); ++s) {
    std::vector<std::size_t> mine;
    for (std::size_t c : post)
      if (effects.cells[c].cohort == effects.cohorts[s]) mine.push_back(c);
    if (mine.empty()) continue;
    const Combined g = combineCells(effects, mine);  // one cohort: the wif term vanishes
    out.byCohort.emplace_back(effects.cohorts[s], effectOf(g, level));
    cohortAtt.push_back(g.att);
    cohortInfluence.push_back(g.influence);
    cohortSlot.push_back(static_cast<int>(s));
  }
  out.group = effectOf(combine(cohortAtt, cohortInfluence, cohortSlot, effects), level);

  // Calendar time.
  std::map<int, std::vector<std::size_t>> byPeriod;
  for (std::size_t c : post) byPeriod[effects.cells[c].period].push_back(c);
  std::vector<Combined> periodEffects;
  for (const auto& [t, cells] : byPeriod) {
    periodEffects.push_back(combineCells(effects, cells));
    out.byPeriod.emplace_back(t, effectOf(periodEffects.back(), level));
  }
  out.calendar = effectOf(meanOf(periodEffects), level);

  // Event time, optionally balanced.
  std::map<int, std::vector<std::size_t>> byEvent;
  for (std::size_t c = 0; c < effects.cells.size(); ++c) {
    const auto& cell = effects.cells[c];
    if (options.balanceEventTime) {
      const int e = *options.balanceEventTime;
      if (periods - 1 - cell.cohort < e || cell.eventTime() > e) continue;
    }
    byEvent[cell.eventTime()].push_back(c);
  }
  std::vector<Combined> afterEffects;
  out.eventInfluence.resize(effects.influence.rows(), static_cast<Eigen::Index>(byEvent.size()));
  for (const auto& [e, cells] : byEvent) {
    Combined combined = combineCells(effects, cells);
    const Effect effect = effectOf(combined, level);
    out.eventInfluence.col(static_cast<Eigen::Index>(out.eventStudy.size())) = combined.influence;
    out.eventStudy.push_back({e, effect, effect.ciLow, effect.ciHigh});
    if (e >= 0) afterEffects.push_back(std::move(combined));
  }
  if (afterEffects.empty())
    return makeError(ErrorCode::EmptyGroup, "no cohort is observed for the balanced event times requested");
  out.dynamic = effectOf(meanOf(afterEffects), level);
  return out;
}

}  // namespace causeway::panel
