#include "causeway/estimation/EmpiricalCalibration.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "causeway/estimation/Distributions.hpp"

namespace causeway::estimation {

namespace {

struct Profile {
  double mu = 0.0;
  double logLikelihood = 0.0;
};

Profile profile(const std::vector<ControlEstimate>& c, double sigma) {
  double sw = 0.0, swx = 0.0;
  for (const auto& e : c) {
    const double w = 1.0 / (sigma * sigma + e.se * e.se);
    sw += w;
    swx += w * e.estimate;
  }
  Profile out;
  out.mu = swx / sw;
  for (const auto& e : c) {
    const double v = sigma * sigma + e.se * e.se;
    const double r = e.estimate - out.mu;
    out.logLikelihood += -0.5 * (std::log(2.0 * std::numbers::pi * v) + r * r / v);
  }
  return out;
}

}  // namespace

Result<SystematicError> fitSystematicError(const std::vector<ControlEstimate>& controls) {
  if (controls.size() < 3)
    return makeError(ErrorCode::InvalidArgument, "empirical calibration needs at least 3 negative-control estimates (got " +
                                                     std::to_string(controls.size()) + ")");
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < controls.size(); ++i) {
    const auto& e = controls[i];
    if (!std::isfinite(e.estimate) || !std::isfinite(e.se) || !(e.se > 0.0))
      return makeError(ErrorCode::InvalidArgument, "empirical calibration: negative control " + std::to_string(i + 1) +
                                                       " has a non-finite estimate or a non-positive SE");
    lo = std::min(lo, e.estimate);
    hi = std::max(hi, e.estimate);
  }
  // σ lies within [0, range]: beyond the spread of the estimates the likelihood only falls.
  const double top = std::max(hi - lo, 1e-12);
  constexpr int kGrid = 200;
  int best = 0;
  double bestLl = -INFINITY;
  for (int i = 0; i <= kGrid; ++i) {
    const double ll = profile(controls, top * i / kGrid).logLikelihood;
    if (ll > bestLl) {
      bestLl = ll;
      best = i;
    }
  }
  double a = top * std::max(best - 1, 0) / kGrid, b = top * std::min(best + 1, kGrid) / kGrid;
  const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
  for (int it = 0; it < 100 && b - a > 1e-12 * top; ++it) {
    const double x1 = b - ratio * (b - a), x2 = a + ratio * (b - a);
    if (profile(controls, x1).logLikelihood >= profile(controls, x2).logLikelihood) b = x2;
    else a = x1;
  }
  double sigma = 0.5 * (a + b);
  if (profile(controls, 0.0).logLikelihood >= profile(controls, sigma).logLikelihood) sigma = 0.0;
  const Profile fit = profile(controls, sigma);
  return SystematicError{fit.mu, sigma, fit.logLikelihood, controls.size()};
}

Result<CalibratedEstimate> calibrateEstimate(const std::vector<ControlEstimate>& controls, double estimate, double se,
                                             double level) {
  if (!std::isfinite(estimate) || !(se > 0.0))
    return makeError(ErrorCode::InvalidArgument, "empirical calibration: the primary estimate or its SE is not usable");
  auto error = fitSystematicError(controls);
  if (!error) return error.error();
  CalibratedEstimate out;
  out.error = *error;
  out.estimate = estimate;
  out.se = se;
  out.level = level;
  const double sd = std::sqrt(error->sigma * error->sigma + se * se);
  out.p = twoSidedPValue((estimate - error->mu) / sd);
  const double z = criticalValue(level);
  out.ciLow = estimate - error->mu - z * sd;
  out.ciHigh = estimate - error->mu + z * sd;
  out.conventions = "Empirical calibration (Schuemie et al. 2014): negative-control estimates modelled as N(mu, "
                    "sigma^2 + se_i^2), mu and sigma by maximum likelihood; calibrated p from z = (estimate - mu) / "
                    "sqrt(sigma^2 + se^2), calibrated CI = estimate - mu -/+ z * sqrt(sigma^2 + se^2), assuming the "
                    "same systematic error at every true effect size.";
  return out;
}

}  // namespace causeway::estimation
