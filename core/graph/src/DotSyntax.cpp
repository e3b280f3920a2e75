#include "causeway/graph/DotSyntax.hpp"

#include <charconv>
#include <cmath>
#include <sstream>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>

#include "DotLocation.hpp"
#include "causeway/common/Utf8.hpp"

namespace causeway::graph {

namespace {

struct DotVertex {
  std::string name;
  std::string role;
  std::string pos;
};
struct DotEdge {
  std::string dir;
  std::string pos;
};
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotVertex, DotEdge>;

std::optional<Point> parsePoint(const std::string& text) {
  // Graphviz writes "x,y" (optionally with a trailing "!" meaning pinned).
  const auto comma = text.find(',');
  if (comma == std::string::npos) return std::nullopt;
  double x = 0, y = 0;
  std::string xs = text.substr(0, comma), ys = text.substr(comma + 1);
  if (!ys.empty() && ys.back() == '!') ys.pop_back();
  auto rx = std::from_chars(xs.data(), xs.data() + xs.size(), x);
  auto ry = std::from_chars(ys.data(), ys.data() + ys.size(), y);
  if (rx.ec != std::errc() || ry.ec != std::errc() || rx.ptr != xs.data() + xs.size() || ry.ptr != ys.data() + ys.size() ||
      !std::isfinite(x) || !std::isfinite(y))
    return std::nullopt;
  return Point{x, y};
}

std::string formatNumber(double v) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  (void)ec;
  return std::string(buffer, end);
}

std::string dotQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '\\';  // Boost's reader unescapes only \"
    out += c;
  }
  return out + "\"";
}

// Boost's message for a text it cannot read, "" when it reads it (to locate its errors).
std::string boostError(std::string_view text) {
  DotGraph dot;
  boost::dynamic_properties props(boost::ignore_other_properties);
  try {
    (void)boost::read_graphviz(std::string(text), dot, props, "node_id");
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

ErrorContext located(std::string_view source, std::string_view text, std::optional<std::size_t> offset,
                     std::string variable = {}) {
  ErrorContext where{std::string(source), 0, 0, std::move(variable)};
  if (offset) {
    const auto p = detail::positionAt(text, *offset);
    where.line = p.line;
    where.column = p.column;
  }
  return where;
}

}  // namespace

Result<CausalGraph> parseDot(std::string_view text, std::string_view sourceName) {
  DotGraph dot;
  boost::dynamic_properties props(boost::ignore_other_properties);
  props.property("node_id", boost::get(&DotVertex::name, dot));
  props.property("role", boost::get(&DotVertex::role, dot));
  props.property("pos", boost::get(&DotVertex::pos, dot));
  props.property("dir", boost::get(&DotEdge::dir, dot));
  props.property("pos", boost::get(&DotEdge::pos, dot));
  const ErrorContext where{std::string(sourceName), 0, 0, {}};
  // Names must be UTF-8, as in DAGitty models: they are written back out and into reports.
  if (const auto bad = findInvalidUtf8(text))
    return makeError(ErrorCode::SyntaxError, describeInvalidUtf8(text, *bad), located(sourceName, text, *bad));
  // Boost's reader recurses per nested brace or bracket; refuse absurd depths before it overflows the stack.
  // Braces inside quoted names do not nest anything.
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\') ++i;  // an escaped character, a quote included
      else if (c == '"') quoted = false;
      continue;
    }
    if (c == '"') quoted = true;
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    if (depth > 256)
      return makeError(ErrorCode::SyntaxError, "subgraphs are nested more than 256 levels deep", where);
  }
  try {
    const std::string copy(text);
    if (!boost::read_graphviz(copy, dot, props, "node_id"))
      return makeError(ErrorCode::SyntaxError, "could not read the DOT graph", where);
  } catch (const boost::undirected_graph_error&) {
    return makeError(ErrorCode::UnsupportedSyntax, "undirected DOT graphs ('graph { a -- b }') are not supported; use 'digraph'", where);
  } catch (const std::exception& e) {
    const std::string message = e.what();
    return makeError(ErrorCode::SyntaxError, "DOT syntax error: " + message,
                     located(sourceName, text, detail::locateSyntaxError(text, message, boostError)));
  }

  CausalGraph graph;
  for (auto [v, end] = boost::vertices(dot); v != end; ++v) {
    const DotVertex& dv = dot[*v];
    RoleSet roles;
    std::stringstream roleList(dv.role);
    for (std::string word; std::getline(roleList, word, ';');) {
      bool known = false;
      for (Role role : kAllRoles)
        if (word == roleKeyword(role)) {
          roles.set(role);
          known = true;
        }
      if (!known && !word.empty()) {
        const auto at = detail::findAttribute(text, "role", [&](std::string_view value) {
          return (";" + std::string(value) + ";").find(";" + word + ";") != std::string::npos;
        });
        return makeError(ErrorCode::SyntaxError, "unknown role '" + word + "' on node '" + dv.name + "'",
                         located(sourceName, text, at, dv.name));
      }
    }
    std::optional<Point> pos;
    if (!dv.pos.empty()) {
      pos = parsePoint(dv.pos);
      if (!pos) {
        const auto at = detail::findAttribute(text, "pos", [&](std::string_view value) { return value == dv.pos; });
        return makeError(ErrorCode::SyntaxError, "pos of '" + dv.name + "' must look like \"x,y\"",
                         located(sourceName, text, at, dv.name));
      }
    }
    if (auto r = graph.addNode(dv.name, roles, pos); !r) return r.error();
  }
  for (auto [e, end] = boost::edges(dot); e != end; ++e) {
    const NodeId from = *graph.findNode(dot[boost::source(*e, dot)].name);
    const NodeId to = *graph.findNode(dot[boost::target(*e, dot)].name);
    const EdgeKind kind = dot[*e].dir == "both" ? EdgeKind::Bidirected : EdgeKind::Directed;
    const bool back = dot[*e].dir == "back";
    const NodeId source = back ? to : from, target = back ? from : to;
    if (source == target)
      return makeError(ErrorCode::SelfLoop, "'" + graph.name(source) + "' cannot have an edge to itself",
                       {std::string(sourceName), 0, 0, graph.name(source)});
    if (graph.hasEdge(source, target, kind)) continue;
    if (auto r = graph.addEdgeUnchecked({source, target, kind, parsePoint(dot[*e].pos)}); !r) return r.error();
  }
  if (auto cycle = graph.findCycle())
    return makeError(ErrorCode::Cycle, "the model has a cycle: " + graph.describeCycle(*cycle), where);
  return graph;
}

std::string writeDot(const CausalGraph& graph) {
  std::string out = "digraph {\n";
  for (NodeId id : graph.nodeIds()) {
    const NodeData& node = graph.node(id);
    out += "  " + dotQuote(node.name);
    std::string attrs;
    std::string roles;
    for (Role role : kAllRoles)
      if (node.roles.has(role)) roles += (roles.empty() ? "" : ";") + std::string(roleKeyword(role));
    if (!roles.empty()) attrs += "role=" + dotQuote(roles);
    if (node.roles.has(Role::Latent)) attrs += std::string(attrs.empty() ? "" : ", ") + "style=dashed";
    if (node.position)
      attrs += std::string(attrs.empty() ? "" : ", ") + "pos=" +
               dotQuote(formatNumber(node.position->x) + "," + formatNumber(node.position->y));
    if (!attrs.empty()) out += " [" + attrs + "]";
    out += ";\n";
  }
  for (const EdgeData& e : graph.edges()) {
    out += "  " + dotQuote(graph.name(e.from)) + " -> " + dotQuote(graph.name(e.to));
    std::string attrs;
    if (e.kind == EdgeKind::Bidirected) attrs = "dir=both, style=dashed";
    if (e.controlPoint)
      attrs += std::string(attrs.empty() ? "" : ", ") + "pos=" +
               dotQuote(formatNumber(e.controlPoint->x) + "," + formatNumber(e.controlPoint->y));
    if (!attrs.empty()) out += " [" + attrs + "]";
    out += ";\n";
  }
  return out + "}\n";
}

}  // namespace causeway::graph
