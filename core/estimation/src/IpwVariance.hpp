#pragma once

#include <vector>

#include <Eigen/Core>

#include "causeway/estimation/Estimand.hpp"

#include "causeway/estimation/LogisticRegression.hpp"

namespace causeway::estimation::detail {

// Variance of the treatment coefficient of the Hájek WLS y ~ 1 + t with weights w(e), when e
// are the fitted values of a logistic regression of t on [1, x] — the sandwich of the stacked
// estimating equations (logistic score x~(t - e), WLS w z (y - z'b)), as WeightIt's
// M-estimation. The weights' slopes dw/d(linear predictor) follow from the estimand (0 where
// `capped` marks a weight set to its cap; empty: none).
// `known`: the logistic fit's own standardization and inverse information at e (unpenalised),
// which saves summing the information again; null: computed here.
[[nodiscard]] double ipwMEstimationVariance(const Eigen::MatrixXd& x, const Eigen::VectorXd& t, const Eigen::VectorXd& y,
                                            const Eigen::VectorXd& e, const Eigen::VectorXd& w,
                                            Estimand estimand, const std::vector<bool>& capped, double intercept,
                                            double effect,
                                            unsigned threads, const StandardizedInformation* known = nullptr);

}  // namespace causeway::estimation::detail
