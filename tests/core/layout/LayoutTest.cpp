// Layered and force-directed layouts: no overlapping boxes, exposure left of outcome on one axis,
// pinned nodes untouched, deterministic, and a 1,000-node graph laid out completely. (Moved from
// a QTest so that the core and sanitize presets run it; timing lives in the benchmarks.)
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/layout/ForceLayout.hpp"
#include "causeway/layout/LayeredLayout.hpp"

using namespace causeway;

namespace {

graph::CausalGraph parse(const char* text) {
  auto g = graph::parseDagitty(text);
  if (!g) throw std::runtime_error(g.error().describe());
  return *g;
}

graph::CausalGraph randomDag(int n, double edgesPerNode, unsigned seed) {
  std::mt19937 rng(seed);
  graph::CausalGraph g;
  std::vector<graph::NodeId> ids;
  for (int i = 0; i < n; ++i) {
    std::string name = "v";  // appended, not `"v" + ...`: GCC 12 warns falsely (-Wrestrict) on that
    ids.push_back(*g.addNode(name.append(std::to_string(i))));
  }
  std::uniform_int_distribution<int> pick(0, n - 1);
  const int edges = static_cast<int>(edgesPerNode * n);
  for (int k = 0; k < edges; ++k) {
    int a = pick(rng), b = pick(rng);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    // Mostly local edges, like real diagrams.
    if (b - a > 12 && k % 4 != 0) continue;
    (void)g.addEdgeUnchecked(
        {ids[static_cast<std::size_t>(a)], ids[static_cast<std::size_t>(b)], graph::EdgeKind::Directed, {}});
  }
  g.setRole(ids.front(), graph::Role::Exposure, true);
  g.setRole(ids.back(), graph::Role::Outcome, true);
  return g;
}

// Pairs of node boxes that overlap by more than half a unit, checked pair by pair.
int overlaps(const graph::CausalGraph& g, const layout::Positions& p) {
  int count = 0;
  const auto ids = g.nodeIds();
  for (std::size_t i = 0; i < ids.size(); ++i)
    for (std::size_t j = i + 1; j < ids.size(); ++j) {
      const auto a = layout::estimateNodeBox(g.name(ids[i]));
      const auto b = layout::estimateNodeBox(g.name(ids[j]));
      const auto& pa = p.at(ids[i]);
      const auto& pb = p.at(ids[j]);
      if (std::abs(pa.x - pb.x) < (a.width + b.width) / 2.0 - 0.5 &&
          std::abs(pa.y - pb.y) < (a.height + b.height) / 2.0 - 0.5)
        ++count;
    }
  return count;
}

}  // namespace

TEST(LayeredLayout, MBiasLeftToRightOnOneAxis) {
  const auto g = parse("dag { X [exposure] Y [outcome] A -> X A -> M B -> M B -> Y X -> Y }");
  const auto p = layout::layeredLayout(g);
  ASSERT_EQ(p.size(), 5U);
  const auto x = p.at(*g.findNode("X")), y = p.at(*g.findNode("Y"));
  EXPECT_LT(x.x, y.x);                       // left to right
  EXPECT_LT(std::abs(x.y - y.y), 1.0);       // on one axis
  EXPECT_EQ(overlaps(g, p), 0);
  EXPECT_LT(p.at(*g.findNode("A")).x, x.x);  // causes to the left
}

TEST(LayeredLayout, IsDeterministic) {
  const auto g = randomDag(40, 1.5, 3);
  EXPECT_TRUE(layout::layeredLayout(g) == layout::layeredLayout(g));
}

TEST(LayeredLayout, PinnedNodesStay) {
  const auto g = parse("dag { X [exposure] Y [outcome] Z -> X Z -> Y X -> Y W -> Z }");
  layout::LayoutOptions options;
  const auto z = *g.findNode("Z");
  options.pinned.insert(z);
  options.current[z] = graph::Point{1000, -500};
  const auto p = layout::layeredLayout(g, options);
  EXPECT_EQ(p.at(z).x, 1000);
  EXPECT_EQ(p.at(z).y, -500);
  EXPECT_EQ(overlaps(g, p), 0);
}

TEST(LayeredLayout, NoOverlapsAtSixtyNodes) {
  const auto g = randomDag(60, 1.6, 11);
  const auto p = layout::layeredLayout(g);
  EXPECT_EQ(p.size(), 60U);
  EXPECT_EQ(overlaps(g, p), 0);
}

TEST(ForceLayout, NoOverlapsExposureLeftOfOutcomeAndSeeded) {
  const auto g = randomDag(30, 1.3, 5);
  const auto p = layout::forceLayout(g);
  EXPECT_EQ(p.size(), 30U);
  EXPECT_EQ(overlaps(g, p), 0);
  const auto x = p.at(g.nodesWithRole(graph::Role::Exposure).front());
  const auto y = p.at(g.nodesWithRole(graph::Role::Outcome).front());
  EXPECT_LT(x.x, y.x);
  EXPECT_TRUE(layout::forceLayout(g) == p);
}

TEST(Layout, ThousandNodesEveryNodePlacedWithoutOverlap) {
  const auto g = randomDag(1000, 1.5, 9);
  const auto layered = layout::layeredLayout(g);
  EXPECT_EQ(layered.size(), 1000U);
  EXPECT_EQ(overlaps(g, layered), 0);
  const auto force = layout::forceLayout(g);
  EXPECT_EQ(force.size(), 1000U);
}
