#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"

namespace causeway::data {

// How a DAG node found its column.
enum class MatchKind { Exact, IgnoringCase, Override };

struct NodeColumn {
  std::string node;
  std::string column;
  std::size_t columnIndex = 0;
  MatchKind match = MatchKind::Exact;

  friend bool operator==(const NodeColumn&, const NodeColumn&) = default;
};

// A node that matches several columns differing only in case, or a column that several nodes
// match ignoring case: the user has to choose (with an override).
struct AmbiguousMatch {
  std::string node;
  std::vector<std::string> candidates;  // column names, in column order

  friend bool operator==(const AmbiguousMatch&, const AmbiguousMatch&) = default;
};

struct ColumnMapping {
  std::vector<NodeColumn> mapped;            // in node order
  std::vector<std::string> unmappedNodes;    // in node order, ambiguous ones excluded
  std::vector<std::string> unmappedColumns;  // in column order
  std::vector<AmbiguousMatch> ambiguous;     // in node order

  // The column mapped to `node`, if any.
  [[nodiscard]] std::optional<std::string> columnFor(const std::string& node) const;
};

// Matches DAG nodes to dataset columns by name, one column per node and one node per column:
// explicit overrides (node -> column name) first, then exact names, then names equal ignoring
// ASCII case when that match is unique both ways. Fails with DuplicateNode if a node is listed
// twice, UnknownNode if an override names a node not in `nodes`, InvalidArgument if it names a
// missing column or two overrides claim one column.
[[nodiscard]] Result<ColumnMapping> mapNodesToColumns(std::span<const std::string> nodes, const Dataset& data,
                                                      const std::map<std::string, std::string>& overrides = {});

}  // namespace causeway::data
