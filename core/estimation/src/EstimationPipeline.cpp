#include "causeway/estimation/EstimationPipeline.hpp"

#include <algorithm>
#include <sstream>

#include "CovariateBenchmarks.hpp"
#include "EstimateSupport.hpp"
#include "MatchingDesign.hpp"
#include "SetComparison.hpp"
#include "causeway/data/DesignBuilder.hpp"
#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/Estimators.hpp"
#include "causeway/estimation/PrimaryChoice.hpp"
#include "causeway/estimation/PropensityWeights.hpp"

namespace causeway::estimation {
namespace {

// A child Progress covering [from, to] of the parent's range.
Progress stage(const Progress& parent, double from, double to) {
  return Progress(parent.stopToken(), [&parent, from, to](double f) { parent.report(from + f * (to - from)); });
}

EstimatorOptions estimatorOptions(const EstimationRequest& request) {
  EstimatorOptions o;
  o.estimand = request.estimand;
  o.level = request.level;
  o.regressionCovariance = request.regressionCovariance;
  o.weightingCovariance = request.weightingCovariance;
  o.stabilizeWeights = request.stabilizeWeights;
  o.truncateQuantile = request.truncateQuantile;
  o.matching = request.matching;
  o.propensity = request.propensity;
  if (request.trim) o.trim = std::pair{request.trim->lower, request.trim->upper};
  o.threads = request.threads;
  return o;
}

std::string number(double v) {
  std::ostringstream s;
  s.precision(4);
  s << v;
  return s.str();
}

Error cancelled() { return makeError(ErrorCode::Cancelled, "Estimation cancelled"); }

// The estimate that answers the question (PrimaryChoice.hpp); the refuters and the
// adjustment-set comparison use it too.
const EffectEstimate* primaryEstimate(const EstimationReport& report) {
  if (!report.primaryMethod) return nullptr;
  for (const auto& e : report.estimates)
    if (e.method == *report.primaryMethod) return &e;
  return nullptr;
}

// Estimate one method on the analysis sample with the shared propensity scores and outcome
// models (fitted on first use, then reused by g-computation and AIPW).
class SharedEstimation {
 public:
  SharedEstimation(const data::Design& sample, const Eigen::VectorXd* propensity, const EstimatorOptions& options)
      : sample_(sample), propensity_(propensity), options_(options) {}

  Result<EffectEstimate> estimate(Method method, MatchingResult* matching) {
    switch (method) {
      case Method::DifferenceInMeans: return estimateDifferenceInMeans(sample_, options_);
      case Method::RegressionAdjustment: return estimateRegressionAdjustment(sample_, options_);
      case Method::Ipw: return estimateIpw(sample_, *propensity_, options_);
      case Method::Matching: return estimateMatching(sample_, *propensity_, options_, matching);
      case Method::GComputation:
      case Method::Aipw: {
        if (!models_) models_.emplace(detail::fitOutcomeModels(sample_, options_.regressionCovariance, options_.threads));
        if (!*models_) return models_->error();
        return method == Method::GComputation ? detail::gComputationFromModels(sample_, **models_, options_)
                                              : detail::aipwFromModels(sample_, *propensity_, **models_, options_);
      }
    }
    return makeError(ErrorCode::InvalidArgument, "unknown method");
  }
  // Free the outcome models (their fits and notes) once every method has run.
  void releaseModels() { models_.reset(); }

 private:
  const data::Design& sample_;
  const Eigen::VectorXd* propensity_;
  const EstimatorOptions& options_;
  std::optional<Result<detail::OutcomeModels>> models_;
};

void addBalanceWarnings(const BalanceTable& table, std::vector<std::string>& warnings) {
  if (table.maxAbsSmdAdjusted > 0.1)
    warnings.push_back("After " + table.adjustment + " the largest |SMD| is " + number(table.maxAbsSmdAdjusted) +
                       " (above 0.1): covariates remain imbalanced");
  const double smallest = std::min(table.essTreated / static_cast<double>(std::max<std::size_t>(table.nTreated, 1)),
                                   table.essControl / static_cast<double>(std::max<std::size_t>(table.nControl, 1)));
  if (smallest < 0.1)
    warnings.push_back("The " + table.adjustment + " leave an effective sample size below 10% of a group (ESS " +
                       number(table.essTreated) + " treated, " + number(table.essControl) +
                       " control): a few units dominate");
}

}  // namespace

namespace {

// The pipeline on a design. `treatmentByCaller`: when the analysis sample is `input` itself,
// units.treatment is left empty for the caller, who owns `input` and fills it with the design's
// own vector once it is done with it (not a second copy at the memory peak).
Result<EstimationReport> estimateOnDesign(const data::Design& input, bool treatmentByCaller,
                                          const EstimationRequest& request, const Progress& progress);

}  // namespace

Result<EstimationReport> runEstimation(const data::Design& input, const EstimationRequest& request,
                                       const Progress& progress) {
  return estimateOnDesign(input, false, request, progress);
}

namespace {

Result<EstimationReport> estimateOnDesign(const data::Design& input, bool treatmentByCaller,
                                          const EstimationRequest& request, const Progress& progress) {
  if (request.methods.empty()) return makeError(ErrorCode::InvalidArgument, "No estimation method requested");
  if (!(request.level > 0.0 && request.level < 1.0))
    return makeError(ErrorCode::InvalidArgument, "The confidence level must lie in (0, 1)");
  if (request.trim && !(request.trim->lower >= 0.0 && request.trim->lower < request.trim->upper && request.trim->upper <= 1.0))
    return makeError(ErrorCode::InvalidArgument, "Propensity trimming bounds must satisfy 0 <= lower < upper <= 1");

  // The adjustment set: a copy of the design only when a subset of covariates is asked for.
  data::Design selected;
  const data::Design* design = &input;
  if (!request.covariates.empty()) {
    auto chosen = selectCovariates(input, request.covariates);
    if (!chosen) return chosen.error();
    selected = std::move(*chosen);
    design = &selected;
  }
  if (auto valid = validateDesign(*design, request.threads); !valid) return valid.error();
  // Fewer rows than the outcome model has parameters plus one: every method would fail.
  const auto rowsNeeded = static_cast<Eigen::Index>(design->covariateNames.size()) + 3;
  const Eigen::Index nTreated = (design->treatment.array() == 1.0).count(), nRows = design->treatment.size();
  if (nRows < rowsNeeded || nTreated < 2 || nRows - nTreated < 2)
    return makeError(ErrorCode::MissingData,
                     "too few rows: " + std::to_string(nRows) + " complete cases (" + std::to_string(nTreated) +
                         " treated, " + std::to_string(nRows - nTreated) + " control) for " +
                         std::to_string(design->covariateNames.size()) + " covariate columns; estimation needs at least " +
                         std::to_string(rowsNeeded) + " rows and 2 in each group",
                     {{}, 0, 0, design->treatmentName});
  if (request.trim && !request.trim->problem().empty())
    return makeError(ErrorCode::InvalidArgument, request.trim->problem());
  EstimatorOptions options = estimatorOptions(request);
  options.designValidated = true;  // the analysis sample: this design, or the trimmed one checked below

  EstimationReport report;
  report.estimand = request.estimand;
  report.treatment = design->treatmentName;
  report.outcome = design->outcomeName;
  report.treatedValue = design->treatedLabel;
  report.controlValue = design->controlLabel;
  report.nDroppedMissing = design->rowsDropped;
  report.nInput = static_cast<std::size_t>(design->size()) + design->rowsDropped;
  report.adjustmentSet = covariateVariables(*design);
  report.covariateColumns = design->covariateNames;

  // 1. Propensity model, always: overlap and balance need it even for outcome-model methods.
  std::optional<Eigen::VectorXd> propensity;
  std::optional<Error> propensityError;
  EstimatorOptions::PropensityInformation propensityInformation;
  {
    LogisticOptions lo = request.propensity;
    if (lo.threads == 0) lo.threads = request.threads;
    lo.inputsChecked = true;  // validateDesign above
    auto model = fitLogistic(design->covariates, design->treatment, design->covariateNames, lo, stage(progress, 0.0, 0.15));
    if (!model) {
      if (model.error().code == ErrorCode::Cancelled) return model.error();
      propensityError = model.error();
      report.warnings.push_back("Propensity model failed (" + std::string(causeway::toString(model.error().code)) +
                                "): " + model.error().message);
    } else {
      report.propensityModel = PropensitySummary{model->coefficients, model->deviance, model->nullDeviance,
                                                 model->aic, model->iterations, model->fittedAtBounds,
                                                 model->conventions};
      propensity = std::move(model->fitted);
      propensityInformation.information = std::move(model->information);
    }
  }

  // 2. Trimming (the analysis sample), then overlap on that sample.
  data::Design trimmed;
  const data::Design* sample = design;
  if (request.trim) {
    if (!propensity)
      return makeError(ErrorCode::InvalidArgument, "Trimming needs the propensity model, which failed: " + propensityError->message);
    const TrimResult trim = trimByPropensity(design->treatment, *propensity, request.trim->lower, request.trim->upper);
    report.nTrimmedTreated = trim.droppedTreated;
    report.nTrimmedControl = trim.droppedControl;
    trimmed = subsetRows(*design, trim.kept);
    propensity = (*propensity)(trim.kept).eval();
    sample = &trimmed;
    if (auto valid = validateDesign(trimmed, request.threads); !valid)
      return makeError(valid.error().code, "After trimming to [" + number(trim.lower) + ", " + number(trim.upper) +
                                               "]: " + valid.error().message, valid.error().context);
  }
  report.nUsed = static_cast<std::size_t>(sample->size());
  report.nTreated = static_cast<std::size_t>(sample->treatment.sum());
  report.nControl = report.nUsed - report.nTreated;
  if (progress.cancelled()) return cancelled();
  if (propensity) {
    OverlapOptions overlapOptions = request.overlap;
    overlapOptions.threads = request.threads;
    auto overlap = summarizeOverlap(sample->treatment, *propensity, overlapOptions);
    if (overlap) {
      for (const auto& w : overlap->warnings) report.warnings.push_back("Positivity: " + w);
      report.overlap = std::move(*overlap);
    }
  }
  progress.report(0.25);

  // 3. Estimates, each with the shared propensity scores.
  const auto matchingDesignNote = detail::adaptMatchingDesign(options, *sample, request);
  if (propensity && sample == design && !(request.propensity.l2Penalty > 0.0)) {
    propensityInformation.scores = &*propensity;
    options.propensityInformation = &propensityInformation;
  }
  SharedEstimation shared(*sample, propensity ? &*propensity : nullptr, options);
  std::optional<Eigen::VectorXd> matchingWeights;
  for (std::size_t k = 0; k < request.methods.size(); ++k) {
    if (progress.cancelled()) return cancelled();
    const Method method = request.methods[k];
    if (auto reason = notApplicableReason(method, request.estimand)) {
      report.notApplicable.push_back({method, *reason});
      continue;
    }
    if (needsPropensity(method) && !propensity) {
      report.failures.push_back({method, *propensityError});
      continue;
    }
    MatchingResult matching;
    auto estimate = shared.estimate(method, method == Method::Matching ? &matching : nullptr);
    if (!estimate) {
      report.failures.push_back({method, estimate.error()});
      report.warnings.push_back(std::string(displayName(method)) + " failed: " + estimate.error().message);
      continue;
    }
    if (method == Method::Matching) {
      if (matchingDesignNote) estimate->notes.insert(estimate->notes.begin(), "Controls are scarce: " + *matchingDesignNote);
      report.matchingTieShift = detail::matchingTieShift(*sample, *propensity, options, estimate->estimate);
      if (report.matchingTieShift && *report.matchingTieShift != 0.0)
        estimate->notes.push_back("Ties: with the units in reverse row order the estimate is " +
                                  number(estimate->estimate + *report.matchingTieShift) +
                                  "; it depends on how ties in the distance are broken");
      matchingWeights = std::move(matching.weights);
      for (const auto& note : estimate->notes) report.warnings.push_back("Matching: " + note);
    }
    report.estimates.push_back(std::move(*estimate));
    progress.report(0.25 + 0.15 * static_cast<double>(k + 1) / static_cast<double>(request.methods.size()));
  }
  shared.releaseModels();

  // The estimand's weights (ATT/ATE/ATC/ATO), for the balance table after weighting;
  // computed only now, so that it is not alive next to the estimators' own per-unit vectors.
  std::optional<Eigen::VectorXd> balancingWeights;
  if (propensity) {
    WeightOptions wo;
    wo.estimand = request.estimand;
    wo.stabilize = request.stabilizeWeights;
    wo.truncateQuantile = request.truncateQuantile;
    if (auto weights = computeWeights(sample->treatment, *propensity, wo)) balancingWeights = std::move(weights->weights);
  }

  // Balance before and after weighting / matching, in one go (shared bucketing for KS).
  std::vector<BalanceAdjustment> adjustments;
  if (balancingWeights)
    adjustments.push_back({std::string(toString(request.estimand)) + " weights", &*balancingWeights});
  if (matchingWeights) adjustments.push_back({"matching weights", &*matchingWeights});
  if (!adjustments.empty()) {
    if (auto tables = computeBalanceTables(sample->covariates, sample->covariateNames, sample->treatment,
                                           request.estimand, adjustments, request.threads)) {
      for (auto& table : *tables) {
        addBalanceWarnings(table, report.warnings);
        (table.adjustment == "matching weights" ? report.balanceMatched : report.balanceWeighted) = std::move(table);
      }
    }
  }
  if (progress.cancelled()) return cancelled();
  options.propensityInformation = nullptr;  // the steps below estimate on other designs and scores

  // 4. Bootstrap: the whole procedure (propensity model, trimming, estimator) per replicate.
  const unsigned threads = request.threads;
  EstimatorOptions perReplicate = options;
  perReplicate.threads = 1;  // parallelism is across replicates
  perReplicate.designValidated = false;  // resampled and modified designs are checked afresh
  perReplicate.propensity.threads = 1;
  if (request.bootstrapReplicates > 0) {
    for (std::size_t k = 0; k < report.estimates.size(); ++k) {
      EffectEstimate& estimate = report.estimates[k];
      const Method method = estimate.method;
      BootstrapOptions bo;
      bo.replicates = request.bootstrapReplicates;
      bo.seed = request.seed + 1000003ull * (static_cast<std::uint64_t>(method) + 1);
      bo.threads = threads;
      bo.level = request.level;
      const double from = 0.4 + 0.4 * static_cast<double>(k) / static_cast<double>(report.estimates.size());
      const double to = 0.4 + 0.4 * static_cast<double>(k + 1) / static_cast<double>(report.estimates.size());
      auto summary = bootstrap(
          *design,
          [&](const data::Design& resampled) -> Result<double> {
            auto e = estimateEffect(resampled, method, perReplicate);
            if (!e) return e.error();
            return e->estimate;
          },
          estimate.estimate, bo, stage(progress, from, to));
      if (!summary) {
        if (summary.error().code == ErrorCode::Cancelled) return summary.error();
        report.warnings.push_back(std::string(displayName(method)) + ": bootstrap failed: " + summary.error().message);
        continue;
      }
      if (summary->failed > 0)
        report.warnings.push_back(std::string(displayName(method)) + ": " + std::to_string(summary->failed) +
                                  " bootstrap replicates failed and were left out");
      estimate.bootstrap = std::move(*summary);
    }
  }
  progress.report(0.8);

  // 5. Refuters on the primary method, each draw re-running the whole procedure.
  if (auto choice = choosePrimary(report, request)) {
    report.primaryMethod = choice->method;
    report.primaryRule = std::move(choice->rule);
  }
  const EffectEstimate* primary = primaryEstimate(report);
  if (primary)
    report.covariateBenchmarks = detail::benchmarkCovariates(*sample, *primary, options, request.maxBenchmarkVariables,
                                                             request.maxBenchmarkCells);
  if (request.refute && primary) {
    RefuterOptions ro = request.refuters;
    ro.seed = request.seed;
    ro.threads = threads;
    const Method method = primary->method;
    const EffectFunction rerun = [&](const data::Design& modified) { return estimateEffect(modified, method, perReplicate); };
    using Refuter = Result<Refutation> (*)(const data::Design&, const EffectFunction&, const EffectEstimate&,
                                           const RefuterOptions&, const Progress&);
    const Refuter refuters[] = {refutePlaceboTreatment, refuteRandomCommonCause, refuteDataSubset};
    for (int r = 0; r < 3; ++r) {
      auto result = refuters[r](*design, rerun, *primary, ro, stage(progress, 0.8 + 0.05 * r, 0.85 + 0.05 * r));
      if (!result) {
        if (result.error().code == ErrorCode::Cancelled) return result.error();
        report.warnings.push_back("Refuter failed: " + result.error().message);
        continue;
      }
      if (result->verdict == Verdict::Concern) report.warnings.push_back(result->name + ": " + result->explanation);
      report.refutations.push_back(std::move(*result));
    }
  } else if (request.refute) {
    report.warnings.push_back("No estimate to refute");
  }

  // Per-unit values for the charts, filled last and moved: never held twice at the peak.
  if (sample != design) report.units.rows = sample->rows;  // trimmed; else the design's rows, not copied
  if (!(treatmentByCaller && sample == &input)) report.units.treatment = sample->treatment;
  if (propensity) report.units.propensity = std::move(*propensity);
  if (balancingWeights) report.units.weights = std::move(*balancingWeights);

  // 6. The primary method over alternative adjustment sets (same rows as the input design).
  if (!request.alternativeAdjustmentSets.empty() && primary) {
    // `design` is `input` or some of its columns: the same rows.
    if (auto compared =
            detail::compareAdjustmentSets(report, input, request, estimatorOptions(request), *primary,
                                          stage(progress, 0.95, 1.0), detail::reusablePrimary(report, *primary, request));
        !compared)
      return compared.error();
  }

  std::ostringstream text;
  text << "Estimand " << toString(request.estimand) << "; " << request.level * 100
       << "% normal CIs; propensity model: logistic regression on all adjustment covariates";
  if (request.trim) text << "; units with propensity outside [" << request.trim->lower << ", " << request.trim->upper << "] dropped";
  if (request.bootstrapReplicates > 0)
    text << "; bootstrap: " << request.bootstrapReplicates << " replicates re-running the whole procedure (seed "
         << request.seed << ")";
  if (request.refute) text << "; refuters: " << request.refuters.draws << " draws each (seed " << request.seed << ")";
  text << ". Each estimate, table and test states its own conventions.";
  report.conventions = text.str();
  progress.report(1.0);
  return report;
}

}  // namespace

Result<EstimationReport> runEstimation(const data::Dataset& dataset, const std::string& treatment,
                                       const std::string& outcome, const std::vector<std::string>& covariates,
                                       const EstimationRequest& request, const Progress& progress,
                                       data::Design* primaryDesign) {
  const std::vector<std::string>& names = covariates.empty() ? request.covariates : covariates;
  auto design = data::buildDesign(dataset, treatment, outcome, names, {request.treatedValue, request.threads});
  if (!design) return design.error();
  EstimationRequest own = request;
  own.covariates.clear();  // the design holds exactly the requested covariates
  own.alternativeAdjustmentSets.clear();  // compared below, on the rows complete on every set
  const bool compare = !request.alternativeAdjustmentSets.empty();
  auto report = estimateOnDesign(*design, true, own, compare ? stage(progress, 0.0, 0.95) : progress);
  if (!report) return report;
  if (compare) {
    const EffectEstimate* primary = primaryEstimate(*report);
    if (auto compared = primary ? detail::compareOnCommonRows(dataset, treatment, outcome, names, request,
                                                              estimatorOptions(request), *primary, *design, *report,
                                                              stage(progress, 0.95, 1.0))
                                : Result<void>(Ok{});
        !compared)
      return compared.error();
    progress.report(1.0);
  }
  // The units' treatment, when the sample is the design: its own vector unless the caller keeps
  // the design (the comparison may have taken it already, before freeing the design).
  if (report->units.treatment.size() == 0)
    report->units.treatment = primaryDesign ? design->treatment : std::move(design->treatment);
  if (primaryDesign && design->size() > 0) *primaryDesign = std::move(*design);
  return report;
}

}  // namespace causeway::estimation
