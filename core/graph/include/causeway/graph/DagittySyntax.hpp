#pragma once

#include <string>
#include <string_view>

#include "causeway/common/Result.hpp"
#include "causeway/graph/CausalGraph.hpp"

namespace causeway::graph {

// Reads DAGitty model syntax, e.g.
//   dag { X [exposure,pos="1,2"] Y [outcome] Z -> {X Y} X -> Y }
// with node groups in braces (nested, and holding edges: {a -> {b c}}), edge chains (A -> B -> C),
// <- and <->, comments (// , /* */, #), quoted names and graph attributes (bb="..."). Node
// attributes take DAGitty's short names (e, o, a, l/u, s, source, target, unobserved) and nco/nce;
// any other attribute is kept on the node (NodeData::otherAttributes) and written back.
// pdag/mag/pag graphs, -- edges and DAGitty's old adjacency-list format are refused with a
// message saying what to do. Errors carry the line and column (and `sourceName` as the file).
Result<CausalGraph> parseDagitty(std::string_view text, std::string_view sourceName = {});

// Writes the graph in DAGitty syntax as R's dagitty prints it: one node per line with its
// attributes, then one edge per line. parseDagitty(writeDagitty(g)) == g.
std::string writeDagitty(const CausalGraph& graph);

// Quotes a name when DAGitty needs it ("my var"), otherwise returns it as is.
std::string quoteDagittyName(std::string_view name);

}  // namespace causeway::graph
