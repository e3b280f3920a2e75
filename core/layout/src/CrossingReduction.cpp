#include "CrossingReduction.hpp"

#include <algorithm>
#include <utility>

namespace causeway::layout::detail {

namespace {

std::vector<int> positionsInLayers(const LayeredGraph& lg) {
  std::vector<int> pos(lg.size(), 0);
  for (const auto& layer : lg.layers)
    for (std::size_t i = 0; i < layer.size(); ++i) pos[static_cast<std::size_t>(layer[i])] = static_cast<int>(i);
  return pos;
}

std::size_t crossingsBetween(const LayeredGraph& lg, std::size_t upper, const std::vector<int>& pos) {
  // Edges sorted by upper position then lower position; crossings are inversions of the lower
  // positions (Barth, Juenger and Mutzel's accumulator, with a Fenwick tree).
  std::vector<std::pair<int, int>> edges;
  for (int v : lg.layers[upper])
    for (int w : lg.down[static_cast<std::size_t>(v)])
      edges.emplace_back(pos[static_cast<std::size_t>(v)], pos[static_cast<std::size_t>(w)]);
  std::sort(edges.begin(), edges.end());
  const std::size_t width = lg.layers[upper + 1].size();
  std::vector<std::size_t> tree(width + 1, 0);
  std::size_t crossings = 0;
  std::size_t inserted = 0;
  for (const auto& edge : edges) {
    // Count already inserted lower positions greater than this one.
    std::size_t notGreater = 0;
    for (std::size_t i = static_cast<std::size_t>(edge.second) + 1; i > 0; i -= i & (~i + 1)) notGreater += tree[i];
    crossings += inserted - notGreater;
    for (std::size_t i = static_cast<std::size_t>(edge.second) + 1; i <= width; i += i & (~i + 1)) ++tree[i];
    ++inserted;
  }
  return crossings;
}

// Sorts one layer by the mean relative position of its neighbours in the adjacent layer; nodes
// without such neighbours keep their own relative position.
void sortLayer(LayeredGraph& lg, std::size_t index, bool byUpper, const std::vector<int>& pos) {
  auto& layer = lg.layers[index];
  const std::size_t otherIndex = byUpper ? index - 1 : index + 1;
  const double otherSize = static_cast<double>(lg.layers[otherIndex].size());
  const double ownSize = static_cast<double>(layer.size());
  std::vector<std::pair<double, int>> keyed;
  keyed.reserve(layer.size());
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const int v = layer[i];
    const auto& neighbours = byUpper ? lg.up[static_cast<std::size_t>(v)] : lg.down[static_cast<std::size_t>(v)];
    double key = (static_cast<double>(i) + 0.5) / ownSize;
    if (!neighbours.empty()) {
      double sum = 0.0;
      for (int w : neighbours) sum += (pos[static_cast<std::size_t>(w)] + 0.5) / otherSize;
      key = sum / static_cast<double>(neighbours.size());
    }
    keyed.emplace_back(key, v);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < layer.size(); ++i) layer[i] = keyed[i].second;
}

}  // namespace

std::size_t countCrossings(const LayeredGraph& lg) {
  const std::vector<int> pos = positionsInLayers(lg);
  std::size_t total = 0;
  for (std::size_t l = 0; l + 1 < lg.layers.size(); ++l) total += crossingsBetween(lg, l, pos);
  return total;
}

void reduceCrossings(LayeredGraph& lg, int maxSweeps) {
  if (lg.layers.size() < 2) return;
  auto best = lg.layers;
  std::size_t bestCrossings = countCrossings(lg);
  int sinceImprovement = 0;
  for (int sweep = 0; sweep < maxSweeps && bestCrossings > 0 && sinceImprovement < 4; ++sweep) {
    const bool rightward = sweep % 2 == 0;
    if (rightward) {
      for (std::size_t l = 1; l < lg.layers.size(); ++l) sortLayer(lg, l, true, positionsInLayers(lg));
    } else {
      for (std::size_t l = lg.layers.size() - 1; l-- > 0;) sortLayer(lg, l, false, positionsInLayers(lg));
    }
    const std::size_t crossings = countCrossings(lg);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = lg.layers;
      sinceImprovement = 0;
    } else {
      ++sinceImprovement;
    }
  }
  lg.layers = std::move(best);
}

}  // namespace causeway::layout::detail
