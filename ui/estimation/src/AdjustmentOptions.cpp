#include "causeway/ui/estimation/AdjustmentOptions.hpp"

#include <optional>

#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::ui {

std::string formatNodeSet(const std::vector<std::string>& nodes) {
  if (nodes.empty()) return "{} (no adjustment)";
  std::string out = "{";
  for (std::size_t i = 0; i < nodes.size(); ++i) out += (i ? ", " : "") + nodes[i];
  return out + "}";
}

AdjustmentQuestion adjustmentQuestion(const graph::CausalGraph& graph, std::size_t maxSets) {
  AdjustmentQuestion q;
  const graph::IndexedGraph g(graph);
  const auto exposures = g.withRole(graph::Role::Exposure);
  const auto outcomes = g.withRole(graph::Role::Outcome);
  if (exposures.size() != 1 || outcomes.size() != 1) {
    q.problem = exposures.empty() || outcomes.empty()
                    ? "Mark one exposure (treatment) and one outcome in the graph."
                    : "Estimation needs exactly one exposure and one outcome.";
    return q;
  }
  q.exposure = g.name(exposures.front());
  q.outcome = g.name(outcomes.front());
  for (identification::Index v = 0; v < g.size(); ++v)
    if (v != exposures.front() && v != outcomes.front() && !g.has(v, graph::Role::Latent)) q.observedNodes.push_back(g.name(v));

  identification::IdentificationOptions options;
  options.parts = {true, true, false, false, false, false};
  options.maxSets = maxSets;
  auto summary = identification::identify(g, options);
  if (!summary) {
    q.problem = summary.error().message;
    return q;
  }
  std::optional<std::vector<std::string>> optimal;
  if (summary->optimal && summary->optimal->status == identification::OptimalSet::Status::Defined) {
    optimal = identification::sortedNames(g, summary->optimal->nodes);
    q.options.push_back({AdjustmentOption::Kind::Optimal, "O-set", {}, *optimal});
  }
  int k = 0;
  for (const auto& set : summary->adjustmentSets) {
    const auto names = identification::sortedNames(g, set);
    const std::string name = "minimal " + std::to_string(++k);
    if (optimal && names == *optimal) {
      q.options.front().name += " = " + name;
      continue;
    }
    q.options.push_back({AdjustmentOption::Kind::Minimal, name, {}, names});
  }
  for (auto& option : q.options) option.label = option.name + " " + formatNodeSet(option.nodes);
  q.truncated = summary->adjustmentTruncated;
  if (q.options.empty())
    q.problem = summary->optimal && summary->optimal->status == identification::OptimalSet::Status::NoCausalPath
                    ? "The exposure has no causal path to the outcome: the effect is nil by the graph."
                    : "No adjustment set identifies the effect in this graph.";
  return q;
}

}  // namespace causeway::ui
