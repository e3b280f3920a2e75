#include "causeway/graph/DagittySyntax.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cctype>
#include <map>
#include <optional>
#include <utility>

#include "DagittyDialects.hpp"
#include "DagittyLexer.hpp"

namespace causeway::graph {

namespace {

using detail::Token;
using detail::TokenKind;

using detail::lower;
using detail::trim;

std::optional<double> parseNumber(std::string_view s) {
  const std::string t = trim(s);
  double value = 0.0;
  const char* begin = t.data();
  if (!t.empty() && t.front() == '+') ++begin;
  auto [end, ec] = std::from_chars(begin, t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size() || t.empty() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// "x,y" (spaces allowed) -> Point.
std::optional<Point> parsePoint(std::string_view s) {
  const auto comma = s.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  auto x = parseNumber(s.substr(0, comma));
  auto y = parseNumber(s.substr(comma + 1));
  if (!x || !y) return std::nullopt;
  return Point{*x, *y};
}

struct Attribute {
  std::string key;
  std::optional<std::string> value;
  std::size_t line = 0;
  std::size_t column = 0;
};

struct PendingEdge {
  std::string from;
  std::string to;
  EdgeKind kind;
  std::optional<Point> controlPoint;
  std::size_t line;
  std::size_t column;
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string_view sourceName)
      : tokens_(std::move(tokens)), source_(sourceName) {}

  Result<CausalGraph> run() {
    if (auto r = header(); !r) return r.error();
    while (!error_ && !atEnd()) {
      if (braced_ && peek().kind == TokenKind::RBrace) break;
      statement();
    }
    if (error_) return *error_;
    if (braced_) {
      if (peek().kind != TokenKind::RBrace) return fail("missing '}' at the end of the model", peek());
      next();
      if (!atEnd()) return fail("unexpected '" + peek().text + "' after the closing '}'", peek());
    }
    return finish();
  }

 private:
  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& next() { return tokens_[std::min(pos_++, tokens_.size() - 1)]; }
  bool atEnd() const { return peek().kind == TokenKind::End; }
  bool isName(const Token& t) const { return t.kind == TokenKind::Identifier || t.kind == TokenKind::String; }

  Error fail(std::string message, const Token& at) const {
    return makeError(ErrorCode::SyntaxError, std::move(message), {std::string(source_), at.line, at.column, {}});
  }
  void setError(Error e) {
    if (!error_) error_ = std::move(e);
  }

  // [strict] (dag|digraph|graph|pdag|mag|pag) [id] {   -- or bare statements with no header.
  Result<void> header() {
    std::size_t look = 0;
    if (peek().kind == TokenKind::Identifier && lower(peek().text) == "strict") look = 1;
    const Token& type = peek(look);
    const bool hasType = type.kind == TokenKind::Identifier &&
                         (peek(look + 1).kind == TokenKind::LBrace ||
                          (isName(peek(look + 1)) && peek(look + 2).kind == TokenKind::LBrace));
    if (!hasType) {
      if (look == 1) return fail("expected a graph type such as 'dag' after 'strict'", type);
      return Ok{};  // bare statement list, e.g. "X -> Y; Z -> {X Y}"
    }
    const std::string kind = lower(type.text);
    if (kind == "pdag" || kind == "mag" || kind == "pag" || kind == "graph")
      return makeError(ErrorCode::UnsupportedSyntax, detail::unsupportedGraphType(type.text),
                       {std::string(source_), type.line, type.column, {}});
    if (kind != "dag" && kind != "digraph")
      return fail("unknown graph type '" + type.text + "' (expected 'dag')", type);
    pos_ += look + 1;
    if (isName(peek())) next();  // optional graph name
    next();                      // '{'
    braced_ = true;
    return Ok{};
  }

  void statement() {
    const Token& first = peek();
    if (first.kind == TokenKind::Separator) {
      next();
      return;
    }
    if (isName(first) && peek(1).kind == TokenKind::Equals) {
      graphAttribute();
      return;
    }
    if (!isName(first) && first.kind != TokenKind::LBrace) {
      setError(fail(first.kind == TokenKind::End ? "unexpected end of the model (missing '}'?)"
                                                 : "unexpected '" + first.text + "'",
                    first));
      return;
    }
    (void)edgeStatement();
  }

  // A node group, optionally chained by arrows (A -> {B C} <- D); returns every node it mentions,
  // which is what the statement stands for when it is itself nested in a group.
  std::vector<std::string> edgeStatement() {
    std::vector<std::string> mentioned;
    std::vector<std::string> left = nodeGroup();
    if (error_) return mentioned;
    mentioned = left;
    std::vector<PendingEdge> chain;
    while (peek().kind == TokenKind::Arrow) {
      const Token arrow = next();
      auto kind = arrowKind(arrow);
      if (!kind) return mentioned;
      if (!isName(peek()) && peek().kind != TokenKind::LBrace) {
        setError(fail("expected a node name after '" + arrow.text + "'", peek()));
        return mentioned;
      }
      // Brackets after the last target of an arrow hold edge attributes (DOT's rule).
      std::vector<std::string> right = nodeGroup(/*nodeAttributesAfterName=*/false);
      if (error_) return mentioned;
      mentioned.insert(mentioned.end(), right.begin(), right.end());
      for (const auto& a : left)
        for (const auto& b : right) {
          if (arrow.text == "<-") chain.push_back({b, a, *kind, {}, arrow.line, arrow.column});
          else chain.push_back({a, b, *kind, {}, arrow.line, arrow.column});
        }
      left = std::move(right);
    }
    if (!chain.empty() && peek().kind == TokenKind::LBracket) {
      for (const Attribute& attr : attributeList()) {
        if (attr.key != "pos") {
          setError(makeError(ErrorCode::SyntaxError, "unknown edge attribute '" + attr.key + "' (edges accept only pos)",
                             {std::string(source_), attr.line, attr.column, {}}));
          return mentioned;
        }
        auto point = attr.value ? parsePoint(*attr.value) : std::nullopt;
        if (!point) {
          setError(makeError(ErrorCode::SyntaxError, "edge pos must look like pos=\"x,y\"",
                             {std::string(source_), attr.line, attr.column, {}}));
          return mentioned;
        }
        for (auto& e : chain) e.controlPoint = point;
      }
    }
    edges_.insert(edges_.end(), chain.begin(), chain.end());
    return mentioned;
  }

  std::optional<EdgeKind> arrowKind(const Token& arrow) {
    if (arrow.text == "->" || arrow.text == "<-") return EdgeKind::Directed;
    if (arrow.text == "<->") return EdgeKind::Bidirected;
    const std::string what = arrow.text == "--" ? "undirected edges ('--') belong to pdag/mag models"
                                                : "'" + arrow.text + "' edges belong to pag models";
    setError(makeError(ErrorCode::UnsupportedSyntax, what + ", which are not supported yet; use -> or <->",
                       {std::string(source_), arrow.line, arrow.column, {}}));
    return std::nullopt;
  }

  void graphAttribute() {
    const Token key = next();
    next();  // '='
    const Token value = next();
    if (!isName(value)) {
      setError(fail("expected a value after '" + key.text + "='", value));
      return;
    }
    attributes_.emplace_back(key.text, value.text);
  }

  // A name, or a group {A B C} with optional [attributes] after each name; declares every node
  // named. Groups nest and may hold edge statements, {a -> {b c}}, standing for all their nodes.
  std::vector<std::string> nodeGroup(bool nodeAttributesAfterName = true) {
    std::vector<std::string> names;
    if (peek().kind != TokenKind::LBrace) {
      const Token name = next();
      declare(name, nodeAttributesAfterName);
      names.push_back(name.text);
      return names;
    }
    const Token open = next();
    while (!error_) {
      const Token& t = peek();
      if (t.kind == TokenKind::RBrace) {
        next();
        break;
      }
      if (t.kind == TokenKind::Separator) {
        next();
        continue;
      }
      if ((!isName(t) && t.kind != TokenKind::LBrace) || (isName(t) && peek(1).kind == TokenKind::Equals)) {
        setError(fail(t.kind == TokenKind::End ? "unterminated '{' (opened here)" : "expected a node name, found '" + t.text + "'",
                      t.kind == TokenKind::End ? open : t));
        break;
      }
      if (++depth_ > kMaxGroupDepth) {
        setError(fail("groups are nested more than " + std::to_string(kMaxGroupDepth) + " levels deep", t));
        break;
      }
      std::vector<std::string> inner = edgeStatement();
      --depth_;
      names.insert(names.end(), inner.begin(), inner.end());
    }
    return names;
  }

  // Records a node (first mention fixes its order) and applies any [attributes] that follow it.
  void declare(const Token& name, bool takeAttributes = true) {
    if (name.text.empty()) {
      setError(fail("a node name cannot be empty", name));
      return;
    }
    if (!nodeIndex_.contains(name.text)) {
      nodeIndex_.emplace(name.text, nodes_.size());
      nodes_.push_back({name.text, {}, std::nullopt, 0});
    }
    if (!takeAttributes || peek().kind != TokenKind::LBracket) return;
    NodeSpec& node = nodes_[nodeIndex_.at(name.text)];
    for (const Attribute& attr : attributeList()) applyNodeAttribute(node, attr);
  }

  struct NodeSpec {
    std::string name;
    RoleSet roles;
    std::optional<Point> position;
    std::size_t positionLine;
    std::vector<NodeAttribute> other = {};
  };

  void applyNodeAttribute(NodeSpec& node, const Attribute& attr) {
    const ErrorContext where{std::string(source_), attr.line, attr.column, node.name};
    const std::string key = lower(attr.key);
    if (auto role = detail::roleOfAttribute(key)) {
      node.roles.set(*role);
      return;
    }
    if (key == "pos") {
      auto point = attr.value ? parsePoint(*attr.value) : std::nullopt;
      if (!point) {
        setError(makeError(ErrorCode::SyntaxError, "pos of '" + node.name + "' must look like pos=\"x,y\"", where));
        return;
      }
      if (node.position && !(*node.position == *point)) {
        setError(makeError(ErrorCode::DuplicateNode,
                           "node '" + node.name + "' is given two different positions (first on line " +
                               std::to_string(node.positionLine) + ")",
                           where));
        return;
      }
      node.position = point;
      node.positionLine = attr.line;
      return;
    }
    // DAGitty keeps any other attribute (label="...", its own extensions) without complaint: so do we.
    for (NodeAttribute& kept : node.other)
      if (kept.key == attr.key) {
        kept.value = attr.value;
        return;
      }
    node.other.push_back({attr.key, attr.value});
  }

  // [key, key=value, ...]
  std::vector<Attribute> attributeList() {
    std::vector<Attribute> out;
    const Token open = next();  // '['
    while (!error_) {
      const Token& t = peek();
      if (t.kind == TokenKind::RBracket) {
        next();
        break;
      }
      if (t.kind == TokenKind::Separator) {
        next();
        continue;
      }
      if (!isName(t)) {
        const bool runaway = t.kind == TokenKind::End || t.kind == TokenKind::LBracket || t.kind == TokenKind::LBrace ||
                             t.kind == TokenKind::RBrace || t.kind == TokenKind::Arrow;
        setError(fail(runaway ? "unterminated '[' (opened here)" : "expected an attribute, found '" + t.text + "'",
                      runaway ? open : t));
        break;
      }
      if (peek(1).kind == TokenKind::LBracket) {  // "X [exposure\nY [outcome]": the ']' is missing
        setError(fail("unterminated '[' (opened here)", open));
        break;
      }
      const Token key = next();
      Attribute attr{key.text, std::nullopt, key.line, key.column};
      if (peek().kind == TokenKind::Equals) {
        next();
        const Token value = next();
        if (!isName(value)) {
          setError(fail("expected a value after '" + key.text + "='", value));
          break;
        }
        attr.value = value.text;
      }
      out.push_back(std::move(attr));
    }
    return out;
  }

  Result<CausalGraph> finish() {
    CausalGraph graph;
    for (const auto& [key, value] : attributes_) graph.setAttribute(key, value);
    for (const NodeSpec& spec : nodes_)
      (void)graph.restoreNode({graph.nextNodeId(), spec.name, spec.roles, spec.position, spec.other});
    std::map<std::pair<NodeId, NodeId>, const PendingEdge*> directedAt;
    for (const PendingEdge& e : edges_) {
      const NodeId from = *graph.findNode(e.from);
      const NodeId to = *graph.findNode(e.to);
      const ErrorContext where{std::string(source_), e.line, e.column, e.from};
      if (from == to)
        return makeError(ErrorCode::SelfLoop, "'" + e.from + "' cannot have an edge to itself", where);
      if (graph.hasEdge(from, to, e.kind)) continue;  // repeated edges are harmless
      if (auto r = graph.addEdgeUnchecked({from, to, e.kind, e.controlPoint}); !r) {
        Error err = r.error();
        err.context = where;
        return err;
      }
      if (e.kind == EdgeKind::Directed) directedAt[{from, to}] = &e;
    }
    if (auto cycle = graph.findCycle()) {
      // Point at the edge that closes the cycle in reading order.
      const PendingEdge* last = nullptr;
      for (std::size_t i = 0; i < cycle->size(); ++i) {
        const PendingEdge* e = directedAt.at({(*cycle)[i], (*cycle)[(i + 1) % cycle->size()]});
        if (!last || e > last) last = e;
      }
      return makeError(ErrorCode::Cycle, "the model has a cycle: " + graph.describeCycle(*cycle),
                       {std::string(source_), last->line, last->column, last->from});
    }
    return graph;
  }

  std::vector<Token> tokens_;
  std::string_view source_;
  std::size_t pos_ = 0;
  bool braced_ = false;
  std::optional<Error> error_;
  static constexpr std::size_t kMaxGroupDepth = 200;  // keeps the recursion far from the stack's end
  std::size_t depth_ = 0;
  std::vector<std::pair<std::string, std::string>> attributes_;
  std::vector<NodeSpec> nodes_;
  std::map<std::string, std::size_t> nodeIndex_;
  std::vector<PendingEdge> edges_;
};

}  // namespace

Result<CausalGraph> parseDagitty(std::string_view text, std::string_view sourceName) {
  if (auto line = detail::oldAdjacencyFormatLine(text))
    return makeError(ErrorCode::UnsupportedSyntax,
                     "this looks like DAGitty's old adjacency-list format (node lines such as 'X1 E', a blank "
                     "line, then adjacency lines such as 'X1 Y M1'), which Causeway does not read; open it on "
                     "dagitty.net and copy the model code it shows ('dag { ... }'), or write the edges as 'X1 -> Y'",
                     {std::string(sourceName), *line, 1, {}});
  auto tokens = detail::tokenizeDagitty(text, sourceName);
  if (!tokens) return std::move(tokens).error();
  return Parser(std::move(tokens).value(), sourceName).run();
}

}  // namespace causeway::graph
