#include "causeway/ui/data/VariableMapping.hpp"

#include <algorithm>

#include "causeway/data/ColumnMapping.hpp"

namespace causeway::ui {

const char* toString(MappingStatus status) {
  switch (status) {
    case MappingStatus::Exact: return "same name";
    case MappingStatus::IgnoringCase: return "same name ignoring case";
    case MappingStatus::Chosen: return "chosen";
    case MappingStatus::Unmapped: return "no column";
    case MappingStatus::LeftUnmapped: return "left unmapped";
    case MappingStatus::Latent: return "latent (not measured)";
    case MappingStatus::Ambiguous: return "ambiguous";
  }
  return "";
}

std::optional<std::string> VariableMapping::columnFor(const std::string& node) const {
  for (const auto& row : rows)
    if (row.node == node && !row.column.empty()) return row.column;
  return std::nullopt;
}

std::map<std::string, std::string> VariableMapping::nodeToColumn() const {
  std::map<std::string, std::string> out;
  for (const auto& row : rows)
    if (!row.column.empty()) out.emplace(row.node, row.column);
  return out;
}

std::vector<std::string> VariableMapping::unmappedNodes() const {
  std::vector<std::string> out;
  for (const auto& row : rows)
    if (row.column.empty() && !row.latent) out.push_back(row.node);
  return out;
}

std::size_t VariableMapping::mappedCount() const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const NodeMappingRow& r) { return !r.column.empty(); }));
}

Result<VariableMapping> mapVariables(const graph::CausalGraph& graph, const data::Dataset* dataset,
                                     const MappingChoices& choices) {
  VariableMapping out;
  std::vector<std::string> observed;
  for (const graph::NodeId id : graph.nodeIds()) {
    NodeMappingRow row;
    row.node = graph.name(id);
    row.latent = graph.roles(id).has(graph::Role::Latent);
    row.status = row.latent ? MappingStatus::Latent : MappingStatus::Unmapped;
    if (!row.latent && !choices.unmapped.contains(row.node)) observed.push_back(row.node);
    if (!row.latent && choices.unmapped.contains(row.node)) row.status = MappingStatus::LeftUnmapped;
    out.rows.push_back(std::move(row));
  }
  if (dataset == nullptr) return out;

  // Choices for nodes or columns that no longer exist are ignored, not errors.
  std::map<std::string, std::string> overrides;
  for (const auto& [node, column] : choices.overrides)
    if (std::find(observed.begin(), observed.end(), node) != observed.end() && dataset->indexOf(column))
      overrides.emplace(node, column);
  Result<data::ColumnMapping> mapping = data::mapNodesToColumns(observed, *dataset, overrides);
  if (!mapping) return std::move(mapping).error();

  for (NodeMappingRow& row : out.rows) {
    for (const data::NodeColumn& pair : mapping->mapped) {
      if (pair.node != row.node) continue;
      row.column = pair.column;
      row.status = pair.match == data::MatchKind::Exact          ? MappingStatus::Exact
                   : pair.match == data::MatchKind::IgnoringCase ? MappingStatus::IgnoringCase
                                                                 : MappingStatus::Chosen;
    }
    for (const data::AmbiguousMatch& ambiguous : mapping->ambiguous) {
      if (ambiguous.node != row.node) continue;
      row.status = MappingStatus::Ambiguous;
      row.candidates = ambiguous.candidates;
    }
  }
  out.unusedColumns = mapping->unmappedColumns;
  return out;
}

}  // namespace causeway::ui
