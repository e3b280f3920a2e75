#pragma once

#include <QHashFunctions>

#include "causeway/graph/CausalGraph.hpp"

namespace causeway::ui {

// Identifies an edge; a bidirected edge has one key whichever way round it is named.
struct EdgeKey {
  graph::NodeId from = graph::kNoNode;
  graph::NodeId to = graph::kNoNode;
  graph::EdgeKind kind = graph::EdgeKind::Directed;

  static EdgeKey of(graph::NodeId from, graph::NodeId to, graph::EdgeKind kind) {
    if (kind == graph::EdgeKind::Bidirected && to < from) return {to, from, kind};
    return {from, to, kind};
  }
  static EdgeKey of(const graph::EdgeData& e) { return of(e.from, e.to, e.kind); }
  bool operator==(const EdgeKey&) const = default;
};

inline size_t qHash(const EdgeKey& key, size_t seed = 0) {
  return qHashMulti(seed, key.from, key.to, static_cast<int>(key.kind));
}

}  // namespace causeway::ui
