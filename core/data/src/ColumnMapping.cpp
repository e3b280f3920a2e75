#include "causeway/data/ColumnMapping.hpp"

#include <algorithm>
#include <set>

#include "AsciiCase.hpp"

namespace causeway::data {
namespace {

constexpr std::size_t kUnclaimed = static_cast<std::size_t>(-1);

struct Claims {
  std::vector<std::size_t> nodeOfColumn;          // kUnclaimed or node index
  std::vector<std::optional<NodeColumn>> byNode;  // result per node
};

void claim(Claims& claims, const Dataset& data, std::size_t node, const std::string& nodeName, std::size_t column,
           MatchKind match) {
  claims.nodeOfColumn[column] = node;
  claims.byNode[node] = NodeColumn{nodeName, data.column(column).name(), column, match};
}

Result<void> applyOverrides(std::span<const std::string> nodes, const Dataset& data,
                            const std::map<std::string, std::string>& overrides, Claims& claims) {
  for (const auto& [node, columnName] : overrides) {
    const auto nodeAt = std::find(nodes.begin(), nodes.end(), node);
    if (nodeAt == nodes.end())
      return makeError(ErrorCode::UnknownNode, "override for unknown node '" + node + "'", {{}, 0, 0, node});
    auto column = data.find(columnName);
    if (!column) return std::move(column).error();
    if (const std::size_t owner = claims.nodeOfColumn[*column]; owner != kUnclaimed)
      return makeError(
          ErrorCode::InvalidArgument,
          "column '" + data.column(*column).name() + "' is assigned to both '" + nodes[owner] + "' and '" + node + "'",
          {{}, 0, 0, data.column(*column).name()});
    claim(claims, data, static_cast<std::size_t>(nodeAt - nodes.begin()), node, *column, MatchKind::Override);
  }
  return Ok{};
}

}  // namespace

std::optional<std::string> ColumnMapping::columnFor(const std::string& node) const {
  for (const NodeColumn& pair : mapped)
    if (pair.node == node) return pair.column;
  return std::nullopt;
}

Result<ColumnMapping> mapNodesToColumns(std::span<const std::string> nodes, const Dataset& data,
                                        const std::map<std::string, std::string>& overrides) {
  std::set<std::string_view> distinct;
  for (const std::string& node : nodes)
    if (!distinct.insert(node).second)
      return makeError(ErrorCode::DuplicateNode, "node '" + node + "' is listed twice", {{}, 0, 0, node});

  Claims claims{std::vector<std::size_t>(data.columnCount(), kUnclaimed),
                std::vector<std::optional<NodeColumn>>(nodes.size())};
  if (auto applied = applyOverrides(nodes, data, overrides, claims); !applied) return applied.error();

  // Exact names before any case-insensitive guess, so "Age" never steals the column "age" from
  // the node "age".
  for (std::size_t node = 0; node < nodes.size(); ++node) {
    if (claims.byNode[node]) continue;
    const auto column = data.indexOf(nodes[node]);
    if (column && claims.nodeOfColumn[*column] == kUnclaimed)
      claim(claims, data, node, nodes[node], *column, MatchKind::Exact);
  }

  ColumnMapping mapping;
  // Case-insensitive candidates among the columns still free, per node and per column.
  std::vector<std::vector<std::size_t>> candidates(nodes.size());
  std::vector<std::size_t> suitors(data.columnCount(), 0);
  for (std::size_t node = 0; node < nodes.size(); ++node) {
    if (claims.byNode[node]) continue;
    for (const std::size_t column : data.indicesIgnoringCase(nodes[node])) {
      if (claims.nodeOfColumn[column] != kUnclaimed) continue;
      candidates[node].push_back(column);
      ++suitors[column];
    }
  }
  std::vector<bool> isAmbiguous(nodes.size(), false);
  for (std::size_t node = 0; node < nodes.size(); ++node) {
    const auto& mine = candidates[node];
    if (mine.empty()) continue;
    if (mine.size() == 1 && suitors[mine.front()] == 1) {
      claim(claims, data, node, nodes[node], mine.front(), MatchKind::IgnoringCase);
      continue;
    }
    isAmbiguous[node] = true;
    AmbiguousMatch match{nodes[node], {}};
    for (const std::size_t column : mine) match.candidates.push_back(data.column(column).name());
    mapping.ambiguous.push_back(std::move(match));
  }

  for (std::size_t node = 0; node < nodes.size(); ++node) {
    if (claims.byNode[node]) {
      mapping.mapped.push_back(*claims.byNode[node]);
    } else if (!isAmbiguous[node]) {
      mapping.unmappedNodes.push_back(nodes[node]);
    }
  }
  for (std::size_t column = 0; column < data.columnCount(); ++column)
    if (claims.nodeOfColumn[column] == kUnclaimed) mapping.unmappedColumns.push_back(data.column(column).name());
  return mapping;
}

}  // namespace causeway::data
