// Layered and force-directed layouts: no overlapping boxes, exposure left of outcome on one axis,
// pinned nodes untouched, deterministic, fast enough for 1,000 nodes.
#include <QElapsedTimer>
#include <QTest>

#include <random>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/layout/ForceLayout.hpp"
#include "causeway/layout/LayeredLayout.hpp"

using namespace causeway;

namespace {

graph::CausalGraph parse(const char* text) {
  auto g = graph::parseDagitty(text);
  if (!g) qFatal("%s", g.error().describe().c_str());
  return *g;
}

graph::CausalGraph randomDag(int n, double edgesPerNode, unsigned seed) {
  std::mt19937 rng(seed);
  graph::CausalGraph g;
  std::vector<graph::NodeId> ids;
  for (int i = 0; i < n; ++i) ids.push_back(*g.addNode(QStringLiteral("v%1").arg(i).toStdString()));
  std::uniform_int_distribution<int> pick(0, n - 1);
  const int edges = static_cast<int>(edgesPerNode * n);
  for (int k = 0; k < edges; ++k) {
    int a = pick(rng), b = pick(rng);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    // Mostly local edges, like real diagrams.
    if (b - a > 12 && k % 4 != 0) continue;
    (void)g.addEdgeUnchecked({ids[static_cast<std::size_t>(a)], ids[static_cast<std::size_t>(b)], graph::EdgeKind::Directed, {}});
  }
  g.setRole(ids.front(), graph::Role::Exposure, true);
  g.setRole(ids.back(), graph::Role::Outcome, true);
  return g;
}

int overlaps(const graph::CausalGraph& g, const layout::Positions& p) {
  int count = 0;
  const auto ids = g.nodeIds();
  for (std::size_t i = 0; i < ids.size(); ++i)
    for (std::size_t j = i + 1; j < ids.size(); ++j) {
      const auto a = layout::estimateNodeBox(g.name(ids[i]));
      const auto b = layout::estimateNodeBox(g.name(ids[j]));
      const auto& pa = p.at(ids[i]);
      const auto& pb = p.at(ids[j]);
      if (std::abs(pa.x - pb.x) < (a.width + b.width) / 2.0 - 0.5 && std::abs(pa.y - pb.y) < (a.height + b.height) / 2.0 - 0.5)
        ++count;
    }
  return count;
}

}  // namespace

class LayoutTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void layeredMBias() {
    auto g = parse("dag { X [exposure] Y [outcome] A -> X A -> M B -> M B -> Y X -> Y }");
    auto p = layout::layeredLayout(g);
    QCOMPARE(p.size(), 5U);
    const auto x = p.at(*g.findNode("X")), y = p.at(*g.findNode("Y"));
    QVERIFY(x.x < y.x);                       // left to right
    QVERIFY(std::abs(x.y - y.y) < 1.0);       // on one axis
    QCOMPARE(overlaps(g, p), 0);
    QVERIFY(p.at(*g.findNode("A")).x < x.x);  // causes to the left
  }

  void layeredIsDeterministic() {
    auto g = randomDag(40, 1.5, 3);
    QVERIFY(layout::layeredLayout(g) == layout::layeredLayout(g));
  }

  void layeredPinnedNodesStay() {
    auto g = parse("dag { X [exposure] Y [outcome] Z -> X Z -> Y X -> Y W -> Z }");
    layout::LayoutOptions options;
    const auto z = *g.findNode("Z");
    options.pinned.insert(z);
    options.current[z] = graph::Point{1000, -500};
    auto p = layout::layeredLayout(g, options);
    QCOMPARE(p.at(z), (graph::Point{1000, -500}));
    QCOMPARE(overlaps(g, p), 0);
  }

  void layeredReadableAtSixtyNodes() {
    auto g = randomDag(60, 1.6, 11);
    auto p = layout::layeredLayout(g);
    QCOMPARE(p.size(), 60U);
    QCOMPARE(overlaps(g, p), 0);
  }

  void forceLayout() {
    auto g = randomDag(30, 1.3, 5);
    auto p = layout::forceLayout(g);
    QCOMPARE(p.size(), 30U);
    QCOMPARE(overlaps(g, p), 0);
    const auto x = p.at(g.nodesWithRole(graph::Role::Exposure).front());
    const auto y = p.at(g.nodesWithRole(graph::Role::Outcome).front());
    QVERIFY(x.x < y.x);
    QVERIFY(layout::forceLayout(g) == p);  // seeded
  }

  void thousandNodesInReasonableTime() {
    auto g = randomDag(1000, 1.5, 9);
    QElapsedTimer timer;
    timer.start();
    auto p = layout::layeredLayout(g);
    const auto layered = timer.restart();
    auto f = layout::forceLayout(g);
    const auto force = timer.elapsed();
    qInfo("1,000 nodes: layered %lld ms, force-directed %lld ms", static_cast<long long>(layered),
          static_cast<long long>(force));
    QCOMPARE(p.size(), 1000U);
    QCOMPARE(overlaps(g, p), 0);
    QVERIFY(layered < 20000);  // generous: a sanity bound, not a timing test
  }
};

QTEST_GUILESS_MAIN(LayoutTest)
#include "LayoutTest.moc"
