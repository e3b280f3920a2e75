#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"
#include "causeway/estimation/Estimand.hpp"

namespace causeway::estimation {

// Balance of one covariate column in one sample (unadjusted, or weighted/matched).
struct BalanceStatistics {
  double meanTreated = 0.0;  // weighted means when adjusted
  double meanControl = 0.0;
  double rawDifference = 0.0;  // meanTreated - meanControl (cobalt's default for binary columns)
  // (meanTreated - meanControl) / s, s from the UNADJUSTED sample with n-1 denominators:
  // treated SD (ATT), control SD (ATC), sqrt((s1^2 + s0^2) / 2) (ATE, ATO). Used for every
  // column, binary ones included.
  double smd = 0.0;
  // What cobalt's bal.tab(..., binary = "std") reports: as smd, but a binary column's SD is
  // sqrt(p (1 - p)) (no n-1 correction), p its unadjusted group proportion.
  double smdCobaltStd = 0.0;
  // v1 / v0, weighted variances sum w (x - m)^2 / (sum w - sum w^2 / sum w).
  double varianceRatio = 0.0;
  // max |F1(x) - F0(x)| over the weighted ECDFs (weights normalised within group).
  double ks = 0.0;
};

struct BalanceRow {
  std::string name;
  bool binary = false;  // only 0/1 values
  BalanceStatistics unadjusted;
  std::optional<BalanceStatistics> adjusted;
};

struct BalanceTable {
  Estimand estimand = Estimand::ATT;
  std::string adjustment;  // e.g. "ATT weights", "matching weights"; empty when unadjusted only
  std::vector<BalanceRow> rows;
  std::size_t nTreated = 0;  // units in the (adjusted) sample with positive weight
  std::size_t nControl = 0;
  double essTreated = 0.0;  // (sum w)^2 / sum w^2 per group, of the adjusted weights (n when unadjusted)
  double essControl = 0.0;
  double maxAbsSmdUnadjusted = 0.0;
  double maxAbsSmdAdjusted = 0.0;
  std::string conventions;
};

// Balance before and (when `weights` is given) after adjustment. Units with weight 0 (e.g.
// unmatched) are outside the adjusted sample. Errors: InvalidArgument (sizes, negative
// weights), EmptyGroup.
[[nodiscard]] Result<BalanceTable> computeBalance(const Eigen::MatrixXd& covariates,
                                                  const std::vector<std::string>& names,
                                                  const Eigen::VectorXd& treatment, Estimand estimand,
                                                  const Eigen::VectorXd* weights = nullptr,
                                                  std::string adjustment = {}, unsigned threads = 0);

// One adjusted sample to compare with the unadjusted one.
struct BalanceAdjustment {
  std::string label;  // e.g. "ATT weights"
  const Eigen::VectorXd* weights = nullptr;
};

// Several tables at once (e.g. after weighting and after matching), sharing the unadjusted
// statistics and one bucketing of each continuous column: the same tables as computeBalance, faster.
[[nodiscard]] Result<std::vector<BalanceTable>> computeBalanceTables(const Eigen::MatrixXd& covariates,
                                                                     const std::vector<std::string>& names,
                                                                     const Eigen::VectorXd& treatment, Estimand estimand,
                                                                     const std::vector<BalanceAdjustment>& adjustments,
                                                                     unsigned threads = 0);

}  // namespace causeway::estimation
