#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "causeway/common/Error.hpp"
#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/data/Design.hpp"
#include "causeway/estimation/AdjustmentSets.hpp"
#include "causeway/estimation/Balance.hpp"
#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/estimation/Overlap.hpp"
#include "causeway/estimation/Refuters.hpp"

namespace causeway::estimation {

struct PropensityTrim {
  double lower = 0.1;
  double upper = 0.9;
  // The one check of the bounds (CLI, project reader, pipeline): empty when usable, else why not.
  [[nodiscard]] std::string problem() const {
    if (0.0 <= lower && lower < upper && upper <= 1.0) return {};
    char got[64];
    std::snprintf(got, sizeof got, "%g, %g", lower, upper);
    return std::string("propensity trim bounds must satisfy 0 <= low < high <= 1 (got ") + got + ")";
  }
};

// Everything the CLI or the GUI asks for in one estimation run.
struct EstimationRequest {
  Estimand estimand = Estimand::ATE;  // as study/Defaults.hpp: one default everywhere
  std::vector<Method> methods = allMethods();
  // Adjustment set: variables ("race") or dummy columns ("racehispan"); empty = every covariate
  // of the Design.
  std::vector<std::string> covariates;
  // The treatment value that means "treated", as written in the data; unset: recognised codings
  // only (data::DesignOptions::treatedValue).
  std::optional<std::string> treatedValue;
  std::optional<PropensityTrim> trim;        // drop units outside [lower, upper]
  std::optional<double> truncateQuantile;    // cap IPW weights at this quantile per group
  bool stabilizeWeights = false;
  MatchingOptions matching;                  // its estimand follows `estimand` (ATT/ATC)
  LogisticOptions propensity;
  CovarianceType regressionCovariance = CovarianceType::HC2;
  CovarianceType weightingCovariance = CovarianceType::HC0;
  int bootstrapReplicates = 0;               // 0 = no bootstrap; else per estimate
  bool refute = false;                       // run the refuters on the primary method
  // The method the user named: it is the primary estimate when it succeeded. Default: the
  // rule of PrimaryChoice.hpp (also when only one method is requested, that one).
  std::optional<Method> refuteMethod;
  // Matching with the default 1:1 design without replacement and no caliper, when the pool
  // has fewer than scarcePoolPerFocal units per focal unit: match with replacement instead
  // (and say so), because greedy matching without replacement then takes distant units.
  bool adaptMatchingDesign = true;
  double scarcePoolPerFocal = 3.0;
  // Matching is not the primary estimate when its largest |SMD| after matching exceeds this.
  double primaryMaxMatchingSmd = 0.1;
  // Re-estimate the primary method without each adjustment variable in turn (at most this
  // many variables, and rows x variables at most maxBenchmarkCells, so large data stay fast;
  // 0 = never): how far a confounder as strong as each measured one moves it.
  std::size_t maxBenchmarkVariables = 20;
  std::size_t maxBenchmarkCells = 4'000'000;
  RefuterOptions refuters;                   // its seed and threads follow the request's
  // Optional side-by-side comparison of the primary method over other adjustment sets.
  std::vector<std::vector<std::string>> alternativeAdjustmentSets;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  double level = 0.95;
  OverlapOptions overlap;
};

struct MethodFailure {
  Method method = Method::DifferenceInMeans;
  Error error;
};

// A requested method that does not target the estimand (matching under the ATE, the regression
// coefficient under the ATT, ...): not run, and not a failure.
struct MethodNotApplicable {
  Method method = Method::DifferenceInMeans;
  std::string reason;
};

// The primary estimate with one adjustment variable left out: the bias an unmeasured confounder
// as strong as that variable would leave (a benchmark for the sensitivity check).
struct CovariateBenchmark {
  std::string variable;
  double estimateWithout = 0.0;
  double shift = 0.0;  // estimateWithout - primary estimate
  // The E-value of a bias of that size, as the estimates' E-values: RR ~ exp(0.91 |shift| / SD
  // of the outcome), E = RR + sqrt(RR (RR - 1)) (VanderWeele & Ding 2017).
  double eValue = 1.0;
};

struct PropensitySummary {
  std::vector<Coefficient> coefficients;
  double deviance = 0.0;
  double nullDeviance = 0.0;
  double aic = 0.0;
  int iterations = 0;
  std::size_t fittedAtBounds = 0;
  std::string conventions;
};

// Per-unit values of the analysis sample (after trimming), in its row order, so that overlap
// and weight charts draw exactly what the estimation used instead of refitting the model.
struct UnitValues {
  // 0-based data rows of the trimmed sample; empty when nothing was trimmed (the sample is the
  // design's rows, Design::rows, which may be millions long: not copied).
  std::vector<std::size_t> rows;
  Eigen::VectorXd treatment;      // 0/1
  Eigen::VectorXd propensity;     // fitted P(T = 1 | x); empty when the propensity model failed
  Eigen::VectorXd weights;        // the estimand's weights (stabilised / truncated as requested),
                                  // as in the weighted balance table; empty without propensity
};

struct EstimationReport {
  Estimand estimand = Estimand::ATT;
  std::string treatment;
  std::string outcome;
  std::string treatedValue;  // the treatment's values as written in the data (e.g. "yes" / "no")
  std::string controlValue;
  std::size_t nInput = 0;           // rows of the data set (used + dropped for missing values)
  std::size_t nDroppedMissing = 0;  // complete-case deletion in the Design
  std::size_t nTrimmedTreated = 0;  // dropped by propensity trimming
  std::size_t nTrimmedControl = 0;
  std::size_t nUsed = 0;            // analysis sample
  std::size_t nTreated = 0;
  std::size_t nControl = 0;
  std::vector<std::string> adjustmentSet;     // variables adjusted for
  std::vector<std::string> covariateColumns;  // their design columns
  std::optional<PropensitySummary> propensityModel;
  UnitValues units;
  std::optional<OverlapSummary> overlap;
  std::optional<BalanceTable> balanceWeighted;  // unadjusted and after the estimand's IPW weights
  std::optional<BalanceTable> balanceMatched;   // unadjusted and after matching
  std::vector<EffectEstimate> estimates;        // in the order of request.methods
  std::vector<MethodFailure> failures;
  std::vector<MethodNotApplicable> notApplicable;
  // The estimate that answers the question (the refuters and the comparison across sets use
  // it too), and the rule that chose it, in words; none when no estimate qualifies.
  std::optional<Method> primaryMethod;
  std::string primaryRule;
  // Matching only: how far the estimate moves when tied units are taken in reverse row order.
  std::optional<double> matchingTieShift;
  std::vector<CovariateBenchmark> covariateBenchmarks;  // empty: not computed (see the request)
  std::vector<Refutation> refutations;
  std::vector<AdjustmentSetEstimate> adjustmentSetComparison;
  // Which rows the comparison used, and whether they differ from the primary estimate's.
  std::string adjustmentSetComparisonConventions;
  std::vector<std::string> warnings;  // positivity, separation, unmatched units, small ESS, ...
  std::string conventions;
};

// The one entry point the CLI and the GUI share. Fatal errors: the Design itself is unusable
// (EmptyGroup, NonBinaryTreatment, MissingData, UnknownNode for a covariate), InvalidArgument,
// Cancelled. A method that cannot be estimated (separation, collinearity, no matches) becomes
// a MethodFailure and a warning; the rest of the report is still produced.
[[nodiscard]] Result<EstimationReport> runEstimation(const data::Design& design, const EstimationRequest& request,
                                                     const Progress& progress = {});

// The same from a Dataset and column names: builds the Design with the data module
// (complete cases, dummies against the first level), then runs it. An empty `covariates` list
// means request.covariates. The primary estimate uses the complete cases on its own set; the
// comparison over request.alternativeAdjustmentSets uses one Design on the union of all sets'
// variables, so every set is estimated on the same rows. When those rows differ from the
// primary's, adjustmentSetComparisonConventions and a warning say so with both counts.
// `primaryDesign`, when given, receives the Design of the primary estimate (before trimming)
// so that a caller needs not build it again; it is left empty when it was freed early to make
// room for the comparison's larger design.
[[nodiscard]] Result<EstimationReport> runEstimation(const data::Dataset& dataset, const std::string& treatment,
                                                     const std::string& outcome,
                                                     const std::vector<std::string>& covariates,
                                                     const EstimationRequest& request, const Progress& progress = {},
                                                     data::Design* primaryDesign = nullptr);

}  // namespace causeway::estimation
