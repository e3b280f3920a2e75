#pragma once

#include <Eigen/Core>

namespace causeway::estimation::detail {

// Variance of the treatment coefficient of the Hájek WLS y ~ 1 + t with weights w(e), when e
// are the fitted values of a logistic regression of t on [1, x] — the sandwich of the stacked
// estimating equations (logistic score x~(t - e), WLS w z (y - z'b)), as WeightIt's
// M-estimation. `weightSlope` is dw/d(linear predictor) per unit (0 where a weight was capped).
[[nodiscard]] double ipwMEstimationVariance(const Eigen::MatrixXd& x, const Eigen::VectorXd& t, const Eigen::VectorXd& y,
                                            const Eigen::VectorXd& e, const Eigen::VectorXd& w,
                                            const Eigen::VectorXd& weightSlope, double intercept, double effect,
                                            unsigned threads);

}  // namespace causeway::estimation::detail
