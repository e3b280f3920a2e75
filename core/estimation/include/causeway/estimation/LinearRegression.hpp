#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"

namespace causeway::estimation {

// How the coefficient covariance is estimated.
//   Classical: sigma^2 (X'WX)^-1, sigma^2 = sum(w e^2) / (n - k)
//   HC0..HC3 (White 1980; MacKinnon & White 1985), as R's sandwich::vcovHC on lm(..., weights):
//     bread (X'WX)^-1, meat sum (w_i e_i)^2 x_i x_i' / (1 - h_i)^a, h_i = w_i x_i'(X'WX)^-1 x_i,
//     a = 0 (HC0, HC1), 1 (HC2), 2 (HC3); HC1 multiplies HC0 by n / (n - k).
//   ClusterCR1: as sandwich::vcovCL(type = "HC1", cadjust = TRUE): meat sum_g u_g u_g',
//     u_g = sum_{i in g} w_i e_i x_i, times G / (G - 1) * (n - 1) / (n - k).
// n counts units with positive weight; k counts non-aliased coefficients.
enum class CovarianceType { Classical, HC0, HC1, HC2, HC3, ClusterCR1 };

[[nodiscard]] const char* toString(CovarianceType type);

struct LinearOptions {
  CovarianceType covariance = CovarianceType::HC2;
  const std::vector<std::int64_t>* clusters = nullptr;  // one id per row, for ClusterCR1
  // true: columns that are linear combinations of earlier ones get coefficient 0 and NaN SE
  // (R's lm); false: they are a Collinearity error naming the columns.
  bool dropAliased = false;
  // false: coefficients only (covariance and SEs NaN), one pass over the data fewer.
  bool computeCovariance = true;
  // A column placed before the columns of x (coefficient right after the intercept), without
  // copying x: how y ~ t + X is fitted. Its name is leadingName.
  const Eigen::VectorXd* leadingColumn = nullptr;
  std::string leadingName;
  unsigned threads = 0;
};

struct LinearFit {
  std::vector<std::string> names;  // "(Intercept)" then the columns
  Eigen::VectorXd beta;            // original scale; aliased columns 0
  Eigen::MatrixXd covariance;      // original scale; aliased rows/columns NaN
  Eigen::VectorXd standardErrors;
  std::vector<bool> aliased;
  std::size_t n = 0;     // units with positive weight
  std::size_t rank = 0;  // non-aliased coefficients
  CovarianceType covarianceType = CovarianceType::HC2;
  std::string conventions;

  // beta0 + x * beta (aliased columns contribute nothing, as R's predict on a rank-deficient fit).
  // x has the fitted columns in order (with a leadingColumn fit, that column first).
  [[nodiscard]] Eigen::VectorXd predict(const Eigen::MatrixXd& x) const;
};

// Least squares of y on an intercept plus the columns of x, optionally weighted (weights >= 0;
// rows with weight 0 are left out, which is how per-arm models are fitted without copying).
// Errors: InvalidArgument (sizes, negative weights, too few units), MissingData (non-finite),
// Collinearity (unless dropAliased).
[[nodiscard]] Result<LinearFit> fitLinear(const Eigen::MatrixXd& x, const Eigen::VectorXd& y,
                                          const std::vector<std::string>& columnNames,
                                          const Eigen::VectorXd* weights = nullptr,
                                          const LinearOptions& options = {});

}  // namespace causeway::estimation
