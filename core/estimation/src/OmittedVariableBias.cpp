#include "causeway/estimation/OmittedVariableBias.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include <boost/math/distributions/students_t.hpp>

namespace causeway::estimation {

double studentQuantile(double p, double dof) {
  if (!(dof > 0.0) || !(p > 0.0) || !(p < 1.0)) return std::numeric_limits<double>::quiet_NaN();
  return boost::math::quantile(boost::math::students_t(dof), p);
}

double partialR2(double t, double dof) { return t * t / (t * t + dof); }

double robustnessValue(double t, double dof, double q, std::optional<double> alpha) {
  const double fq = q * std::abs(t) / std::sqrt(dof);
  auto rv = [](double f) { return 0.5 * (std::sqrt(f * f * f * f + 4.0 * f * f) - f * f); };
  if (!alpha) return rv(fq);
  const double fCrit = std::abs(studentQuantile(*alpha / 2.0, dof - 1.0)) / std::sqrt(dof - 1.0);
  const double fqa = fq - fCrit;
  if (fqa <= 0.0) return 0.0;
  if (fq > 1.0 / fCrit) return (fq * fq - fCrit * fCrit) / (1.0 + fq * fq);
  return rv(fqa);
}

AdjustedEstimate adjustEstimate(double estimate, double se, double dof, double r2dz, double r2yz, double alpha) {
  AdjustedEstimate out;
  out.r2dz = r2dz;
  out.r2yz = r2yz;
  out.bias = se * std::sqrt(r2yz * r2dz / (1.0 - r2dz)) * std::sqrt(dof);
  const double sign = estimate < 0.0 ? -1.0 : 1.0;
  out.estimate = sign * (std::abs(estimate) - out.bias);
  out.se = se * std::sqrt((1.0 - r2yz) / (1.0 - r2dz)) * std::sqrt(dof / (dof - 1.0));
  out.t = out.estimate / out.se;
  const double crit = studentQuantile(1.0 - alpha / 2.0, dof - 1.0);
  out.ciLow = out.estimate - crit * out.se;
  out.ciHigh = out.estimate + crit * out.se;
  return out;
}

Result<BenchmarkR2> boundFromBenchmark(double r2dxj, double r2yxj, double kd, double ky) {
  auto impossible = [&](const char* what) {
    std::ostringstream text;
    text << "a confounder " << kd << " times as strong as the benchmark with the treatment is impossible: "
         << what << " would reach 1 (the benchmark's partial R2 with the treatment is " << r2dxj << ")";
    return makeError(ErrorCode::InvalidArgument, text.str());
  };
  if (!(r2dxj >= 0.0 && r2dxj < 1.0) || !(r2yxj >= 0.0 && r2yxj < 1.0) || !(kd >= 0.0) || !(ky >= 0.0))
    return makeError(ErrorCode::InvalidArgument, "benchmark partial R2 must be in [0, 1) and k >= 0");
  BenchmarkR2 out;
  out.r2dz = kd * r2dxj / (1.0 - r2dxj);
  if (out.r2dz >= 1.0) return impossible("R2 of the confounder with the treatment");
  const double denom = (1.0 - kd * r2dxj) * (1.0 - r2dxj);
  const double r2zxj = kd * r2dxj * r2dxj / denom;
  if (!(denom > 0.0) || r2zxj >= 1.0) return impossible("R2 of the confounder with the benchmark");
  const double root = (std::sqrt(ky) + std::sqrt(r2zxj)) / std::sqrt(1.0 - r2zxj);
  out.r2yz = std::min(1.0, root * root * r2yxj / (1.0 - r2yxj));
  return out;
}

}  // namespace causeway::estimation
