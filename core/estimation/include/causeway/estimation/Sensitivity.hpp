#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Design.hpp"
#include "causeway/estimation/OmittedVariableBias.hpp"
#include "causeway/estimation/SensitivityContours.hpp"

// Sensitivity of the regression estimate to an unmeasured confounder (Cinelli & Hazlett 2020).
// Covers the OLS estimate of the effect of D on Y adjusted for the design's covariates (the
// regression-adjustment estimate). Weighting, matching and doubly robust estimates are not
// covered by these bounds (matching has Rosenbaum bounds, RosenbaumBounds.hpp).
namespace causeway::estimation {

struct SensitivityOptions {
  // Benchmark covariates: design variables ("race": all its dummies as one group) or single
  // design columns ("racehispan"). Empty: the covariate whose k = 1 bound implies the largest bias.
  std::vector<std::string> benchmarks;
  std::vector<double> kd = {1.0, 2.0, 3.0};
  std::vector<double> ky;  // empty: the same as kd
  double q = 1.0;          // RV_q: the fraction of the estimate to explain away
  double alpha = 0.05;     // RV_{q,α} and the adjusted CIs
  bool contours = true;
  int gridSize = 61;       // points per axis of the contour grids
};

struct BenchmarkBound {
  std::string benchmark;             // variable or column named
  std::vector<std::string> columns;  // its design columns (a categorical: every dummy)
  double kd = 1.0;
  double ky = 1.0;
  double r2dxj = 0.0;  // R²D~Xj|X−j, the benchmark's own (group) partial R²
  double r2yxj = 0.0;  // R²Y~Xj|D,X−j
  AdjustedEstimate adjusted;  // r2dz / r2yz are the bound's R²D~Z|X and R²Y~Z|D,X
};

struct SensitivityAnalysis {
  std::string treatment;
  std::string outcome;
  std::size_t n = 0;
  double estimate = 0.0;  // OLS coefficient of D
  double se = 0.0;        // classical OLS SE (not the HC2 SE of the regression estimate)
  double t = 0.0;
  double dof = 0.0;       // n − rank of (intercept, X, D)
  double r2yd_x = 0.0;    // partial R² of D with Y given X
  double rvQ = 0.0;
  double rvQAlpha = 0.0;
  double q = 1.0;
  double alpha = 0.05;
  std::vector<BenchmarkBound> bounds;  // benchmark by benchmark, k by k
  std::vector<std::string> notes;      // bounds that cannot exist, aliased columns, ...
  SensitivityPlots plots;              // empty when options.contours is false
  std::string conventions;
};

// Errors: InvalidArgument (a benchmark that is not a covariate of the design; q <= 0; alpha
// outside (0, 1); k < 0; too few rows), Collinearity (the treatment is a linear combination
// of the covariates). Cost: one pass over the data for the cross-product matrix of (X, D, Y),
// then O(p³) on it; no further pass per benchmark.
[[nodiscard]] Result<SensitivityAnalysis> analyzeSensitivity(const data::Design& design,
                                                             const SensitivityOptions& options = {});

}  // namespace causeway::estimation
