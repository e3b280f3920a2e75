#include "causeway/estimation/EValue.hpp"

#include <cmath>
#include <limits>

namespace causeway::estimation {

double eValueOfRiskRatio(double riskRatio) {
  if (!(riskRatio > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  const double rr = riskRatio < 1.0 ? 1.0 / riskRatio : riskRatio;
  return rr + std::sqrt(rr * (rr - 1.0));
}

EValue eValueForRiskRatio(double riskRatio, double low, double high) {
  EValue out;
  out.riskRatio = riskRatio;
  out.riskRatioLow = low;
  out.riskRatioHigh = high;
  out.point = eValueOfRiskRatio(riskRatio);
  if (riskRatio >= 1.0) out.ci = low <= 1.0 ? 1.0 : eValueOfRiskRatio(low);
  else out.ci = high >= 1.0 ? 1.0 : eValueOfRiskRatio(high);
  out.conventions = "E-value = RR + sqrt(RR(RR-1)) (1/RR when RR < 1); CI E-value from the limit nearer 1, 1 if the CI includes 1.";
  return out;
}

EValue eValueForDifference(double estimate, double low, double high, double outcomeSd) {
  auto rr = [&](double difference) { return std::exp(0.91 * difference / outcomeSd); };
  EValue out = eValueForRiskRatio(rr(estimate), rr(low), rr(high));
  out.conventions = "E-value for a continuous outcome: d = effect / SD of the outcome in the analysis sample (n-1), "
                    "RR ~ exp(0.91 d) (VanderWeele & Ding 2017), applied to the estimate and the CI limits; " +
                    out.conventions;
  return out;
}

}  // namespace causeway::estimation
