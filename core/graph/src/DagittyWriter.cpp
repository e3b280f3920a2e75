#include <charconv>
#include <string>

#include "causeway/graph/DagittySyntax.hpp"

namespace causeway::graph {

namespace {

bool isPlainName(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '.' || c >= 0x80;
    if (!ok) return false;
  }
  // Words the reader treats as graph keywords when they open the text.
  return name != "dag" && name != "strict" && name != "digraph" && name != "graph" && name != "pdag" &&
         name != "mag" && name != "pag";
}

// Shortest text that reads back to the same double.
std::string formatNumber(double value) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;
  return std::string(buffer, end);
}

std::string formatPoint(const Point& p) { return "\"" + formatNumber(p.x) + "," + formatNumber(p.y) + "\""; }

std::string quoteValue(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string quoteDagittyName(std::string_view name) {
  return isPlainName(name) ? std::string(name) : quoteValue(name);
}

std::string writeDagitty(const CausalGraph& graph) {
  std::string out = "dag {\n";
  for (const auto& [key, value] : graph.attributes()) out += quoteDagittyName(key) + "=" + quoteValue(value) + "\n";
  for (NodeId id : graph.nodeIds()) {
    const NodeData& node = graph.node(id);
    out += quoteDagittyName(node.name);
    std::string attrs;
    for (Role role : kAllRoles)
      if (node.roles.has(role)) attrs += (attrs.empty() ? "" : ",") + std::string(roleKeyword(role));
    if (node.position) attrs += (attrs.empty() ? "pos=" : ",pos=") + formatPoint(*node.position);
    for (const NodeAttribute& other : node.otherAttributes) {
      attrs += (attrs.empty() ? "" : ",") + quoteDagittyName(other.key);
      if (other.value) attrs += "=" + quoteValue(*other.value);
    }
    if (!attrs.empty()) out += " [" + attrs + "]";
    out += "\n";
  }
  for (const EdgeData& e : graph.edges()) {
    out += quoteDagittyName(graph.name(e.from));
    out += e.kind == EdgeKind::Directed ? " -> " : " <-> ";
    out += quoteDagittyName(graph.name(e.to));
    if (e.controlPoint) out += " [pos=" + formatPoint(*e.controlPoint) + "]";
    out += "\n";
  }
  return out + "}\n";
}

}  // namespace causeway::graph
