#include <algorithm>
#include <iomanip>
#include <sstream>
#include <unordered_map>

#include "NegativeControlRun.hpp"
#include "causeway/data/DesignBuilder.hpp"
#include "causeway/estimation/DesignOps.hpp"
#include "causeway/estimation/NearestNeighborMatching.hpp"

namespace causeway::study::detail {

namespace {

namespace est = causeway::estimation;

// The analysis sample of the estimation (after trimming): from the estimation's design, or
// rebuilt from the data when it is not at hand.
Result<data::Design> analysisSample(const StudySpec& spec, const StudyResult& result, const data::Dataset& data,
                                    data::Design primaryDesign) {
  Result<data::Design> design = std::move(primaryDesign);
  if (design->size() == 0)
    design = data::buildDesign(data, result.exposureColumn, result.outcomeColumn, result.adjustment.columns,
                               {spec.request.treatedValue});
  if (!design) return design.error();
  const auto& used = result.estimation.units.rows;  // empty: nothing trimmed
  if (used.empty() || used.size() == static_cast<std::size_t>(design->size())) return design;
  std::unordered_map<std::size_t, Eigen::Index> position;
  for (Eigen::Index i = 0; i < design->size(); ++i) position[design->dataRow(i)] = i;
  std::vector<Eigen::Index> keep;
  for (std::size_t row : used)
    if (auto it = position.find(row); it != position.end()) keep.push_back(it->second);
  return est::subsetRows(*design, keep);
}

// Rosenbaum bounds on 1:1 pairs re-formed exactly as the matching estimate formed them (the same
// scores and options, including the pipeline's switch to replacement when controls are scarce).
void addRosenbaum(const StudySpec& spec, const StudyResult& result, const data::Design& sample, StudySensitivity& out) {
  const auto& report = result.estimation;
  const bool matched = std::any_of(report.estimates.begin(), report.estimates.end(),
                                   [](const est::EffectEstimate& e) { return e.method == est::Method::Matching; });
  if (!matched) return;
  const Eigen::VectorXd& scores = report.units.propensity;
  if (scores.size() != sample.size()) {
    out.rosenbaumNote = "Rosenbaum bounds not computed: the matched sample could not be rebuilt";
    return;
  }
  est::MatchingOptions mo = spec.request.matching;
  mo.estimand = report.estimand;
  if (mo.ratio != 1) {
    out.rosenbaumNote = "Rosenbaum bounds need 1:1 matched pairs (the matching was 1:" + std::to_string(mo.ratio) + ")";
    return;
  }
  const bool focalTreated = mo.estimand != est::Estimand::ATC;
  const double treated = sample.treatment.sum(), control = static_cast<double>(sample.size()) - treated;
  if (spec.request.adaptMatchingDesign && !mo.replace && !mo.caliper &&
      (focalTreated ? control / treated : treated / control) < spec.request.scarcePoolPerFocal)
    mo.replace = true;  // the pipeline's rule (EstimationRequest::adaptMatchingDesign)
  auto matching = est::matchNearestNeighbor(sample.treatment, scores, mo);
  if (!matching) {
    out.rosenbaumNote = "Rosenbaum bounds not computed: " + matching.error().message;
    return;
  }
  std::vector<double> differences;
  for (const auto& set : matching->sets) {
    if (set.matches.size() != 1) continue;
    const double d = sample.outcome(set.focal) - sample.outcome(set.matches.front());
    differences.push_back(focalTreated ? d : -d);
  }
  auto bounds = est::rosenbaumBounds(differences);
  if (!bounds) {
    out.rosenbaumNote = "Rosenbaum bounds not computed: " + bounds.error().message;
    return;
  }
  out.rosenbaum = std::move(*bounds);
  if (mo.replace)
    out.rosenbaumNote = "Pairs matched with replacement share controls, so they are not independent as the bounds assume";
}

}  // namespace

Result<StudySensitivity> runSensitivity(const StudySpec& spec, const StudyResult& result, const data::Dataset& data,
                                        const SensitivityRequest& request, const Progress& progress,
                                        data::Design primaryDesign) {
  StudySensitivity out;
  // Benchmarks: node names -> their columns, which must be in the adjustment set.
  est::SensitivityOptions options = request.ols;
  std::unordered_map<std::string, std::string> nodeOfColumn;
  for (auto& name : options.benchmarks) {
    auto column = result.mapping.columnFor(name);
    const auto& set = result.adjustment.columns;
    if (!column || std::find(set.begin(), set.end(), *column) == set.end())
      return makeError(ErrorCode::InvalidArgument,
                       "the sensitivity benchmark '" + name + "' is not a measured node of the adjustment set",
                       ErrorContext::about(name));
    nodeOfColumn[*column] = name;
    name = *column;
  }
  for (const auto& node : result.adjustment.nodes)
    if (auto column = result.mapping.columnFor(node)) nodeOfColumn.emplace(*column, node);

  auto sample = analysisSample(spec, result, data, std::move(primaryDesign));
  if (!sample) {
    out.olsProblem = sample.error().message;
  } else {
    auto ols = est::analyzeSensitivity(*sample, options);
    if (!ols) {
      out.olsProblem = ols.error().message;
    } else {
      for (auto& b : ols->bounds)
        if (auto it = nodeOfColumn.find(b.benchmark); it != nodeOfColumn.end()) b.benchmark = it->second;
      out.ols = std::move(*ols);
    }
    if (request.rosenbaum) addRosenbaum(spec, result, *sample, out);
  }
  if (request.negativeControls) out.negativeControls = runNegativeControls(spec, result, data, progress);
  return out;
}

std::optional<VerdictCheck> checkNegativeControls(const StudyResult& result) {
  if (!result.sensitivity || result.sensitivity->negativeControls.outcomes.empty()) return std::nullopt;
  std::size_t estimated = 0;
  std::vector<std::string> failing;
  for (const auto& nc : result.sensitivity->negativeControls.outcomes) {
    if (!nc.expectedZero || !nc.estimate) continue;
    ++estimated;
    if (nc.estimate->ciLow > 0.0 || nc.estimate->ciHigh < 0.0) failing.push_back(nc.node);
  }
  VerdictCheck check;
  check.name = "negative control";
  check.threshold = 0.0;
  if (estimated == 0) {
    check.status = CheckStatus::NotRun;
    check.explanation = "No negative-control outcome that the diagram expects to be unaffected could be estimated.";
    return check;
  }
  check.value = static_cast<double>(failing.size());
  if (failing.empty()) {
    check.status = CheckStatus::Pass;
    check.explanation = "The same design finds no effect on the " + std::to_string(estimated) +
                        " negative-control outcome(s): every confidence interval includes 0.";
  } else {
    check.status = CheckStatus::Fail;
    std::string names;
    for (const auto& n : failing) names += (names.empty() ? "" : ", ") + n;
    check.explanation = "The same design finds an effect on " + names +
                        ", which the diagram says is unaffected: the adjustment leaves confounding (or the diagram is wrong).";
  }
  return check;
}

}  // namespace causeway::study::detail

namespace causeway::study {

std::string robustnessSentence(const estimation::SensitivityAnalysis& s) {
  auto percent = [](double share) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(share < 0.01 ? 2 : 1) << 100.0 * share << "%";
    return text.str();
  };
  std::ostringstream text;
  text << "A confounder explaining " << percent(s.rvQ)
       << " of the residual variance of both the treatment and the outcome would ";
  if (s.q == 1.0) text << "bring the regression estimate to zero";
  else text << "reduce the regression estimate by " << percent(s.q);
  text << "; " << percent(s.rvQAlpha) << " would make it not significant at the " << 100.0 * s.alpha << "% level";
  if (s.rvQAlpha == 0.0) text << " (it is not significant even without one)";
  text << ".";
  return text.str();
}

}  // namespace causeway::study
