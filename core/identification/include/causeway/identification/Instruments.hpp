#pragma once

#include <vector>

#include "causeway/common/Progress.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"

// Instrumental variables, conditional ones included (van der Zander, Textor & Liśkiewicz,
// IJCAI 2015). Z is an instrument for X -> Y given W when, in the proper back-door graph G^pbd,
// Z is d-connected to X given W and d-separated from Y given W, where W is observed and has no
// mediator (node of cn(X, Y)), no node of de(Y) in G^pbd, and not X. A descendant of a mediator
// may be in W (unlike an adjustment set). As DAGitty does, we list ancestral instruments:
// those with such a W inside An(Y ∪ Z) of G^pbd, each with one W (the nearest separator).
namespace causeway::identification {

struct Instrument {
  Index instrument = kNoIndex;
  NodeSet given;  // W; empty for an unconditional instrument
  bool operator==(const Instrument&) const = default;
};

// Instruments for one exposure and one outcome, sorted by the instrument's name.
// Selected nodes are conditioned on throughout (never listed in W).
std::vector<Instrument> findInstruments(const graph::IndexedGraph& g, Index exposure, Index outcome,
                                        const Progress& progress = {});

// The definition above, for one candidate (instrument, W).
[[nodiscard]] bool isConditionalInstrument(const graph::IndexedGraph& g, Index exposure, Index outcome, Index z,
                                           std::span<const Index> w);

}  // namespace causeway::identification
