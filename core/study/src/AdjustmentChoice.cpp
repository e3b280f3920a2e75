#include "AdjustmentChoice.hpp"

#include <algorithm>

#include "causeway/identification/Adjustment.hpp"
#include "causeway/identification/Path.hpp"

namespace causeway::study::detail {

namespace {

using identification::NodeSet;

// Columns for every node of the set, or the first node without one.
std::pair<std::vector<std::string>, std::optional<std::string>> columnsOf(const graph::IndexedGraph& g,
                                                                         const NodeSet& set,
                                                                         const data::ColumnMapping& mapping) {
  std::vector<std::string> columns;
  for (const auto& name : identification::sortedNames(g, set)) {
    auto column = mapping.columnFor(name);
    if (!column) return {{}, name};
    columns.push_back(*column);
  }
  return {columns, std::nullopt};
}

std::string describeProblem(const graph::IndexedGraph& g, const identification::AdjustmentCheck& check) {
  std::string why;
  if (!check.forbidden.empty())
    why += "it contains " + identification::formatSet(g, check.forbidden) + ", on or downstream of the causal path; ";
  if (!check.latent.empty()) why += "it contains unobserved " + identification::formatSet(g, check.latent) + "; ";
  if (check.openBiasingPath)
    why += "the biasing path " + identification::formatPath(g, *check.openBiasingPath) + " stays open; ";
  if (why.size() >= 2) why.resize(why.size() - 2);
  return why;
}

}  // namespace

Result<AdjustmentChoice> chooseAdjustmentSet(const graph::IndexedGraph& g,
                                             const identification::IdentificationSummary& summary,
                                             const data::ColumnMapping& mapping,
                                             const std::optional<std::vector<std::string>>& requested) {
  AdjustmentChoice choice;
  if (requested) {
    auto nodes = identification::nodesNamed(g, *requested);
    if (!nodes) return nodes.error();
    const NodeSet set = identification::normalized(*nodes);
    auto [columns, missing] = columnsOf(g, set, mapping);
    if (missing)
      return makeError(ErrorCode::MissingData,
                       "the adjustment set names '" + *missing + "', which has no column in the data",
                       ErrorContext::about(*missing));
    const auto check =
        identification::checkAdjustmentSet(g, summary.exposures, summary.outcomes, set);
    choice.nodes = identification::sortedNames(g, set);
    choice.columns = std::move(columns);
    choice.reason = "the set given by the user";
    choice.valid = check.valid;
    if (!check.valid) choice.problem = describeProblem(g, check);
    return choice;
  }
  if (summary.adjustmentSets.empty())
    return makeError(ErrorCode::InvalidArgument,
                     "the model admits no valid adjustment set (a biasing path runs through unobserved variables "
                     "only), so the effect cannot be estimated by covariate adjustment");
  std::optional<std::string> firstMissing;
  for (std::size_t i = 0; i < summary.adjustmentSets.size(); ++i) {
    auto [columns, missing] = columnsOf(g, summary.adjustmentSets[i], mapping);
    if (missing) {
      if (!firstMissing) firstMissing = missing;
      continue;
    }
    choice.nodes = identification::sortedNames(g, summary.adjustmentSets[i]);
    choice.columns = std::move(columns);
    choice.reason = i == 0 ? "the first minimal sufficient adjustment set"
                           : "the first minimal sufficient adjustment set whose variables are all in the data";
    return choice;
  }
  if (summary.optimal && summary.optimal->status == identification::OptimalSet::Status::Defined) {
    auto [columns, missing] = columnsOf(g, summary.optimal->nodes, mapping);
    if (!missing) {
      choice.nodes = identification::sortedNames(g, summary.optimal->nodes);
      choice.columns = std::move(columns);
      choice.reason = "the optimal adjustment set (no minimal set is fully measured)";
      return choice;
    }
  }
  return makeError(ErrorCode::MissingData,
                   "no valid adjustment set is measured in the data: every minimal set needs a variable without a "
                   "column (e.g. '" + firstMissing.value_or("?") + "')",
                   ErrorContext::about(firstMissing.value_or("")));
}

std::vector<std::vector<std::string>> measuredAlternatives(const graph::IndexedGraph& g,
                                                           const identification::IdentificationSummary& summary,
                                                           const data::ColumnMapping& mapping, std::size_t maxSets) {
  std::vector<std::vector<std::string>> out;
  auto consider = [&](const NodeSet& set) {
    auto [columns, missing] = columnsOf(g, set, mapping);
    if (missing || out.size() >= maxSets) return;
    if (std::find(out.begin(), out.end(), columns) == out.end()) out.push_back(std::move(columns));
  };
  for (const auto& set : summary.adjustmentSets) consider(set);
  if (summary.optimal && summary.optimal->status == identification::OptimalSet::Status::Defined)
    consider(summary.optimal->nodes);
  return out;
}

}  // namespace causeway::study::detail
