#include "causeway/estimation/Balance.hpp"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <numeric>

#include "Parallel.hpp"
#include "RadixSort.hpp"
#include <utility>
#include "WeightedStats.hpp"

namespace causeway::estimation {
namespace {

// Largest gaps between the treated and control ECDFs of x, unweighted and under weights w
// (when given), in one pass over x sorted together with each unit's group and weight (a
// record sort: no random access afterwards, which matters for millions of rows).
std::pair<double, double> ksStatistics(const Eigen::VectorXd& x, const Eigen::VectorXd& treatment,
                                       const Eigen::VectorXd* w) {
  const std::vector<detail::WeightedRecord> sorted = detail::sortWithPayload(x, treatment, w);
  double n1 = 0.0, n0 = 0.0, total1 = 0.0, total0 = 0.0;
  for (const auto& r : sorted) {
    (r.treated() ? n1 : n0) += 1.0;
    (r.treated() ? total1 : total0) += r.weight();
  }
  double f1 = 0.0, f0 = 0.0, g1 = 0.0, g0 = 0.0, best = 0.0, bestWeighted = 0.0;
  for (std::size_t k = 0; k < sorted.size(); ++k) {
    const auto& r = sorted[k];
    if (r.treated()) {
      f1 += 1.0 / n1;
      g1 += r.weight() / total1;
    } else {
      f0 += 1.0 / n0;
      g0 += r.weight() / total0;
    }
    // Compare the ECDFs only after all ties at this value are in.
    if (k + 1 == sorted.size() || sorted[k + 1].key != r.key) {
      best = std::max(best, std::fabs(f1 - f0));
      bestWeighted = std::max(bestWeighted, std::fabs(g1 - g0));
    }
  }
  return {best, bestWeighted};
}

struct ColumnSummary {
  double mean1, mean0, var1, var0;
};

// Weighted means and variances per group without copying the column: w1 / w0 are the weights
// with the other group's entries set to 0.
ColumnSummary summarize(const Eigen::ArrayXd& x, const Eigen::ArrayXd& w1, const Eigen::ArrayXd& w0) {
  auto stats = [&](const Eigen::ArrayXd& w, double& mean, double& variance) {
    const double sw = w.sum();
    mean = (w * x).sum() / sw;
    variance = (w * (x - mean).square()).sum() / (sw - w.square().sum() / sw);
  };
  ColumnSummary s{};
  stats(w1, s.mean1, s.var1);
  stats(w0, s.mean0, s.var0);
  return s;
}

double standardizer(Estimand estimand, double s1, double s0) {
  switch (estimand) {
    case Estimand::ATT: return s1;
    case Estimand::ATC: return s0;
    case Estimand::ATE:
    case Estimand::ATO: return std::sqrt((s1 * s1 + s0 * s0) / 2.0);
  }
  return s1;
}

BalanceStatistics statistics(const ColumnSummary& s, double sd, double sdCobalt, double ks) {
  BalanceStatistics b;
  b.meanTreated = s.mean1;
  b.meanControl = s.mean0;
  b.rawDifference = s.mean1 - s.mean0;
  b.smd = b.rawDifference / sd;
  b.smdCobaltStd = b.rawDifference / sdCobalt;
  b.varianceRatio = s.var1 / s.var0;
  b.ks = ks;
  return b;
}

}  // namespace

Result<BalanceTable> computeBalance(const Eigen::MatrixXd& covariates, const std::vector<std::string>& names,
                                    const Eigen::VectorXd& treatment, Estimand estimand, const Eigen::VectorXd* weights,
                                    std::string adjustment, unsigned threads) {
  const Eigen::Index n = treatment.size();
  if (covariates.rows() != n || static_cast<std::size_t>(covariates.cols()) != names.size() ||
      (weights && weights->size() != n))
    return makeError(ErrorCode::InvalidArgument, "Balance: inputs of different lengths");
  if (weights && (!weights->allFinite() || weights->minCoeff() < 0))
    return makeError(ErrorCode::InvalidArgument, "Balance: weights must be finite and non-negative");
  // Group sizes and ESS, unadjusted and among units with positive weight.
  double n1 = 0, n0 = 0, m1 = 0, m0 = 0, sum1 = 0, sum0 = 0, squares1 = 0, squares0 = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double w = weights ? (*weights)(i) : 1.0;
    const bool isTreated = treatment(i) == 1.0;
    (isTreated ? n1 : n0) += 1;
    if (w <= 0) continue;
    (isTreated ? m1 : m0) += 1;
    (isTreated ? sum1 : sum0) += w;
    (isTreated ? squares1 : squares0) += w * w;
  }
  if (n1 < 2 || n0 < 2) return makeError(ErrorCode::EmptyGroup, "Balance needs at least two treated and two control units");
  if (m1 == 0 || m0 == 0)
    return makeError(ErrorCode::EmptyGroup, "Balance: a group has no unit with positive weight after adjustment");

  BalanceTable table;
  table.estimand = estimand;
  table.adjustment = std::move(adjustment);
  table.rows.resize(names.size());
  const Eigen::ArrayXd t = treatment.array();
  const Eigen::ArrayXd raw1 = t, raw0 = 1.0 - t;
  const Eigen::ArrayXd adj1 = weights ? Eigen::ArrayXd(raw1 * weights->array()) : raw1;
  const Eigen::ArrayXd adj0 = weights ? Eigen::ArrayXd(raw0 * weights->array()) : raw0;
  detail::parallelFor(names.size(), threads, [&](std::size_t jj) {
    const auto j = static_cast<Eigen::Index>(jj);
    const Eigen::ArrayXd x = covariates.col(j).array();
    BalanceRow& row = table.rows[jj];
    row.name = names[jj];
    row.binary = ((x == 0.0) || (x == 1.0)).all();
    const ColumnSummary raw = summarize(x, raw1, raw0);
    // Standardisers always come from the unadjusted sample.
    const double sd = standardizer(estimand, std::sqrt(raw.var1), std::sqrt(raw.var0));
    const double sdCobalt = row.binary ? standardizer(estimand, std::sqrt(raw.mean1 * (1 - raw.mean1)),
                                                      std::sqrt(raw.mean0 * (1 - raw.mean0)))
                                       : sd;
    const ColumnSummary adj = weights ? summarize(x, adj1, adj0) : raw;
    // For a 0/1 column the KS statistic is the absolute difference in proportions: no sort.
    const auto ks = row.binary ? std::pair{std::fabs(raw.mean1 - raw.mean0), std::fabs(adj.mean1 - adj.mean0)}
                               : ksStatistics(covariates.col(j), treatment, weights);
    row.unadjusted = statistics(raw, sd, sdCobalt, ks.first);
    if (weights) row.adjusted = statistics(adj, sd, sdCobalt, ks.second);
  });

  table.nTreated = static_cast<std::size_t>(m1);
  table.nControl = static_cast<std::size_t>(m0);
  table.essTreated = sum1 * sum1 / squares1;
  table.essControl = sum0 * sum0 / squares0;
  for (const auto& row : table.rows) {
    table.maxAbsSmdUnadjusted = std::max(table.maxAbsSmdUnadjusted, std::fabs(row.unadjusted.smd));
    if (row.adjusted) table.maxAbsSmdAdjusted = std::max(table.maxAbsSmdAdjusted, std::fabs(row.adjusted->smd));
  }
  table.conventions =
      std::string("SMD = (mean treated - mean control) / s for every column, binary ones included; s from the "
                  "unadjusted sample with n-1 denominators: ") +
      (estimand == Estimand::ATT   ? "treated-group SD (ATT)"
       : estimand == Estimand::ATC ? "control-group SD (ATC)"
                                   : "sqrt((s1^2 + s0^2) / 2) (ATE/ATO)") +
      ". cobalt reports the raw difference in proportions for binary columns by default (rawDifference); "
      "smdCobaltStd is cobalt's binary = \"std\" (binary SD sqrt(p(1-p)), no n-1). Adjusted means are weighted. "
      "Variance ratio v1/v0 with weighted variance sum w(x-m)^2 / (sum w - sum w^2 / sum w) (cobalt omits it for "
      "binary columns). KS: largest gap between the weighted ECDFs. ESS per group: (sum w)^2 / sum w^2.";
  return table;
}

}  // namespace causeway::estimation
