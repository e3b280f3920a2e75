#pragma once

#include <optional>
#include <span>

#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/MixedGraph.hpp"
#include "causeway/identification/NodeSet.hpp"
#include "causeway/identification/Path.hpp"

// d-separation by one linear-time reachability pass ("Bayes-ball": Shachter 1998; Koller &
// Friedman 2009, Algorithm 3.1). A bidirected edge a <-> b is read as a <- U -> b with U
// unobserved and never conditioned on.
namespace causeway::identification {

// --- On a plain MixedGraph, conditioning set as a mask -------------------------------------
// Every node outside X and Z that is d-connected to some node of X given Z. O(n + m).
NodeMask dConnected(const MixedGraph& g, std::span<const Index> x, const NodeMask& z);
[[nodiscard]] bool dSeparated(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y,
                              const NodeMask& z);
// One simple path from a node of X to a node of Y that is open given Z (its interior avoids X
// and Y), or nullopt when X and Y are d-separated. O(n + m).
std::optional<Path> findOpenPath(const MixedGraph& g, std::span<const Index> x, std::span<const Index> y,
                                 const NodeMask& z);

// --- On a model: nodes with the Selected role are always conditioned on --------------------
// X, Y and Z are node sets; Z must not meet X or Y (std::invalid_argument otherwise).
// A node in both X and Y makes them d-connected.
[[nodiscard]] bool dSeparated(const graph::IndexedGraph& g, std::span<const Index> x, std::span<const Index> y,
                              std::span<const Index> z);
// Sorted nodes d-connected to X given Z (X, Z and selected nodes excluded).
NodeSet dConnectedNodes(const graph::IndexedGraph& g, std::span<const Index> x, std::span<const Index> z);

// Z ∪ selected nodes, minus X and Y (conditioning on the selection is implicit in the data).
NodeMask conditioningMask(const graph::IndexedGraph& g, std::span<const Index> z, std::span<const Index> x = {},
                          std::span<const Index> y = {});

}  // namespace causeway::identification
