#include "causeway/estimation/Balance.hpp"

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <numeric>
#include <utility>

#include "causeway/common/Parallel.hpp"
#include "KsStatistic.hpp"
#include "WeightedStats.hpp"

namespace causeway::estimation {
namespace {

struct ColumnSummary {
  double mean1, mean0, var1, var0;
};

using BlockArray = Eigen::Map<const Eigen::ArrayXd>;

// Weighted sums of both groups, moments taken about `shift` (the column's overall mean) so that
// the one-pass variance stays accurate; added to block after block, each block's sums taken by
// Eigen's vectorised reductions while the block is in cache.
struct GroupSums {
  double s1 = 0, sx1 = 0, sxx1 = 0, sw1 = 0, s0 = 0, sx0 = 0, sxx0 = 0, sw0 = 0;

  // d = x - shift and t of one block; w null: unit weights.
  void add(const Eigen::ArrayXd& d, const BlockArray& t, const double* w) {
    if (!w) {  // a = t, b = 1 - t: sums of squares of weights are the counts
      const double treated = t.sum(), treatedX = (t * d).sum(), treatedXx = (t * d.square()).sum();
      s1 += treated;
      sx1 += treatedX;
      sxx1 += treatedXx;
      sw1 += treated;
      s0 += static_cast<double>(d.size()) - treated;
      sx0 += d.sum() - treatedX;
      sxx0 += d.square().sum() - treatedXx;
      sw0 += static_cast<double>(d.size()) - treated;
      return;
    }
    const BlockArray weight(w, d.size());
    const Eigen::ArrayXd a = t * weight, b = weight - a;  // weight in its own group, 0 in the other
    s1 += a.sum();
    sx1 += (a * d).sum();
    sxx1 += (a * d.square()).sum();
    sw1 += a.square().sum();
    s0 += b.sum();
    sx0 += (b * d).sum();
    sxx0 += (b * d.square()).sum();
    sw0 += b.square().sum();
  }
  // sum w (x - m)^2 = sum w d^2 - (sum w d)^2 / sum w; divided by sum w - sum w^2 / sum w.
  [[nodiscard]] ColumnSummary summary(double shift) const {
    return {shift + sx1 / s1, shift + sx0 / s0, (sxx1 - sx1 * sx1 / s1) / (s1 - sw1 / s1),
            (sxx0 - sx0 * sx0 / s0) / (s0 - sw0 / s0)};
  }
};

// One read of a column: whether it is 0/1, its sum, smallest and largest value.
struct ColumnScan {
  bool binary = true;
  double sum = 0, lo = 0, hi = 0;
};

// Block by block, so that each block is read from memory once for the four reductions.
// v (v - 1) is 0 exactly when v is 0 or 1.
ColumnScan scan(const double* x, std::size_t n, std::size_t blockRows) {
  ColumnScan c;
  if (n == 0) return c;
  c.lo = c.hi = x[0];
  for (std::size_t begin = 0; begin < n; begin += blockRows) {
    const BlockArray v(x + begin, static_cast<Eigen::Index>(std::min(blockRows, n - begin)));
    c.sum += v.sum();
    c.lo = std::min(c.lo, v.minCoeff());
    c.hi = std::max(c.hi, v.maxCoeff());
    c.binary = c.binary && (v * (v - 1.0)).abs().maxCoeff() == 0.0;
  }
  return c;
}

// Rows read together: every weight's sums and bucket masses are taken while they are in cache.
constexpr std::size_t kBalanceBlockRows = 2048;

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

std::string conventionsFor(Estimand estimand) {
  return std::string("SMD = (mean treated - mean control) / s for every column, binary ones included; s from the "
                     "unadjusted sample with n-1 denominators: ") +
         (estimand == Estimand::ATT   ? "treated-group SD (ATT)"
          : estimand == Estimand::ATC ? "control-group SD (ATC)"
                                      : "sqrt((s1^2 + s0^2) / 2) (ATE/ATO)") +
         ". cobalt reports the raw difference in proportions for binary columns by default (rawDifference); "
         "smdCobaltStd is cobalt's binary = \"std\" (binary SD sqrt(p(1-p)), no n-1). Adjusted means are weighted. "
         "Variance ratio v1/v0 with weighted variance sum w(x-m)^2 / (sum w - sum w^2 / sum w) (cobalt omits it for "
         "binary columns). KS: largest gap between the weighted ECDFs. ESS per group: (sum w)^2 / sum w^2.";
}

}  // namespace

Result<std::vector<BalanceTable>> computeBalanceTables(const Eigen::MatrixXd& covariates,
                                                       const std::vector<std::string>& names,
                                                       const Eigen::VectorXd& treatment, Estimand estimand,
                                                       const std::vector<BalanceAdjustment>& adjustments,
                                                       unsigned threads) {
  const Eigen::Index n = treatment.size();
  if (covariates.rows() != n || static_cast<std::size_t>(covariates.cols()) != names.size())
    return makeError(ErrorCode::InvalidArgument, "Balance: inputs of different lengths");
  std::vector<const Eigen::VectorXd*> weights;
  std::vector<BalanceTable> tables(std::max<std::size_t>(adjustments.size(), 1));
  for (std::size_t a = 0; a < tables.size(); ++a) {
    const Eigen::VectorXd* w = a < adjustments.size() ? adjustments[a].weights : nullptr;
    if (w && (w->size() != n || !w->allFinite() || w->minCoeff() < 0))
      return makeError(ErrorCode::InvalidArgument, "Balance: weights must be finite, non-negative, one per unit");
    // Group sizes and ESS among units with positive weight.
    double n1 = 0, n0 = 0, m1 = 0, m0 = 0, sum1 = 0, sum0 = 0, squares1 = 0, squares0 = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double wi = w ? (*w)(i) : 1.0;
      const bool isTreated = treatment(i) == 1.0;
      (isTreated ? n1 : n0) += 1;
      if (wi <= 0) continue;
      (isTreated ? m1 : m0) += 1;
      (isTreated ? sum1 : sum0) += wi;
      (isTreated ? squares1 : squares0) += wi * wi;
    }
    if (n1 < 2 || n0 < 2)
      return makeError(ErrorCode::EmptyGroup, "Balance needs at least two treated and two control units");
    if (m1 == 0 || m0 == 0)
      return makeError(ErrorCode::EmptyGroup, "Balance: a group has no unit with positive weight after adjustment");
    BalanceTable& table = tables[a];
    table.estimand = estimand;
    table.adjustment = a < adjustments.size() ? adjustments[a].label : std::string();
    table.rows.resize(names.size());
    table.nTreated = static_cast<std::size_t>(m1);
    table.nControl = static_cast<std::size_t>(m0);
    table.essTreated = sum1 * sum1 / squares1;
    table.essControl = sum0 * sum0 / squares0;
    table.conventions = conventionsFor(estimand);
    if (w) weights.push_back(w);
  }

  parallelFor(names.size(), threads, [&](std::size_t jj) {
    const auto j = static_cast<Eigen::Index>(jj);
    const double* x = covariates.col(j).data();  // contiguous: no copy
    const double* t = treatment.data();
    const auto rows = static_cast<std::size_t>(n);
    // Two reads of the column: one for its range and mean, one for every group sum and, unless
    // it is 0/1, every KS bucket mass (unadjusted first, then each weight).
    const ColumnScan columnScan = scan(x, rows, kBalanceBlockRows);
    const bool binary = columnScan.binary;
    const double shift = columnScan.sum / static_cast<double>(n);
    const std::size_t sets = weights.size() + 1;
    std::vector<GroupSums> sums(sets);
    const detail::KsBuckets buckets = detail::ksBuckets(columnScan.lo, columnScan.hi, rows);
    std::vector<std::vector<double>> mass(binary ? 0 : sets, std::vector<double>(2 * buckets.count, 0.0));
    Eigen::ArrayXd d;     // x - shift over one block
    Eigen::ArrayXi slot;  // each row's place in a weighting's masses (KsBuckets::slots)
    for (std::size_t begin = 0; begin < rows; begin += kBalanceBlockRows) {
      const std::size_t count = std::min(kBalanceBlockRows, rows - begin);
      const BlockArray block(x + begin, static_cast<Eigen::Index>(count)), tBlock(t + begin, block.size());
      d = block - shift;
      if (!binary) slot = buckets.slots(block, tBlock);
      for (std::size_t k = 0; k < sets; ++k) {
        const double* w = k == 0 ? nullptr : weights[k - 1]->data() + begin;
        sums[k].add(d, tBlock, w);
        if (binary) continue;
        double* m = mass[k].data();
        if (w)
          for (Eigen::Index i = 0; i < slot.size(); ++i) m[slot[i]] += w[i];
        else
          for (Eigen::Index i = 0; i < slot.size(); ++i) m[slot[i]] += 1.0;
      }
    }
    const ColumnSummary raw = sums[0].summary(shift);
    // Standardisers always come from the unadjusted sample.
    const double sd = standardizer(estimand, std::sqrt(raw.var1), std::sqrt(raw.var0));
    const double sdCobalt = binary ? standardizer(estimand, std::sqrt(raw.mean1 * (1 - raw.mean1)),
                                                  std::sqrt(raw.mean0 * (1 - raw.mean0)))
                                   : sd;
    std::vector<ColumnSummary> adjusted;
    for (std::size_t k = 1; k < sets; ++k) adjusted.push_back(sums[k].summary(shift));
    // For a 0/1 column the KS statistic is the absolute difference in proportions: no sort.
    std::vector<double> ks;
    if (binary) {
      ks.push_back(std::fabs(raw.mean1 - raw.mean0));
      for (const auto& a : adjusted) ks.push_back(std::fabs(a.mean1 - a.mean0));
    } else {
      std::vector<const double*> weightings{nullptr};
      for (const Eigen::VectorXd* w : weights) weightings.push_back(w->data());
      ks = detail::ksFromMasses(x, t, weightings, rows, buckets, mass);
    }
    std::size_t next = 0;
    for (std::size_t a = 0; a < tables.size(); ++a) {
      BalanceRow& row = tables[a].rows[jj];
      row.name = names[jj];
      row.binary = binary;
      row.unadjusted = statistics(raw, sd, sdCobalt, ks[0]);
      if (a < adjustments.size() && adjustments[a].weights) {
        row.adjusted = statistics(adjusted[next], sd, sdCobalt, ks[next + 1]);
        ++next;
      }
    }
  });
  for (auto& table : tables)
    for (const auto& row : table.rows) {
      table.maxAbsSmdUnadjusted = std::max(table.maxAbsSmdUnadjusted, std::fabs(row.unadjusted.smd));
      if (row.adjusted) table.maxAbsSmdAdjusted = std::max(table.maxAbsSmdAdjusted, std::fabs(row.adjusted->smd));
    }
  return tables;
}

Result<BalanceTable> computeBalance(const Eigen::MatrixXd& covariates, const std::vector<std::string>& names,
                                    const Eigen::VectorXd& treatment, Estimand estimand, const Eigen::VectorXd* weights,
                                    std::string adjustment, unsigned threads) {
  auto tables = computeBalanceTables(covariates, names, treatment, estimand,
                                     {BalanceAdjustment{std::move(adjustment), weights}}, threads);
  if (!tables) return tables.error();
  return std::move(tables->front());
}

}  // namespace causeway::estimation
