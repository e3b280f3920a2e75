// GraphScene's data overlay: which variables lack a data column, and which implied
// independencies the data reject. Both are by node name, as the data workspace reports them.
#include <QStringList>
#include <QTimer>

#include "causeway/ui/canvas/GraphScene.hpp"
#include "causeway/ui/canvas/NodeItem.hpp"
#include "causeway/ui/canvas/RejectedLinkItem.hpp"

namespace causeway::ui {

void GraphScene::setDataMapping(const QHash<QString, QString>& nodeToColumn, const QStringList& unmappedNodes) {
  dataLoaded_ = true;
  columns_ = nodeToColumn;
  unmapped_ = QSet<QString>(unmappedNodes.begin(), unmappedNodes.end());
  for (auto& [id, item] : nodes_) applyDataStatus(item, item->name());
}

void GraphScene::clearDataMapping() {
  dataLoaded_ = false;
  columns_.clear();
  unmapped_.clear();
  for (auto& [id, item] : nodes_) applyDataStatus(item, item->name());
  setRejectedIndependencies({});
}

void GraphScene::applyDataStatus(NodeItem* item, const QString& name) const {
  if (!dataLoaded_) {
    item->setDataStatus(NodeDataStatus::Unknown);
    return;
  }
  if (auto it = columns_.constFind(name); it != columns_.constEnd()) {
    item->setDataStatus(NodeDataStatus::Mapped, *it);
    return;
  }
  const bool latent = item->roles().has(graph::Role::Latent);
  // A node the workspace has not seen yet (just added) is also without a column.
  item->setDataStatus(latent ? NodeDataStatus::LatentUnmapped : NodeDataStatus::Missing);
}

void GraphScene::setRejectedIndependencies(const QList<QPair<QString, QString>>& pairs) {
  rejectedPairs_ = pairs;
  rebuildRejectedLinks();
}

void GraphScene::deleteRejectedLinks() {
  for (RejectedLinkItem* link : rejectedLinks_) delete link;
  rejectedLinks_.clear();
}

void GraphScene::scheduleRejectedLinks() {
  if (rejectedLinksPending_) return;
  rejectedLinksPending_ = true;
  QTimer::singleShot(0, this, [this] {
    rejectedLinksPending_ = false;
    rebuildRejectedLinks();
  });
}

void GraphScene::rebuildRejectedLinks() {
  deleteRejectedLinks();
  if (rejectedPairs_.isEmpty()) return;
  QHash<QString, NodeItem*> byName;
  for (auto& [id, item] : nodes_) byName.insert(item->name(), item);
  for (const auto& [x, y] : std::as_const(rejectedPairs_)) {
    NodeItem* a = byName.value(x, nullptr);
    NodeItem* b = byName.value(y, nullptr);
    if (a == nullptr || b == nullptr || a == b) continue;
    auto* link = new RejectedLinkItem(
        a, b,
        tr("The data reject the independence of <b>%1</b> and <b>%2</b> that the model implies: "
           "a missing edge or confounder? (see Implied Independencies)")
            .arg(x.toHtmlEscaped(), y.toHtmlEscaped()));
    addItem(link);
    rejectedLinks_.push_back(link);
  }
}

}  // namespace causeway::ui
