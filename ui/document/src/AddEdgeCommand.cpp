#include "causeway/ui/document/AddEdgeCommand.hpp"

#include <utility>

namespace causeway::ui {

AddEdgeCommand::AddEdgeCommand(GraphDocument& document, graph::EdgeData edge, QUndoCommand* parent)
    : QUndoCommand(parent), document_(document), edge_(edge) {
  const auto& g = document_.graph();
  const char* arrow = edge_.kind == graph::EdgeKind::Directed ? " \u2192 " : " \u2194 ";
  setText(QObject::tr("Add edge %1").arg(QString::fromStdString(g.name(edge_.from)) + QString::fromUtf8(arrow) +
                                         QString::fromStdString(g.name(edge_.to))));
}

void AddEdgeCommand::redo() { document_.insertEdge(edge_); }
void AddEdgeCommand::undo() { document_.eraseEdge(edge_); }

Result<void> AddEdgeCommand::validate(const graph::CausalGraph& graph, const graph::EdgeData& edge) {
  if (!graph.contains(edge.from) || !graph.contains(edge.to))
    return makeError(ErrorCode::UnknownNode, "the edge refers to a node that no longer exists");
  if (edge.from == edge.to)
    return makeError(ErrorCode::SelfLoop, "a node cannot have an edge to itself",
                     ErrorContext::about(graph.name(edge.from)));
  if (graph.hasEdge(edge.from, edge.to, edge.kind)) {
    const char* arrow = edge.kind == graph::EdgeKind::Directed ? " -> " : " <-> ";
    return makeError(ErrorCode::InvalidArgument,
                     "the edge " + graph.name(edge.from) + arrow + graph.name(edge.to) + " already exists");
  }
  if (edge.kind == graph::EdgeKind::Directed) {
    if (auto path = graph.cycleIfAdded(edge.from, edge.to)) {
      // path runs to -> ... -> from; the new edge closes it.
      std::vector<graph::NodeId> cycle{edge.from};
      cycle.insert(cycle.end(), path->begin(), path->end() - 1);
      return makeError(ErrorCode::Cycle,
                       graph.name(edge.from) + " -> " + graph.name(edge.to) + " would create the cycle " +
                           graph.describeCycle(cycle),
                       ErrorContext::about(graph.name(edge.from)));
    }
  }
  return Ok{};
}

}  // namespace causeway::ui
