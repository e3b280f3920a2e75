#pragma once

#include <string>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Identify.hpp"
#include "causeway/report/GraphPicture.hpp"
#include "causeway/report/ReportDocument.hpp"

namespace causeway::report {

// "the effect of X on Y" (names joined with "and" for several exposures or outcomes).
std::string describeQuestion(const graph::IndexedGraph& g, const identification::IdentificationSummary& s);

// Edges to colour in a picture: those on causal paths, and those on biasing paths left open
// by conditioning on `adjustedFor`.
std::vector<std::pair<std::pair<graph::NodeId, graph::NodeId>, EdgeEmphasis>> pathEmphasis(
    const graph::IndexedGraph& g, const identification::IdentificationSummary& s,
    const identification::NodeSet& adjustedFor);

// The question, the model (picture, text, roles, the assumptions it encodes) and what the graph
// says about identification (adjustment sets and why, the O-set, instruments, front-door sets,
// testable implications). `laidOut` must have a position for every node; paths are drawn open
// or closed given `adjustedFor` (the set the estimate used, else the model's adjusted nodes).
void addModelSections(ReportDocument& doc, const graph::CausalGraph& laidOut, const std::string& modelText,
                      const identification::IdentificationSummary& s, const identification::NodeSet& adjustedFor);

}  // namespace causeway::report
