#include <algorithm>
#include <cctype>
#include <string>

#include "causeway/estimation/EffectEstimate.hpp"

namespace causeway::estimation {

const char* toString(Method method) {
  switch (method) {
    case Method::DifferenceInMeans: return "difference-in-means";
    case Method::RegressionAdjustment: return "regression";
    case Method::GComputation: return "g-computation";
    case Method::Ipw: return "ipw";
    case Method::Matching: return "matching";
    case Method::Aipw: return "aipw";
  }
  return "?";
}

const char* displayName(Method method) {
  switch (method) {
    case Method::DifferenceInMeans: return "Difference in means (unadjusted)";
    case Method::RegressionAdjustment: return "OLS coefficient (ATE if effect is constant)";
    case Method::GComputation: return "G-computation (per-arm outcome models)";
    case Method::Ipw: return "Inverse probability weighting (Hajek)";
    case Method::Matching: return "Nearest-neighbour propensity score matching";
    case Method::Aipw: return "Augmented IPW (doubly robust)";
  }
  return "?";
}

const std::vector<Method>& allMethods() {
  static const std::vector<Method> methods{Method::DifferenceInMeans, Method::RegressionAdjustment,
                                           Method::GComputation,      Method::Ipw,
                                           Method::Matching,          Method::Aipw};
  return methods;
}

std::optional<Method> parseMethod(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (Method m : allMethods())
    if (lower == toString(m)) return m;
  if (lower == "dim" || lower == "naive") return Method::DifferenceInMeans;
  if (lower == "ols" || lower == "regression-adjustment") return Method::RegressionAdjustment;
  if (lower == "gcomp" || lower == "gcomputation") return Method::GComputation;
  if (lower == "nearest" || lower == "psm") return Method::Matching;
  if (lower == "dr" || lower == "doubly-robust") return Method::Aipw;
  return std::nullopt;
}

std::optional<std::string> notApplicableReason(Method method, Estimand estimand) {
  switch (method) {
    case Method::Matching:
      if (estimand == Estimand::ATE || estimand == Estimand::ATO)
        return std::string("matching estimates the ATT or the ATC, not the ") + toString(estimand) +
               " (choose the estimand ATT or ATC to match)";
      break;
    case Method::RegressionAdjustment:
      // The coefficient is one number for everyone; only the ATE reading of it is defensible.
      if (estimand != Estimand::ATE)
        return std::string("the regression coefficient is not an ") + toString(estimand) +
               "; under effect heterogeneity it is a variance-weighted average (g-computation is the outcome-model "
               "estimate of the " + toString(estimand) + ")";
      break;
    case Method::GComputation:
      if (estimand == Estimand::ATO) return std::string("g-computation estimates the ATE, ATT or ATC, not the ATO");
      break;
    default: break;
  }
  return std::nullopt;
}

bool needsPropensity(Method method) {
  return method == Method::Ipw || method == Method::Matching || method == Method::Aipw;
}

}  // namespace causeway::estimation
