#include "causeway/study/NegativeControls.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <vector>

#include "NegativeControlRun.hpp"
#include "causeway/identification/Adjustment.hpp"

namespace causeway::study {

namespace {

using Index = graph::IndexedGraph::Index;

// A directed path from -> ... -> to, by breadth-first search; empty when there is none.
std::vector<Index> causalPath(const graph::IndexedGraph& g, Index from, Index to) {
  std::vector<Index> previous(g.size(), identification::kNoIndex);
  std::vector<bool> seen(g.size(), false);
  std::deque<Index> queue{from};
  seen[from] = true;
  while (!queue.empty()) {
    const Index v = queue.front();
    queue.pop_front();
    if (v == to) break;
    for (Index c : g.children(v))
      if (!seen[c]) {
        seen[c] = true;
        previous[c] = v;
        queue.push_back(c);
      }
  }
  if (!seen[to]) return {};
  std::vector<Index> path{to};
  while (path.back() != from) path.push_back(previous[path.back()]);
  std::reverse(path.begin(), path.end());
  return path;
}

std::string setText(const graph::IndexedGraph& g, std::span<const Index> nodes) {
  std::vector<std::string> names;
  for (Index v : nodes) names.push_back(g.name(v));
  std::sort(names.begin(), names.end());
  std::string out = "{";
  for (const auto& n : names) out += (out.size() > 1 ? ", " : "") + n;
  return out + "}";
}

}  // namespace

NegativeControlJudgement judgeNegativeControlOutcome(const graph::IndexedGraph& g, Index exposure, Index nco,
                                                     std::span<const Index> adjustment) {
  const std::string x = g.name(exposure), n = g.name(nco);
  if (const auto path = causalPath(g, exposure, nco); !path.empty()) {
    std::string text;
    for (Index v : path) text += (text.empty() ? "" : " -> ") + g.name(v);
    return {false, x + " has a causal path to " + n + " (" + text + "): its effect on " + n +
                       " is not zero under the diagram, so " + n + " cannot serve as a negative control"};
  }
  const Index xs[] = {exposure}, ys[] = {nco};
  const auto check = identification::checkAdjustmentSet(g, xs, ys, adjustment);
  if (!check.valid) {
    std::string why;
    if (check.openBiasingPath) why = "the path " + identification::formatPath(g, *check.openBiasingPath) + " stays open";
    else if (!check.forbidden.empty()) why = "it contains " + setText(g, check.forbidden) + ", which it must not";
    else if (!check.latent.empty()) why = "it contains the latent " + setText(g, check.latent);
    else why = "it is not a valid adjustment set for " + n;
    return {false, "Adjusting for " + setText(g, adjustment) + " does not make the effect of " + x + " on " + n +
                       " zero under the diagram: " + why};
  }
  NegativeControlJudgement out{true, "No causal path from " + x + " to " + n + ", and " + setText(g, adjustment) +
                                         " blocks every biasing path between them: the estimated effect on " + n +
                                         " should be zero"};
  if (identification::checkAdjustmentSet(g, xs, ys, std::span<const Index>{}).valid)
    out.explanation += " (but " + n + " shares no confounder with " + x +
                       " in the diagram, so it cannot reveal confounding the diagram leaves out of the set)";
  return out;
}

namespace detail {

NegativeControlsReport runNegativeControls(const StudySpec& spec, const StudyResult& result, const data::Dataset& data,
                                           const Progress& progress) {
  NegativeControlsReport out;
  const auto& g = result.indexed;
  const auto ncos = g.withRole(graph::Role::NegativeControlOutcome);
  if (ncos.empty()) return out;
  // The exposure node as runStudy chose it: named in the spec, else the one with the role.
  std::optional<Index> exposure;
  if (spec.exposure) exposure = g.find(*spec.exposure);
  else if (const auto marked = g.withRole(graph::Role::Exposure); marked.size() == 1) exposure = marked.front();
  std::vector<Index> adjustment;
  for (const auto& name : result.adjustment.nodes)
    if (auto v = g.find(name)) adjustment.push_back(*v);
  out.method = result.estimation.primaryMethod;
  const estimation::EffectEstimate* primary = nullptr;
  for (const auto& e : result.estimation.estimates)
    if (out.method && e.method == *out.method) primary = &e;

  std::vector<estimation::ControlEstimate> controls;
  for (Index v : ncos) {
    NegativeControlOutcome nc;
    nc.node = g.name(v);
    if (exposure) {
      const auto judgement = judgeNegativeControlOutcome(g, *exposure, v, adjustment);
      nc.expectedZero = judgement.expectedZero;
      nc.explanation = judgement.explanation;
    }
    if (auto column = result.mapping.columnFor(nc.node)) nc.column = *column;
    if (nc.column.empty()) nc.problem = "no column in the data";
    else if (!primary) nc.problem = "there is no primary estimate whose design could be repeated";
    if (nc.problem.empty() && !progress.cancelled()) {
      // The same design: adjustment columns, estimand, method; nothing else.
      estimation::EstimationRequest request = spec.request;
      request.methods = {*out.method};
      request.refuteMethod = *out.method;
      request.refute = false;
      request.bootstrapReplicates = 0;
      request.alternativeAdjustmentSets.clear();
      request.maxBenchmarkVariables = 0;
      request.covariates = result.adjustment.columns;
      auto run = estimation::runEstimation(data, result.exposureColumn, nc.column, result.adjustment.columns, request);
      if (!run) nc.problem = run.error().message;
      else if (run->estimates.empty())
        nc.problem = run->failures.empty() ? "the method was not run" : run->failures.front().error.message;
      else nc.estimate = run->estimates.front();
    }
    if (nc.estimate && nc.expectedZero) controls.push_back({nc.estimate->estimate, nc.estimate->se});
    out.outcomes.push_back(std::move(nc));
  }
  if (!primary) return out;
  if (controls.size() < 3) {
    out.calibrationNote = "Empirical calibration needs at least 3 estimated negative controls that the diagram "
                          "expects to be zero (have " + std::to_string(controls.size()) + ")";
    return out;
  }
  auto calibrated = estimation::calibrateEstimate(controls, primary->estimate, primary->se, primary->level);
  if (calibrated) out.calibration = std::move(*calibrated);
  else out.calibrationNote = calibrated.error().message;
  return out;
}

}  // namespace detail

}  // namespace causeway::study
