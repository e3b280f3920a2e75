#include "causeway/study/Study.hpp"

#include <algorithm>

#include "AdjustmentChoice.hpp"
#include "Answer.hpp"
#include "ImplicationTests.hpp"
#include "NegativeControlRun.hpp"

namespace causeway::study {

namespace {

Result<identification::NodeSet> oneNode(const graph::IndexedGraph& g, const std::optional<std::string>& name,
                                        graph::Role role, const char* what) {
  if (name) {
    auto index = g.find(*name);
    if (!index)
      return makeError(ErrorCode::UnknownNode, std::string("the ") + what + " '" + *name + "' is not a node of the model",
                       ErrorContext::about(*name));
    return identification::NodeSet{*index};
  }
  auto nodes = g.withRole(role);
  if (nodes.size() != 1)
    return makeError(ErrorCode::InvalidArgument,
                     std::string("estimation needs exactly one ") + what + " (the model marks " +
                         std::to_string(nodes.size()) + "); choose one with --" + what);
  return nodes;
}

}  // namespace

Result<StudyResult> runStudy(const StudySpec& spec, const data::Dataset& data, const Progress& progress) {
  StudyResult result;
  result.indexed = graph::IndexedGraph(spec.graph);
  const auto& g = result.indexed;

  auto exposure = oneNode(g, spec.exposure, graph::Role::Exposure, "exposure");
  if (!exposure) return exposure.error();
  auto outcome = oneNode(g, spec.outcome, graph::Role::Outcome, "outcome");
  if (!outcome) return outcome.error();

  identification::IdentificationOptions options;
  options.exposures = *exposure;
  options.outcomes = *outcome;
  options.parts.frontDoor = true;
  auto summary = identification::identify(g, options, progress);
  if (!summary) return summary.error();
  result.identification = std::move(summary).value();

  std::vector<std::string> nodeNames;
  for (std::size_t v = 0; v < g.size(); ++v)
    if (!g.has(static_cast<graph::IndexedGraph::Index>(v), graph::Role::Latent) &&
        !spec.unmeasuredNodes.contains(g.name(static_cast<graph::IndexedGraph::Index>(v))))
      nodeNames.push_back(g.name(static_cast<graph::IndexedGraph::Index>(v)));
  auto mapping = data::mapNodesToColumns(nodeNames, data, spec.columnOverrides);
  if (!mapping) return mapping.error();
  result.mapping = std::move(mapping).value();

  const std::string exposureName = g.name(exposure->front()), outcomeName = g.name(outcome->front());
  auto exposureColumn = result.mapping.columnFor(exposureName);
  auto outcomeColumn = result.mapping.columnFor(outcomeName);
  if (!exposureColumn)
    return makeError(ErrorCode::MissingData, "the exposure '" + exposureName + "' has no column in the data",
                     ErrorContext::about(exposureName));
  if (!outcomeColumn)
    return makeError(ErrorCode::MissingData, "the outcome '" + outcomeName + "' has no column in the data",
                     ErrorContext::about(outcomeName));
  result.exposureColumn = *exposureColumn;
  result.outcomeColumn = *outcomeColumn;

  auto choice = detail::chooseAdjustmentSet(g, result.identification, result.mapping, spec.adjustmentSet);
  if (!choice) return choice.error();
  result.adjustment = std::move(choice).value();
  if (!result.adjustment.valid)
    result.warnings.push_back("The adjustment set " + std::string("{") + [&] {
      std::string s;
      for (const auto& n : result.adjustment.nodes) s += (s.empty() ? "" : ", ") + n;
      return s;
    }() + "} is not valid for this model: " + result.adjustment.problem + ". The estimates below are likely biased.");

  if (spec.testImplications) {
    auto tests = detail::testImplications(g, result.identification, result.mapping, data, spec.maxImplications,
                                              spec.request.threads);
    result.implicationTests = std::move(tests.report);
    result.categoricalImplicationTests = std::move(tests.categorical);
    result.implicationsSkipped = tests.skipped;
    if (tests.error) result.warnings.push_back("The implied independencies could not be tested: " + tests.error->message);
  }
  if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");

  estimation::EstimationRequest request = spec.request;
  request.covariates = result.adjustment.columns;
  request.primaryMaxMatchingSmd = spec.thresholds.smd;  // the answer rule and the balance check agree
  if (spec.compareAdjustmentSets)
    request.alternativeAdjustmentSets =
        detail::measuredAlternatives(g, result.identification, result.mapping, spec.maxComparedSets);
  data::Design primaryDesign;  // kept for the sensitivity analysis, which would build it again
  auto estimation = estimation::runEstimation(data, result.exposureColumn, result.outcomeColumn,
                                              result.adjustment.columns, request, progress,
                                              spec.sensitivity ? &primaryDesign : nullptr);
  if (!estimation) return estimation.error();
  result.estimation = std::move(estimation).value();
  if (spec.sensitivity) {
    auto sensitivity = detail::runSensitivity(spec, result, data, *spec.sensitivity, progress, std::move(primaryDesign));
    if (!sensitivity) return sensitivity.error();
    result.sensitivity = std::move(sensitivity).value();
  }
  // One answer (the pipeline's primary estimate, which the refuters and the comparison across
  // sets used too) and how far to trust it.
  result.verdict = detail::judge(result, spec.thresholds);
  result.answer = detail::answerFor(result);
  result.estimation.conventions += " " + detail::answerConventions(spec.thresholds);
  return result;
}

}  // namespace causeway::study
