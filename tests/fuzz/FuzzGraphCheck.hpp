#pragma once
// Checks for the graph readers' fuzz targets: what holds for every graph a parser returns, a
// canonical form for comparing graphs across formats, and masks for known, reported bugs.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "FuzzCheck.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/graph/IndexedGraph.hpp"

namespace causeway::fuzz {

// Bug 1 (regressions/fuzz_dagitty/empty-name.dag): an empty quoted name ("") dereferences an
// empty optional in parseDagitty.
inline bool hitsKnownEmptyNameBug(std::string_view text) {
  return maskKnownBugs() && text.find("\"\"") != std::string_view::npos;
}

// Bug 2 (regressions/fuzz_dagitty/nan-position.dag): pos="nan,0" / "inf,0" is accepted, and a NaN
// position never compares equal, so round trips and the duplicate-position check misbehave.
inline bool hitsKnownNonFiniteBug(const graph::CausalGraph& g) {
  if (!maskKnownBugs()) return false;
  auto finite = [](const std::optional<graph::Point>& p) {
    return !p || (std::isfinite(p->x) && std::isfinite(p->y));
  };
  for (graph::NodeId id : g.nodeIds())
    if (!finite(g.node(id).position)) return true;
  for (const graph::EdgeData& e : g.edges())
    if (!finite(e.controlPoint)) return true;
  return false;
}

// Bug 3 (regressions/fuzz_dot/backslash-name.dot): writeDot escapes a backslash as two, but Boost's
// reader keeps backslashes verbatim, so every DOT round trip doubles them.
inline bool hitsKnownDotBackslashBug(const graph::CausalGraph& g) {
  if (!maskKnownBugs()) return false;
  for (graph::NodeId id : g.nodeIds())
    if (g.name(id).find('\\') != std::string::npos) return true;
  return false;
}

// Bug 4 (regressions/fuzz_dot/deep-nesting.dot): Boost's recursive DOT reader overflows the stack
// on thousands of nested '{'. The fuzzer's inputs are too short to reach it; the mask lets a
// replay of regressions/ with masks on get past the file.
inline bool hitsKnownDeepNestingBug(std::string_view text) {
  if (!maskKnownBugs()) return false;
  std::size_t depth = 0, deepest = 0;
  for (char c : text) {
    if (c == '{') deepest = std::max(deepest, ++depth);
    else if (c == '}' && depth > 0) --depth;
  }
  return deepest > 2000;
}

// Every parsed graph is a valid causal diagram: acyclic, named nodes, and the analysis
// snapshot agrees with it.
inline void checkGraph(const graph::CausalGraph& g) {
  check(!g.findCycle().has_value(), "parser returned a graph with a directed cycle");
  for (graph::NodeId id : g.nodeIds()) check(!g.name(id).empty(), "parser returned a node without a name");
  const graph::IndexedGraph indexed = noThrow("IndexedGraph", [&] { return graph::IndexedGraph(g); });
  check(indexed.size() == g.nodeCount(), "IndexedGraph lost nodes");
  check(indexed.topologicalOrder().size() == g.nodeCount(), "topological order misses nodes");
  check(indexed.directedEdgeCount() + indexed.bidirectedEdgeCount() == g.edgeCount(), "IndexedGraph lost edges");
}

// The graph as sorted lines naming nodes and edges by name, independent of node ids and order:
// for formats (DOT through Boost) that do not keep the order of declaration.
inline std::string canonical(const graph::CausalGraph& g) {
  auto number = [](double v) {
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
  };
  auto point = [&](const std::optional<graph::Point>& p) {
    return p ? " @" + number(p->x) + "," + number(p->y) : std::string();
  };
  std::vector<std::string> lines;
  for (const auto& [key, value] : g.attributes()) lines.push_back("attr " + key + "=" + value);
  for (graph::NodeId id : g.nodeIds()) {
    const graph::NodeData& n = g.node(id);
    lines.push_back("node " + n.name + " roles=" + std::to_string(n.roles.bits()) + point(n.position));
  }
  for (const graph::EdgeData& e : g.edges()) {
    std::string a = g.name(e.from), b = g.name(e.to);
    if (e.kind == graph::EdgeKind::Bidirected && b < a) std::swap(a, b);
    lines.push_back("edge " + a + (e.kind == graph::EdgeKind::Directed ? " -> " : " <-> ") + b + point(e.controlPoint));
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace causeway::fuzz
