#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/graph/CausalGraph.hpp"

namespace causeway::ui {

// What the user decided in the mapping dialog, by name (survives reloading data or editing the
// graph; choices that no longer apply are ignored).
struct MappingChoices {
  std::map<std::string, std::string> overrides;  // node -> column
  std::set<std::string> unmapped;                // nodes deliberately left without a column

  friend bool operator==(const MappingChoices&, const MappingChoices&) = default;
};

enum class MappingStatus {
  Exact,          // same name
  IgnoringCase,   // same name ignoring ASCII case, unique both ways
  Chosen,         // the user's choice
  Unmapped,       // no column: the node cannot be used in estimates
  LeftUnmapped,   // the user chose no column
  Latent,         // latent node: expected to have no column
  Ambiguous,      // several columns match ignoring case: the user must choose
};

[[nodiscard]] const char* toString(MappingStatus status);

struct NodeMappingRow {
  std::string node;
  bool latent = false;
  std::string column;                   // empty when unmapped
  MappingStatus status = MappingStatus::Unmapped;
  std::vector<std::string> candidates;  // for Ambiguous
};

// Which DAG node reads which dataset column, in node order.
struct VariableMapping {
  std::vector<NodeMappingRow> rows;
  std::vector<std::string> unusedColumns;  // columns no node maps to, in column order

  [[nodiscard]] std::optional<std::string> columnFor(const std::string& node) const;
  [[nodiscard]] std::map<std::string, std::string> nodeToColumn() const;
  // Observed (non-latent) nodes without a column, ambiguous ones included.
  [[nodiscard]] std::vector<std::string> unmappedNodes() const;
  [[nodiscard]] std::size_t mappedCount() const;
};

// Maps the graph's nodes to the dataset's columns: the user's choices first, then the core's
// name matching (exact, then unique ignoring case). Latent nodes are never mapped. Without a
// dataset every node is unmapped. Fails only when two choices claim the same column.
[[nodiscard]] Result<VariableMapping> mapVariables(const graph::CausalGraph& graph, const data::Dataset* dataset,
                                                   const MappingChoices& choices = {});

}  // namespace causeway::ui
