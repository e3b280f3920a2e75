#include "causeway/layout/ForceLayout.hpp"

#include <algorithm>
#include <map>
#include <cmath>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include "Pinning.hpp"

namespace causeway::layout {

namespace {

using Topology = boost::square_topology<boost::minstd_rand>;
using BoostPoint = Topology::point_type;
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

// Repulsion only between vertices in neighbouring grid cells of width 2k. (Boost 1.74's
// grid_force_pairs sizes its cells from the area instead of k, which puts every vertex in one
// cell: quadratic time.)
struct GridForcePairs {
  double cellSize;
  const std::vector<BoostPoint>* position;

  template <typename Graph, typename ApplyForce>
  void operator()(const Graph& g, ApplyForce applyForce) const {
    const auto& pos = *position;
    auto cellOf = [&](std::size_t v) {
      return std::pair<long, long>{static_cast<long>(std::floor(pos[v][0] / cellSize)),
                                   static_cast<long>(std::floor(pos[v][1] / cellSize))};
    };
    std::map<std::pair<long, long>, std::vector<std::size_t>> buckets;
    for (std::size_t v = 0; v < boost::num_vertices(g); ++v) buckets[cellOf(v)].push_back(v);
    for (const auto& [cell, members] : buckets) {
      for (std::size_t i = 0; i < members.size(); ++i) {
        const std::size_t u = members[i];
        for (std::size_t j = i + 1; j < members.size(); ++j) {
          applyForce(u, members[j]);
          applyForce(members[j], u);
        }
        for (long dx = -1; dx <= 1; ++dx)
          for (long dy = -1; dy <= 1; ++dy) {
            if (dx == 0 && dy == 0) continue;
            auto other = buckets.find({cell.first + dx, cell.second + dy});
            if (other == buckets.end()) continue;
            for (std::size_t v : other->second)
              if (std::hypot(pos[u][0] - pos[v][0], pos[u][1] - pos[v][1]) < cellSize) applyForce(u, v);
          }
      }
    }
  }
};

// Linear cooling that drops to zero (which ends Boost's loop) once cancellation is requested.
struct CancellableCooling {
  boost::linear_cooling<double> inner;
  const Progress* progress;
  double operator()() { return progress->cancelled() ? 0.0 : inner(); }
};

double median(std::vector<double> values) {
  if (values.empty()) return 0.0;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
  return values[values.size() / 2];
}

// Rotates the drawing so the mean exposure lies left of the mean outcome on a horizontal line.
void alignAxis(const graph::CausalGraph& graph, Positions& layout) {
  const auto exposures = graph.nodesWithRole(graph::Role::Exposure);
  const auto outcomes = graph.nodesWithRole(graph::Role::Outcome);
  if (exposures.empty() || outcomes.empty()) return;
  auto mean = [&](const std::vector<graph::NodeId>& ids) {
    graph::Point sum;
    for (auto id : ids) {
      sum.x += layout[id].x;
      sum.y += layout[id].y;
    }
    const auto n = static_cast<double>(ids.size());
    return graph::Point{sum.x / n, sum.y / n};
  };
  const auto [ex, ey] = mean(exposures);
  const auto [ox, oy] = mean(outcomes);
  const double angle = -std::atan2(oy - ey, ox - ex);
  if (std::hypot(ox - ex, oy - ey) < 1e-9) return;
  const double c = std::cos(angle);
  const double s = std::sin(angle);
  for (auto& [id, p] : layout) {
    const double x = p.x - ex;
    const double y = p.y - ey;
    p = graph::Point{ex + c * x - s * y, ey + s * x + c * y};
  }
}

}  // namespace

Positions forceLayout(const graph::CausalGraph& graph, const LayoutOptions& options, const Progress& progress) {
  Positions out;
  const std::vector<graph::NodeId> ids = graph.nodeIds();
  if (ids.empty()) return out;
  std::unordered_map<graph::NodeId, std::size_t> index;
  for (std::size_t i = 0; i < ids.size(); ++i) index[ids[i]] = i;
  Undirected g(ids.size());
  for (const graph::EdgeData& e : graph.edges()) boost::add_edge(index[e.from], index[e.to], g);

  boost::minstd_rand generator(options.seed);
  const double side = 160.0 * std::sqrt(static_cast<double>(ids.size())) + 200.0;
  Topology topology(generator, side);
  std::vector<BoostPoint> position(ids.size());
  auto positionMap = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, positionMap, topology);
  const std::size_t n = ids.size();
  const std::size_t iterations = n <= 200 ? 300 : std::max<std::size_t>(80, 60000 / n);
  const double k = side / std::sqrt(static_cast<double>(n));
  boost::fruchterman_reingold_force_directed_layout(
      g, positionMap, topology,
      boost::cooling(CancellableCooling{boost::linear_cooling<double>(iterations), &progress})
          .force_pairs(GridForcePairs{2.0 * k, &position}));
  if (progress.cancelled()) return {};

  for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]] = graph::Point{position[i][0], position[i][1]};
  // Scale to readable edge lengths.
  std::vector<double> lengths;
  for (const graph::EdgeData& e : graph.edges())
    lengths.push_back(std::hypot(out[e.from].x - out[e.to].x, out[e.from].y - out[e.to].y));
  const double typical = median(lengths);
  if (typical > 1e-9) {
    const double factor = 170.0 / typical;
    for (auto& [id, p] : out) p = graph::Point{p.x * factor, p.y * factor};
  }
  alignAxis(graph, out);
  detail::removeOverlaps(graph, options, out, false);
  detail::fitAroundPinned(graph, options, out);
  return out;
}

}  // namespace causeway::layout
