#include "causeway/identification/NodeSet.hpp"

#include <algorithm>
#include <iterator>

namespace causeway::identification {

NodeSet normalized(NodeSet nodes) {
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  return nodes;
}

NodeMask maskOf(std::span<const Index> nodes, std::size_t size) {
  NodeMask mask(size, 0);
  for (Index v : nodes) mask[v] = 1;
  return mask;
}

NodeSet setOf(const NodeMask& mask) {
  NodeSet out;
  for (std::size_t v = 0; v < mask.size(); ++v)
    if (mask[v] != 0) out.push_back(static_cast<Index>(v));
  return out;
}

bool intersects(std::span<const Index> nodes, const NodeMask& mask) {
  return std::any_of(nodes.begin(), nodes.end(), [&](Index v) { return mask[v] != 0; });
}

NodeSet setUnion(std::span<const Index> a, std::span<const Index> b) {
  NodeSet out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

NodeSet setDifference(std::span<const Index> a, std::span<const Index> b) {
  NodeSet out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

bool isSubset(std::span<const Index> small, std::span<const Index> large) {
  return std::includes(large.begin(), large.end(), small.begin(), small.end());
}

std::vector<std::string> sortedNames(const graph::IndexedGraph& g, std::span<const Index> nodes) {
  std::vector<std::string> names;
  names.reserve(nodes.size());
  for (Index v : nodes) names.push_back(g.name(v));
  std::sort(names.begin(), names.end());
  return names;
}

std::string formatSet(const graph::IndexedGraph& g, std::span<const Index> nodes) {
  std::string out = "{";
  bool first = true;
  for (const std::string& name : sortedNames(g, nodes)) {
    if (!first) out += ", ";
    out += name;
    first = false;
  }
  return out + "}";
}

Result<NodeSet> nodesNamed(const graph::IndexedGraph& g, std::span<const std::string> names) {
  NodeSet out;
  for (const std::string& name : names) {
    auto v = g.find(name);
    if (!v) {
      ErrorContext context;
      context.variable = name;
      return makeError(ErrorCode::UnknownNode, "unknown variable '" + name + "'", context);
    }
    out.push_back(*v);
  }
  return normalized(std::move(out));
}

}  // namespace causeway::identification
