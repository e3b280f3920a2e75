#include "causeway/estimation/PrimaryChoice.hpp"

#include <algorithm>
#include <sstream>

namespace causeway::estimation {

namespace {

const EffectEstimate* find(const EstimationReport& report, Method method) {
  for (const auto& e : report.estimates)
    if (e.method == method) return &e;
  return nullptr;
}

std::string twoDigits(double v) {
  std::ostringstream s;
  s.precision(2);
  s << std::fixed << v;
  return s.str();
}

}  // namespace

std::optional<PrimaryChoice> choosePrimary(const EstimationReport& report, const EstimationRequest& request) {
  std::optional<Method> named = request.refuteMethod;
  if (!named && request.methods.size() == 1) named = request.methods.front();
  if (named && find(report, *named))
    return PrimaryChoice{*named, std::string(displayName(*named)) + ": the method asked for"};

  std::string passedOver;
  const bool matchingImbalanced = report.balanceMatched &&
                                  report.balanceMatched->maxAbsSmdAdjusted > request.primaryMaxMatchingSmd;
  if (find(report, Method::Matching) && matchingImbalanced)
    passedOver = "; matching left out: its largest |SMD| after matching is " +
                 twoDigits(report.balanceMatched->maxAbsSmdAdjusted) + ", above " +
                 twoDigits(request.primaryMaxMatchingSmd);
  if (named) passedOver += std::string("; ") + displayName(*named) + ", asked for, gave no estimate";

  struct Candidate {
    Method method;
    const char* why;
  };
  const Candidate order[] = {
      {Method::Aipw, "the propensity and the outcome models both fitted, and the estimate is consistent if either is "
                     "right"},
      {Method::Ipw, "the doubly robust estimate is not available; weighting by the propensity model"},
      {Method::GComputation, "the weighting estimates are not available; averaging the outcome models"},
      {Method::Matching, "no weighting or outcome-model estimate is available; matching balanced the covariates"},
      {Method::RegressionAdjustment, "no other adjusted estimate is available; the coefficient is the ATE only if the "
                                     "effect is the same for everyone"},
  };
  for (const auto& c : order) {
    if (!find(report, c.method) || (c.method == Method::Matching && matchingImbalanced)) continue;
    return PrimaryChoice{c.method, std::string(displayName(c.method)) + ": " + c.why + passedOver};
  }
  if (report.covariateColumns.empty() && find(report, Method::DifferenceInMeans))
    return PrimaryChoice{Method::DifferenceInMeans,
                         std::string(displayName(Method::DifferenceInMeans)) + ": there is nothing to adjust for" +
                             passedOver};
  return std::nullopt;
}

}  // namespace causeway::estimation
