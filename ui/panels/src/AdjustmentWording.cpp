#include "AdjustmentWording.hpp"

#include <QObject>
#include <QRegularExpression>

#include <algorithm>

namespace causeway::ui::wording {

namespace {

bool pointsInto(const graph::EdgeData& e, graph::NodeId v) {
  return e.kind == graph::EdgeKind::Bidirected ? (e.from == v || e.to == v) : e.to == v;
}

QString joinedNames(const QStringList& names) {
  if (names.size() <= 1) return names.join(QString());
  QStringList head = names;
  const QString last = head.takeLast();
  return head.join(QStringLiteral(", ")) + QObject::tr(" and ") + last;
}

}  // namespace

QStringList adjustedColliders(const PathInfo& path, const NodeGroup& adjusted) {
  // "X <- A -> M <- B -> Y": the names sit between the arrows, in the order of path.nodes.
  static const QRegularExpression kArrow(QStringLiteral(" (<->|<-|->) "));
  const QStringList names = path.text.split(kArrow);
  QStringList out;
  if (names.size() != static_cast<qsizetype>(path.nodes.size()) || path.edges.size() + 1 != path.nodes.size()) return out;
  for (std::size_t i = 1; i + 1 < path.nodes.size(); ++i) {
    const graph::NodeId v = path.nodes[i];
    const bool isAdjusted = std::find(adjusted.ids.begin(), adjusted.ids.end(), v) != adjusted.ids.end();
    if (isAdjusted && pointsInto(path.edges[i - 1], v) && pointsInto(path.edges[i], v))
      out << names[static_cast<qsizetype>(i)];
  }
  return out;
}

QString colliderSentence(const PathInfo& path, const NodeGroup& adjusted) {
  const QStringList colliders = adjustedColliders(path, adjusted);
  if (colliders.isEmpty()) return {};
  const QString names = joinedNames(colliders);
  return QObject::tr("Adjusting for %1 opens the biasing path %2: %1 %3 a collider on it (both arrows point into %4), "
                     "and adjusting for a collider opens the path through it.")
      .arg(names, path.text, colliders.size() == 1 ? QObject::tr("is") : QObject::tr("are each"),
           colliders.size() == 1 ? names : QObject::tr("each"));
}

QString adjustedHeadline(const IdentificationResult& r) {
  if (!r.ok || !r.hasQuestion || !r.adjustmentComputed || !r.adjustedSet || r.adjustedSet->adjusted.ids.empty() ||
      (r.setsIgnoringAdjusted.empty() && r.adjustmentSets.empty()))
    return {};
  if (r.setsIgnoringAdjusted == r.adjustmentSets) return {};  // the constraint changes nothing
  IdentificationResult unconstrained = r;
  unconstrained.adjustmentSets = r.setsIgnoringAdjusted;
  unconstrained.adjustmentTruncated = r.setsIgnoringAdjustedTruncated;
  QString text = unconstrained.adjustmentSentence();
  const QString adjusted = r.adjustedSet->adjusted.text;
  if (r.adjustmentSets.empty()) {
    text += QLatin1Char(' ') + QObject::tr("No valid set contains %1, the nodes you marked adjusted.").arg(adjusted);
  } else {
    QStringList sets;
    for (const NodeGroup& s : r.adjustmentSets) sets << s.text;
    text += QLatin1Char(' ') + QObject::tr("You marked %1 adjusted; the minimal sets that contain it are %2.")
                                   .arg(adjusted, sets.join(QObject::tr(" or ")));
  }
  if (!r.adjustedSet->valid) text += QLatin1Char(' ') + QObject::tr("%1 alone is not sufficient.").arg(adjusted);
  return text;
}

}  // namespace causeway::ui::wording
