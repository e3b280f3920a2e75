#include "causeway/ui/document/GraphEdits.hpp"

#include <QStringList>

#include <functional>

#include <algorithm>

#include "causeway/graph/ModelFile.hpp"
#include "causeway/ui/document/AddEdgeCommand.hpp"
#include "causeway/ui/document/AddNodeCommand.hpp"
#include "causeway/ui/document/LayoutCommand.hpp"
#include "causeway/ui/document/ModelImport.hpp"
#include "causeway/ui/document/MoveNodesCommand.hpp"
#include "causeway/ui/document/RemoveItemsCommand.hpp"
#include "causeway/ui/document/RenameNodeCommand.hpp"
#include "causeway/ui/document/ReplaceModelCommand.hpp"
#include "causeway/ui/document/SetPinnedCommand.hpp"
#include "causeway/ui/document/SetRolesCommand.hpp"
#include "causeway/ui/document/UndoSuspender.hpp"

namespace causeway::ui::edits {

namespace {

QString roleName(graph::Role role) { return QString::fromUtf8(graph::roleKeyword(role).data()); }

// The role sets after pressing a role key, per DAGitty: exposure/outcome and adjusted/latent
// exclude each other.
graph::RoleSet withRole(graph::RoleSet roles, graph::Role role, bool on) {
  roles.set(role, on);
  if (!on) return roles;
  if (role == graph::Role::Exposure) roles.set(graph::Role::Outcome, false);
  if (role == graph::Role::Outcome) roles.set(graph::Role::Exposure, false);
  if (role == graph::Role::Adjusted) roles.set(graph::Role::Latent, false);
  if (role == graph::Role::Latent) roles.set(graph::Role::Adjusted, false);
  return roles;
}

// Runs `children` as one macro when there are several, or pushes the single one.
void execGrouped(GraphDocument& document, std::vector<std::function<void(QUndoCommand*)>> makers, const QString& text) {
  if (makers.empty()) return;
  auto* macro = new QUndoCommand(text);
  for (auto& make : makers) make(macro);
  document.exec(macro);
}

}  // namespace

Result<std::string> checkName(const GraphDocument& document, const QString& name,
                              std::optional<graph::NodeId> renaming) {
  const QString trimmed = name.trimmed();
  if (trimmed.isEmpty()) return makeError(ErrorCode::InvalidArgument, "a node needs a name");
  if (trimmed.contains(QLatin1Char('"')) || trimmed.contains(QLatin1Char('\n')) || trimmed.contains(QLatin1Char('\t')))
    return makeError(ErrorCode::InvalidArgument, "a node name cannot contain quotes, tabs or line breaks");
  std::string utf8 = trimmed.toStdString();
  if (auto existing = document.graph().findNode(utf8); existing && existing != renaming)
    return makeError(ErrorCode::DuplicateNode, "a node named '" + utf8 + "' already exists", ErrorContext::about(utf8));
  return utf8;
}

QString suggestName(const GraphDocument& document) {
  for (int i = 1;; ++i) {
    const QString candidate = QStringLiteral("V%1").arg(i);
    if (!document.graph().findNode(candidate.toStdString())) return candidate;
  }
}

Result<graph::NodeId> addNode(GraphDocument& document, const QString& name, QPointF scenePosition) {
  auto checked = checkName(document, name);
  if (!checked) return checked.error();
  graph::NodeData node{document.graph().nextNodeId(), *checked, {}, document.toModel(scenePosition)};
  document.exec(new AddNodeCommand(document, node));
  return node.id;
}

Result<void> addEdge(GraphDocument& document, graph::NodeId from, graph::NodeId to, graph::EdgeKind kind) {
  const graph::EdgeData edge{from, to, kind, std::nullopt};
  if (auto valid = AddEdgeCommand::validate(document.graph(), edge); !valid) return valid.error();
  document.exec(new AddEdgeCommand(document, edge));
  return Ok{};
}

void removeItems(GraphDocument& document, std::vector<graph::NodeId> nodes, std::vector<graph::EdgeData> edges) {
  std::erase_if(nodes, [&](graph::NodeId id) { return !document.graph().contains(id); });
  std::erase_if(edges, [&](const graph::EdgeData& e) { return !document.graph().hasEdge(e.from, e.to, e.kind); });
  if (nodes.empty() && edges.empty()) return;
  document.exec(new RemoveItemsCommand(document, std::move(nodes), std::move(edges)));
}

Result<void> renameNode(GraphDocument& document, graph::NodeId id, const QString& name) {
  if (!document.graph().contains(id)) return makeError(ErrorCode::UnknownNode, "the node no longer exists");
  auto checked = checkName(document, name, id);
  if (!checked) return checked.error();
  if (*checked == document.graph().name(id)) return Ok{};
  document.exec(new RenameNodeCommand(document, id, *checked));
  return Ok{};
}

void toggleRole(GraphDocument& document, const std::vector<graph::NodeId>& ids, graph::Role role) {
  const auto& g = document.graph();
  std::vector<graph::NodeId> live;
  std::copy_if(ids.begin(), ids.end(), std::back_inserter(live), [&](graph::NodeId id) { return g.contains(id); });
  if (live.empty()) return;
  const bool allHave = std::all_of(live.begin(), live.end(), [&](graph::NodeId id) { return g.roles(id).has(role); });
  std::vector<std::function<void(QUndoCommand*)>> makers;
  for (graph::NodeId id : live) {
    const graph::RoleSet next = withRole(g.roles(id), role, !allHave);
    if (next == g.roles(id)) continue;
    makers.emplace_back([&document, id, next](QUndoCommand* parent) { new SetRolesCommand(document, id, next, parent); });
  }
  const QString text = allHave ? QObject::tr("Clear %1").arg(roleName(role)) : QObject::tr("Set %1").arg(roleName(role));
  execGrouped(document, std::move(makers), text);
}

void setAdjustedSet(GraphDocument& document, const std::vector<graph::NodeId>& ids) {
  const auto& g = document.graph();
  std::vector<std::function<void(QUndoCommand*)>> makers;
  for (graph::NodeId id : g.nodeIds()) {
    const bool wanted = std::find(ids.begin(), ids.end(), id) != ids.end();
    const graph::RoleSet next = withRole(g.roles(id), graph::Role::Adjusted, wanted);
    if (next == g.roles(id)) continue;
    makers.emplace_back([&document, id, next](QUndoCommand* parent) { new SetRolesCommand(document, id, next, parent); });
  }
  execGrouped(document, std::move(makers), QObject::tr("Use adjustment set"));
}

void moveNodes(GraphDocument& document, const std::vector<std::pair<graph::NodeId, QPointF>>& scenePositions,
               int gesture) {
  std::vector<NodeMove> moves;
  for (const auto& [id, point] : scenePositions)
    if (document.graph().contains(id)) moves.push_back({id, std::nullopt, document.toModel(point)});
  if (moves.empty()) return;
  document.exec(new MoveNodesCommand(document, std::move(moves), gesture));
}

void applyLayout(GraphDocument& document, const layout::Positions& scenePositions, const QString& text) {
  std::vector<NodeMove> moves;
  for (graph::NodeId id : document.graph().nodeIds()) {
    auto it = scenePositions.find(id);
    if (it == scenePositions.end()) continue;
    const graph::Point to = document.toModel(QPointF(it->second.x, it->second.y));
    if (document.graph().node(id).position == to) continue;
    moves.push_back({id, std::nullopt, to});
  }
  if (moves.empty()) return;
  document.exec(new LayoutCommand(document, std::move(moves), text));
}

void setPinned(GraphDocument& document, std::vector<graph::NodeId> ids, bool pinned) {
  std::erase_if(ids, [&](graph::NodeId id) { return !document.graph().contains(id) || document.isPinned(id) == pinned; });
  if (ids.empty()) return;
  document.exec(new SetPinnedCommand(document, std::move(ids), pinned));
}

Result<void> replaceModelText(GraphDocument& document, const QString& text) {
  auto parsed = graph::parseModel(text.toStdString());
  if (!parsed) return parsed.error();
  ImportedModel imported = importModel(document, *parsed, ImportMode::Merge);
  if (imported.graph == document.graph() && imported.scale == document.coordinateScale() &&
      imported.pinned == document.pinnedNodes())
    return Ok{};
  document.exec(new ReplaceModelCommand(document, std::move(imported.graph), imported.scale, std::move(imported.pinned)));
  return Ok{};
}

void loadModel(GraphDocument& document, const graph::CausalGraph& graph, std::optional<double> scale,
               const QStringList& pinnedNames) {
  ImportedModel imported = importModel(document, graph, ImportMode::Fresh);
  if (scale && *scale > 0.0) imported.scale = *scale;
  for (const QString& name : pinnedNames)
    if (auto id = imported.graph.findNode(name.toStdString())) imported.pinned.insert(*id);
  UndoSuspender suspend(document);
  document.exec(new ReplaceModelCommand(document, std::move(imported.graph), imported.scale, std::move(imported.pinned)));
}

}  // namespace causeway::ui::edits
