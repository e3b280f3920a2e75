#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"

namespace causeway::estimation {

struct LogisticOptions {
  // Converged when |dev - dev_prev| / (|dev| + 0.1) < tolerance (R's glm criterion).
  double tolerance = 1e-12;
  int maxIterations = 100;
  // Ridge penalty (lambda / 2) * sum(b_j^2) on the coefficients of the *standardized*
  // covariates (mean 0, SD 1); the intercept is never penalised. 0 = plain maximum likelihood.
  double l2Penalty = 0.0;
  unsigned threads = 0;  // 0 = all hardware threads (small inputs run on one)
  // The caller has checked the inputs as validateDesign does (finite covariates, a 0/1 response
  // with both values present): the fit skips its own pass over them.
  bool inputsChecked = false;
};

// The inverse Fisher information at the estimate in the coordinates the fit worked in, the
// intercept and the covariates standardized as (x - mean) / sd (sd with n - 1), for a
// variance that needs the information again (the IPW sandwich) without recomputing it.
struct StandardizedInformation {
  Eigen::RowVectorXd means;  // of the covariate columns
  Eigen::RowVectorXd sds;
  Eigen::MatrixXd inverse;   // (1 + columns) square
};

// One row of the coefficient table.
struct Coefficient {
  std::string name;
  double estimate = 0.0;
  double standardError = 0.0;
  double z = 0.0;
  double pValue = 1.0;
};

struct LogisticFit {
  std::vector<Coefficient> coefficients;  // "(Intercept)" first, then covariates in order
  Eigen::VectorXd beta;                   // the estimates as a vector, same order
  Eigen::MatrixXd covariance;             // inverse Fisher information (original scale)
  Eigen::VectorXd fitted;                 // P(T = 1 | x) per unit
  double deviance = 0.0;
  double nullDeviance = 0.0;
  double aic = 0.0;  // deviance + 2 * (number of coefficients)
  int iterations = 0;
  std::size_t n = 0;
  std::size_t fittedAtBounds = 0;  // units with fitted probability within 1e-10 of 0 or 1
  double l2Penalty = 0.0;
  std::string conventions;
  StandardizedInformation information;  // of the penalised likelihood when l2Penalty > 0
};

// Logistic regression of a 0/1 response on an intercept plus the columns of `x` by
// Newton-Raphson (IRLS). X'WX is accumulated block-wise over threads, never an n x n matrix,
// and never a copy of x.
//
// Errors: InvalidArgument (sizes, non-0/1 response, non-finite values), EmptyGroup (response
// constant), Collinearity (constant or linearly dependent columns, named), Separation
// (complete or quasi-complete; the variables involved are named), NotConverged, Cancelled.
[[nodiscard]] Result<LogisticFit> fitLogistic(const Eigen::MatrixXd& x, const Eigen::VectorXd& response,
                                              const std::vector<std::string>& columnNames,
                                              const LogisticOptions& options = {},
                                              const Progress& progress = {});

}  // namespace causeway::estimation
