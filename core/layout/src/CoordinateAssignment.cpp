#include "CoordinateAssignment.hpp"

#include <algorithm>

namespace causeway::layout::detail {

std::vector<double> isotonicFit(const std::vector<double>& target, const std::vector<double>& weight) {
  struct Block {
    double mean;
    double weight;
    std::size_t count;
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < target.size(); ++i) {
    blocks.push_back({target[i], weight[i], 1});
    while (blocks.size() > 1 && blocks[blocks.size() - 2].mean > blocks.back().mean) {
      const Block last = blocks.back();
      blocks.pop_back();
      Block& prev = blocks.back();
      const double total = prev.weight + last.weight;
      prev.mean = (prev.mean * prev.weight + last.mean * last.weight) / total;
      prev.weight = total;
      prev.count += last.count;
    }
  }
  std::vector<double> fit;
  fit.reserve(target.size());
  for (const Block& b : blocks) fit.insert(fit.end(), b.count, b.mean);
  return fit;
}

namespace {

// Vertical space required between consecutive vertices a (above) and b.
double separation(const LayeredGraph& lg, int a, int b, double gap) {
  const bool dummyPair = lg.isDummy(a) || lg.isDummy(b);
  const double space = dummyPair ? (lg.isDummy(a) && lg.isDummy(b) ? 10.0 : gap * 0.6) : gap;
  return (lg.height[static_cast<std::size_t>(a)] + lg.height[static_cast<std::size_t>(b)]) / 2.0 + space;
}

void placeLayer(const LayeredGraph& lg, const std::vector<int>& layer, std::vector<double>& y, double gap,
                bool useUp, bool useDown) {
  const std::size_t k = layer.size();
  if (k == 0) return;
  std::vector<double> target(k);
  std::vector<double> weight(k);
  double offset = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    const auto v = static_cast<std::size_t>(layer[i]);
    if (i > 0) offset += separation(lg, layer[i - 1], layer[i], gap);
    double sum = 0.0;
    double count = 0.0;
    auto add = [&](const std::vector<int>& neighbours, double w) {
      for (int n : neighbours) {
        sum += w * y[static_cast<std::size_t>(n)];
        count += w;
      }
    };
    if (useUp) add(lg.up[v], 1.0);
    if (useDown) add(lg.down[v], 1.0);
    add(lg.siblings[v], 0.3);
    double desired = count > 0.0 ? sum / count : y[v];
    // Long edges run straight: dummies follow their chain strongly.
    double w = lg.isDummy(layer[i]) ? 2.0 : 1.0 + 0.1 * count;
    if (lg.onAxis[v]) {
      // Exposures and outcomes sit on the axis; the rest arranges itself around them.
      desired = 0.0;
      w = 1e6;
    }
    target[i] = desired - offset;
    weight[i] = w;
  }
  const std::vector<double> fit = isotonicFit(target, weight);
  offset = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    if (i > 0) offset += separation(lg, layer[i - 1], layer[i], gap);
    y[static_cast<std::size_t>(layer[i])] = fit[i] + offset;
  }
}

}  // namespace

VertexCoordinates assignCoordinates(const LayeredGraph& lg, const LayoutOptions& options) {
  VertexCoordinates c;
  c.x.assign(lg.size(), 0.0);
  c.y.assign(lg.size(), 0.0);
  // Columns: each as wide as its widest box.
  double left = 0.0;
  for (std::size_t l = 0; l < lg.layers.size(); ++l) {
    double widest = 0.0;
    for (int v : lg.layers[l]) widest = std::max(widest, lg.width[static_cast<std::size_t>(v)]);
    const double centre = left + widest / 2.0;
    for (int v : lg.layers[l]) c.x[static_cast<std::size_t>(v)] = centre;
    left += widest + options.layerGap;
  }
  // Start stacked and centred, then relax.
  for (const auto& layer : lg.layers) {
    double offset = 0.0;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      if (i > 0) offset += separation(lg, layer[i - 1], layer[i], options.nodeGap);
      c.y[static_cast<std::size_t>(layer[i])] = offset;
    }
    for (int v : layer) c.y[static_cast<std::size_t>(v)] -= offset / 2.0;
  }
  const std::size_t n = lg.layers.size();
  for (int round = 0; round < 12; ++round) {
    for (std::size_t l = 1; l < n; ++l) placeLayer(lg, lg.layers[l], c.y, options.nodeGap, true, round >= 4);
    for (std::size_t l = n; l-- > 0;) placeLayer(lg, lg.layers[l], c.y, options.nodeGap, round >= 4, true);
  }
  for (const auto& layer : lg.layers) placeLayer(lg, layer, c.y, options.nodeGap, true, true);
  return c;
}

}  // namespace causeway::layout::detail
