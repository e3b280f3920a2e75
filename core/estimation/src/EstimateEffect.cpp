#include <sstream>

#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/Estimators.hpp"
#include "causeway/estimation/PropensityWeights.hpp"

namespace causeway::estimation {

Result<EffectEstimate> estimateEffect(const data::Design& design, Method method, const EstimatorOptions& given,
                                      const Progress& progress) {
  if (!given.designValidated)
    if (auto valid = validateDesign(design, given.threads); !valid) return valid.error();
  EstimatorOptions options = given;
  // Checked once here; a trimmed sample is a new design, which its estimator checks again.
  options.designValidated = !options.trim.has_value();
  const bool fitPropensity = needsPropensity(method) || options.trim.has_value();
  if (!fitPropensity) {
    switch (method) {
      case Method::DifferenceInMeans: return estimateDifferenceInMeans(design, options);
      case Method::RegressionAdjustment: return estimateRegressionAdjustment(design, options);
      case Method::GComputation: return estimateGComputation(design, options);
      default: break;
    }
  }
  LogisticOptions lo = options.propensity;
  if (lo.threads == 0) lo.threads = options.threads;
  auto model = fitLogistic(design.covariates, design.treatment, design.covariateNames, lo, progress);
  if (!model) return model.error();
  const data::Design* sample = &design;
  Eigen::VectorXd propensity = std::move(model->fitted);
  data::Design trimmed;
  std::string trimNote;
  if (options.trim) {
    const TrimResult trim = trimByPropensity(design.treatment, propensity, options.trim->first, options.trim->second);
    trimmed = subsetRows(design, trim.kept);
    propensity = propensity(trim.kept).eval();
    sample = &trimmed;
    std::ostringstream text;
    text << "Trimmed to propensity scores in [" << trim.lower << ", " << trim.upper << "]: dropped "
         << trim.droppedTreated << " treated and " << trim.droppedControl
         << " control units (propensity model not refitted; an IPW M-estimation SE then treats it as fitted on the "
            "kept units, an approximation).";
    trimNote = text.str();
  }
  Result<EffectEstimate> result = makeError(ErrorCode::InvalidArgument, "unknown method");
  switch (method) {
    case Method::DifferenceInMeans: result = estimateDifferenceInMeans(*sample, options); break;
    case Method::RegressionAdjustment: result = estimateRegressionAdjustment(*sample, options); break;
    case Method::GComputation: result = estimateGComputation(*sample, options); break;
    case Method::Ipw: result = estimateIpw(*sample, propensity, options); break;
    case Method::Matching: result = estimateMatching(*sample, propensity, options); break;
    case Method::Aipw: result = estimateAipw(*sample, propensity, options); break;
  }
  if (result && !trimNote.empty()) result->notes.push_back(trimNote);
  return result;
}

}  // namespace causeway::estimation
