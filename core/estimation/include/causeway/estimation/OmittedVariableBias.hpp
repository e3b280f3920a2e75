#pragma once

#include <optional>

#include "causeway/common/Result.hpp"

// Omitted-variable-bias formulas of Cinelli & Hazlett (JRSS-B 2020, "Making sense of
// sensitivity"), on the OLS fit of Y on D and X with its classical standard error and residual
// degrees of freedom (dof = n - rank). Pure functions of the fit's summary numbers, so that the
// analysis, the report and the GUI's plots all use one implementation.
namespace causeway::estimation {

// Student t quantile with `dof` degrees of freedom.
[[nodiscard]] double studentQuantile(double p, double dof);

// Partial R² of D with Y given X: t² / (t² + dof).
[[nodiscard]] double partialR2(double t, double dof);

// Robustness value RV_{q,α} (section 4.1 and appendix of the paper): the partial R² that a
// confounder would need with both D and Y to reduce the estimate by 100·q % (no α), or to make
// the reduced estimate not significant at level α. With α: f_q − f*, f* = |t_{α/2, dof−1}| / √(dof−1);
// 0 when f_q ≤ f*; when f_q > 1/f* the constraint R² ≤ 1 binds and RV = (f_q² − f*²)/(1 + f_q²).
[[nodiscard]] double robustnessValue(double t, double dof, double q, std::optional<double> alpha = std::nullopt);

// What a confounder Z with R²D~Z|X = r2dz and R²Y~Z|D,X = r2yz does to the estimate.
struct AdjustedEstimate {
  double r2dz = 0.0;
  double r2yz = 0.0;
  double bias = 0.0;      // |bias| = se·√(r2yz·r2dz / (1 − r2dz))·√dof
  double estimate = 0.0;  // moved towards zero by the bias (the paper's "reduce" direction)
  double se = 0.0;        // se·√((1 − r2yz)/(1 − r2dz))·√(dof/(dof − 1))
  double t = 0.0;
  double ciLow = 0.0;     // estimate ∓ t_{1−α/2, dof−1}·se
  double ciHigh = 0.0;
};

// r2dz in [0, 1), r2yz in [0, 1]; dof > 1.
[[nodiscard]] AdjustedEstimate adjustEstimate(double estimate, double se, double dof, double r2dz, double r2yz,
                                              double alpha);

// The partial R²s of a confounder k times as strong as an observed covariate (or group) X_j, from
// r2dxj = R²D~Xj|X−j and r2yxj = R²Y~Xj|D,X−j (the paper's section 6.1 and appendix B):
//   r2dz = kD·r2dxj/(1 − r2dxj); r2zxj = kD·r2dxj²/((1 − kD·r2dxj)(1 − r2dxj));
//   r2yz = ((√kY + √r2zxj)/√(1 − r2zxj))²·r2yxj/(1 − r2yxj), capped at 1.
// InvalidArgument when kD is so large that r2dz or r2zxj reaches 1 (no such confounder exists).
struct BenchmarkR2 {
  double r2dz = 0.0;
  double r2yz = 0.0;
};
[[nodiscard]] Result<BenchmarkR2> boundFromBenchmark(double r2dxj, double r2yxj, double kd, double ky);

}  // namespace causeway::estimation
