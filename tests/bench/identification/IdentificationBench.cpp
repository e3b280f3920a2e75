// Identification on random sparse DAGs (about two edges per node): d-separation, one minimal
// adjustment set, the first 100 minimal sets (polynomial delay), the first 100 implications,
// and front-door search (one set in O(n + m), the first 100 minimal sets under the work budget).
#include <benchmark/benchmark.h>

#include <random>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Adjustment.hpp"
#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/FrontDoor.hpp"
#include "causeway/identification/Implications.hpp"
#include "causeway/identification/MixedGraph.hpp"

namespace {

using namespace causeway;
using identification::Index;
using identification::NodeSet;

struct Model {
  graph::IndexedGraph graph;
  NodeSet x, y, z;
};

// Node i draws two parents among the previous nodes, half of them close by (a long-range mix
// keeps ancestral sets large, the hard case for adjustment). With `frontDoor` the exposure is
// the root v0 and a latent U confounds it with the outcome: no adjustment set, a front door.
Model randomModel(std::size_t n, unsigned seed, bool frontDoor = false) {
  std::mt19937 rng(seed);
  graph::CausalGraph cg;
  std::vector<graph::NodeId> ids;
  ids.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::string name = "v";  // appended, not "v" + ...: avoids GCC 12's false -Wrestrict
    name += std::to_string(i);
    ids.push_back(cg.addNode(std::move(name)).value());
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (int k = 0; k < 2; ++k) {
      std::size_t p = 0;
      if (k == 0) p = i - 1 - std::uniform_int_distribution<std::size_t>(0, std::min<std::size_t>(i - 1, 20))(rng);
      else p = std::uniform_int_distribution<std::size_t>(0, i - 1)(rng);
      (void)cg.addEdgeUnchecked({ids[p], ids[i], graph::EdgeKind::Directed, {}});
    }
  }
  if (frontDoor) {
    const graph::NodeId u = cg.addNode("U").value();  // index n: v0..v(n-1) keep theirs
    cg.setRole(u, graph::Role::Latent, true);
    (void)cg.addEdgeUnchecked({u, ids.front(), graph::EdgeKind::Directed, {}});
    (void)cg.addEdgeUnchecked({u, ids.back(), graph::EdgeKind::Directed, {}});
  }
  Model m{graph::IndexedGraph(cg), {}, {}, {}};
  m.x = {static_cast<Index>(frontDoor ? 0 : n / 2)};
  m.y = {static_cast<Index>(n - 1)};
  for (int k = 0; k < 10; ++k) m.z.push_back(static_cast<Index>(std::uniform_int_distribution<std::size_t>(0, n / 2 - 1)(rng)));
  m.z = identification::normalized(m.z);
  return m;
}

void BM_DSeparation(benchmark::State& state) {
  const Model m = randomModel(static_cast<std::size_t>(state.range(0)), 1);
  const identification::MixedGraph g(m.graph);
  const identification::NodeMask z = identification::maskOf(m.z, g.size());
  for (auto _ : state) benchmark::DoNotOptimize(identification::dSeparated(g, m.x, m.y, z));
}
BENCHMARK(BM_DSeparation)->Arg(100)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// From the model snapshot to one minimal set: builds G^pbd, forb and the moral graph too.
void BM_OneMinimalAdjustmentSet(benchmark::State& state) {
  const Model m = randomModel(static_cast<std::size_t>(state.range(0)), 2);
  std::size_t size = 0;
  for (auto _ : state) {
    identification::AdjustmentAnalysis a(m.graph, m.x, m.y);
    auto set = a.minimalSet();
    size = set ? set->size() : 0;
    benchmark::DoNotOptimize(set);
  }
  state.counters["set_size"] = static_cast<double>(size);
}
BENCHMARK(BM_OneMinimalAdjustmentSet)->Arg(100)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_First100MinimalAdjustmentSets(benchmark::State& state) {
  const Model m = randomModel(static_cast<std::size_t>(state.range(0)), 2);
  std::size_t count = 0;
  for (auto _ : state) {
    identification::AdjustmentAnalysis a(m.graph, m.x, m.y);
    count = a.listMinimalSets([](const NodeSet& s) { benchmark::DoNotOptimize(s.data()); return true; }, 100).count;
  }
  state.counters["sets"] = static_cast<double>(count);
}
BENCHMARK(BM_First100MinimalAdjustmentSets)->Arg(100)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_First100Implications(benchmark::State& state) {
  const Model m = randomModel(static_cast<std::size_t>(state.range(0)), 3);
  std::size_t count = 0;
  for (auto _ : state) {
    count = identification::listImpliedIndependencies(
                m.graph, [](const identification::Implication& i) { benchmark::DoNotOptimize(i.given.data()); return true; },
                100)
                .count;
  }
  state.counters["implications"] = static_cast<double>(count);
}
BENCHMARK(BM_First100Implications)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_OneFrontDoorSet(benchmark::State& state) {
  const Model m = randomModel(static_cast<std::size_t>(state.range(0)), 4, true);
  std::size_t size = 0;
  for (auto _ : state) {
    auto set = identification::findFrontDoorSet(m.graph, m.x[0], m.y[0]);
    size = set ? set->size() : 0;
    benchmark::DoNotOptimize(set);
  }
  state.counters["set_size"] = static_cast<double>(size);
}
BENCHMARK(BM_OneFrontDoorSet)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_First100MinimalFrontDoorSets(benchmark::State& state) {
  const Model m = randomModel(static_cast<std::size_t>(state.range(0)), 4, true);
  identification::EnumerationOutcome outcome;
  for (auto _ : state)
    outcome = identification::listMinimalFrontDoorSets(
        m.graph, m.x[0], m.y[0], [](const NodeSet& s) { benchmark::DoNotOptimize(s.data()); return true; }, 100);
  state.counters["sets"] = static_cast<double>(outcome.count);
  state.counters["truncated"] = outcome.truncated ? 1 : 0;
}
BENCHMARK(BM_First100MinimalFrontDoorSets)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
