#pragma once

#include <Eigen/Dense>

#include "causeway/common/Result.hpp"

// The 2×2 difference-in-differences estimators on panel data (one cohort against its controls,
// one base and one later period), as in Sant'Anna & Zhao (J. Econometrics 2020) and R's DRDID
// (reg_did_panel, std_ipw_did_panel, drdid_panel). Inputs are per unit of the 2×2: dy = Y_t − Y_base,
// d = 1 for the cohort, x = covariates with an intercept first column. The influence function is
// scaled so that Var(att) ≈ mean(IF²) / n.
namespace causeway::panel::detail {

struct TwoByTwo {
  double att = 0;
  Eigen::VectorXd influence;
};

// Difference of mean changes (all three estimators reduce to it without covariates).
[[nodiscard]] TwoByTwo didUnconditional(const Eigen::VectorXd& dy, const Eigen::VectorXd& d);
// Outcome regression: an OLS model of dy on x among the controls, averaged over the cohort.
[[nodiscard]] Result<TwoByTwo> didRegression(const Eigen::VectorXd& dy, const Eigen::VectorXd& d, const Eigen::MatrixXd& x);
// Standardised (Hájek) inverse probability weighting with a logit propensity score.
[[nodiscard]] Result<TwoByTwo> didIpw(const Eigen::VectorXd& dy, const Eigen::VectorXd& d, const Eigen::MatrixXd& x);
// Doubly robust: both models; consistent if either is right.
[[nodiscard]] Result<TwoByTwo> didDoublyRobust(const Eigen::VectorXd& dy, const Eigen::VectorXd& d, const Eigen::MatrixXd& x);

}  // namespace causeway::panel::detail
