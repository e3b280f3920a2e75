#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"

// Empirical calibration with negative controls (Schuemie et al., Stat Med 2014): estimates of
// effects known to be zero show the design's systematic error; fit its distribution and judge
// the primary estimate against it instead of against zero.
namespace causeway::estimation {

struct ControlEstimate {
  double estimate = 0.0;
  double se = 0.0;
};

struct SystematicError {
  double mu = 0.0;     // mean systematic error
  double sigma = 0.0;  // its spread across controls (>= 0)
  double logLikelihood = 0.0;
  std::size_t controls = 0;
};

struct CalibratedEstimate {
  SystematicError error;
  double estimate = 0.0;
  double se = 0.0;
  double p = 1.0;       // calibrated two-sided p-value: z = (θ − μ)/√(σ² + s²)
  double ciLow = 0.0;   // θ − μ ∓ z_{(1+level)/2}·√(σ² + s²)
  double ciHigh = 0.0;
  double level = 0.95;
  std::string conventions;
};

// Maximum likelihood of θᵢ ~ N(μ, σ² + sᵢ²): μ given σ is the precision-weighted mean, σ
// maximises the profile likelihood (grid, then golden section). Errors: InvalidArgument with
// fewer than 3 controls, a non-finite estimate or a non-positive SE.
[[nodiscard]] Result<SystematicError> fitSystematicError(const std::vector<ControlEstimate>& controls);

// The primary estimate calibrated against the fitted error. The error distribution is taken to
// be the same whatever the true effect (the 2014 paper's null model, applied to the CI as well).
[[nodiscard]] Result<CalibratedEstimate> calibrateEstimate(const std::vector<ControlEstimate>& controls, double estimate,
                                                           double se, double level = 0.95);

}  // namespace causeway::estimation
