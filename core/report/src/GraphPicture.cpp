#include "causeway/report/GraphPicture.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "causeway/report/SvgBuilder.hpp"

namespace causeway::report {

namespace {

using graph::NodeId;
using graph::Role;

struct NodeStyle {
  const char* fill;
  const char* stroke;
  const char* dash;
  const char* label;
};

// DAGitty's colour conventions, with a dashed border for latent nodes so the roles do not rely
// on colour alone.
NodeStyle styleFor(graph::RoleSet roles) {
  if (roles.has(Role::Exposure)) return {"#bed403", "#556000", "", "exposure"};
  if (roles.has(Role::Outcome)) return {"#00a2e0", "#004a6b", "", "outcome"};
  if (roles.has(Role::Latent)) return {"#ffffff", "#808080", "4 3", "latent (unobserved)"};
  if (roles.has(Role::Adjusted)) return {"#e8e8e8", "#222222", "", "adjusted"};
  return {"#f6f6f6", "#5a5a5a", "", "other variable"};
}

constexpr const char* kCausalColour = "#2e8b22";
constexpr const char* kBiasingColour = "#c0392b";
constexpr const char* kPlainEdge = "#444444";

struct Box {
  double x, y, halfWidth, halfHeight;
};

// The point where the segment from the box centre towards (tx, ty) leaves the box.
std::pair<double, double> boxExit(const Box& b, double tx, double ty) {
  const double dx = tx - b.x, dy = ty - b.y;
  if (dx == 0 && dy == 0) return {b.x, b.y};
  const double sx = dx != 0 ? b.halfWidth / std::abs(dx) : std::numeric_limits<double>::infinity();
  const double sy = dy != 0 ? b.halfHeight / std::abs(dy) : std::numeric_limits<double>::infinity();
  const double s = std::min(sx, sy);
  return {b.x + dx * s, b.y + dy * s};
}

std::string arrowHead(double x, double y, double fromX, double fromY) {
  const double angle = std::atan2(y - fromY, x - fromX);
  const double size = 9, spread = 0.42;
  const double ax = x - size * std::cos(angle - spread), ay = y - size * std::sin(angle - spread);
  const double bx = x - size * std::cos(angle + spread), by = y - size * std::sin(angle + spread);
  return "M" + SvgBuilder::number(x) + "," + SvgBuilder::number(y) + " L" + SvgBuilder::number(ax) + "," +
         SvgBuilder::number(ay) + " L" + SvgBuilder::number(bx) + "," + SvgBuilder::number(by) + " Z";
}

}  // namespace

std::string renderGraphSvg(const graph::CausalGraph& graph, const GraphPictureOptions& options) {
  const auto ids = graph.nodeIds();
  const double legendHeight = options.legend ? 56.0 : 0.0;  // two rows: node roles, edge kinds
  SvgBuilder svg(options.width, options.height + legendHeight);
  svg.rect(0, 0, options.width, options.height + legendHeight, "#ffffff");

  double minX = std::numeric_limits<double>::max(), maxX = std::numeric_limits<double>::lowest();
  double minY = minX, maxY = maxX;
  for (NodeId id : ids) {
    const auto& pos = graph.node(id).position;
    if (!pos) throw std::invalid_argument("renderGraphSvg: node '" + graph.name(id) + "' has no position");
    minX = std::min(minX, pos->x);
    maxX = std::max(maxX, pos->x);
    minY = std::min(minY, pos->y);
    maxY = std::max(maxY, pos->y);
  }
  const double margin = 70;
  const double spanX = std::max(maxX - minX, 1e-9), spanY = std::max(maxY - minY, 1e-9);
  const double scale = std::min((options.width - 2 * margin) / spanX, (options.height - 2 * margin * 0.6) / spanY);
  const double offsetX = (options.width - scale * spanX) / 2, offsetY = (options.height - scale * spanY) / 2;

  std::map<NodeId, Box> boxes;
  for (NodeId id : ids) {
    const auto& pos = *graph.node(id).position;
    const double labelWidth = 7.2 * static_cast<double>(graph.name(id).size()) + 18;
    boxes[id] = Box{ids.size() == 1 ? options.width / 2 : offsetX + (pos.x - minX) * scale,
                    ids.size() == 1 ? options.height / 2 : offsetY + (pos.y - minY) * scale,
                    std::max(labelWidth, 34.0) / 2, 14};
  }

  auto emphasisOf = [&](NodeId from, NodeId to) {
    for (const auto& [edge, emphasis] : options.emphasis)
      if (edge.first == from && edge.second == to) return emphasis;
    return EdgeEmphasis::None;
  };

  for (const auto& e : graph.edges()) {
    const Box& a = boxes[e.from];
    const Box& b = boxes[e.to];
    auto [x1, y1] = boxExit(a, b.x, b.y);
    auto [x2, y2] = boxExit(b, a.x, a.y);
    if (e.kind == graph::EdgeKind::Bidirected) {
      // Bow the curve so it stays visible next to a directed edge between the same nodes.
      const double mx = (x1 + x2) / 2 - (y2 - y1) * 0.2, my = (y1 + y2) / 2 + (x2 - x1) * 0.2;
      svg.path("M" + SvgBuilder::number(x1) + "," + SvgBuilder::number(y1) + " Q" + SvgBuilder::number(mx) + "," +
                   SvgBuilder::number(my) + " " + SvgBuilder::number(x2) + "," + SvgBuilder::number(y2),
               "none", "#7a7a7a", 1.4, "6 4");
      svg.path(arrowHead(x2, y2, mx, my), "#7a7a7a", "none");
      svg.path(arrowHead(x1, y1, mx, my), "#7a7a7a", "none");
      continue;
    }
    const EdgeEmphasis emphasis = emphasisOf(e.from, e.to);
    const char* colour = emphasis == EdgeEmphasis::Causal    ? kCausalColour
                         : emphasis == EdgeEmphasis::Biasing ? kBiasingColour
                                                             : kPlainEdge;
    const double width = emphasis == EdgeEmphasis::None ? 1.4 : 2.6;
    svg.line(x1, y1, x2, y2, colour, width);
    svg.path(arrowHead(x2, y2, x1, y1), colour, "none");
  }

  for (NodeId id : ids) {
    const Box& b = boxes[id];
    const auto roles = graph.roles(id);
    const NodeStyle style = styleFor(roles);
    svg.path("M" + SvgBuilder::number(b.x - b.halfWidth + 10) + "," + SvgBuilder::number(b.y - b.halfHeight) +
                 " h" + SvgBuilder::number(2 * b.halfWidth - 20) + " a10,10 0 0 1 10,10 v" +
                 SvgBuilder::number(2 * b.halfHeight - 20) + " a10,10 0 0 1 -10,10 h" +
                 SvgBuilder::number(-(2 * b.halfWidth - 20)) + " a10,10 0 0 1 -10,-10 v" +
                 SvgBuilder::number(-(2 * b.halfHeight - 20)) + " a10,10 0 0 1 10,-10 Z",
             style.fill, style.stroke, roles.has(Role::Adjusted) ? 2.6 : 1.4, style.dash);
    if (roles.has(Role::Selected))
      svg.rect(b.x - b.halfWidth - 4, b.y - b.halfHeight - 4, 2 * b.halfWidth + 8, 2 * b.halfHeight + 8, "none",
               "#7b3fa0", 1.4, 12);
    svg.text(b.x, b.y + 4.5, graph.name(id), 13, "middle", "#111111", roles.has(Role::Exposure) || roles.has(Role::Outcome));
  }

  if (options.legend) {
    double y = options.height + 8;
    double x = 12;
    auto legendNode = [&](const char* fill, const char* stroke, const char* dash, double strokeWidth, const char* label) {
      svg.path("M" + SvgBuilder::number(x) + "," + SvgBuilder::number(y) + " h22 v14 h-22 Z", fill, stroke, strokeWidth, dash);
      svg.text(x + 28, y + 11, label, 11, "start", "#333333");
      x += 36 + 6.3 * static_cast<double>(std::char_traits<char>::length(label));
    };
    legendNode("#bed403", "#556000", "", 1.4, "exposure");
    legendNode("#00a2e0", "#004a6b", "", 1.4, "outcome");
    legendNode("#e8e8e8", "#222222", "", 2.6, "adjusted");
    legendNode("#ffffff", "#808080", "4 3", 1.4, "latent");
    y += 24;
    x = 12;
    auto legendEdge = [&](const char* colour, const char* dash, const char* label) {
      svg.line(x, y + 7, x + 24, y + 7, colour, 2.2, dash);
      svg.text(x + 30, y + 11, label, 11, "start", "#333333");
      x += 38 + 6.3 * static_cast<double>(std::char_traits<char>::length(label));
    };
    legendEdge(kCausalColour, "", "causal path");
    legendEdge(kBiasingColour, "", "open biasing path");
    legendEdge("#7a7a7a", "6 4", "latent common cause");
  }
  return svg.str();
}

}  // namespace causeway::report
