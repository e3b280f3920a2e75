#include "causeway/ui/analysis/IdentificationResult.hpp"

#include <QLocale>

#include <algorithm>
#include <set>

namespace causeway::ui {

namespace id = causeway::identification;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

NodeGroup group(const graph::IndexedGraph& g, std::span<const id::Index> nodes) {
  NodeGroup out;
  for (id::Index v : nodes) out.ids.push_back(g.id(v));
  out.text = qs(id::formatSet(g, nodes));
  return out;
}

PathInfo pathInfo(const graph::IndexedGraph& g, const id::ClassifiedPath& p) {
  PathInfo out;
  out.text = qs(id::formatPath(g, p.path));
  out.causal = p.causal;
  out.open = p.open;
  for (id::Index v : p.path.nodes) out.nodes.push_back(g.id(v));
  for (std::size_t i = 0; i < p.path.steps.size(); ++i) {
    const graph::NodeId a = g.id(p.path.nodes[i]);
    const graph::NodeId b = g.id(p.path.nodes[i + 1]);
    switch (p.path.steps[i]) {
      case id::Step::Forward: out.edges.push_back({a, b, graph::EdgeKind::Directed, {}}); break;
      case id::Step::Backward: out.edges.push_back({b, a, graph::EdgeKind::Directed, {}}); break;
      case id::Step::Bidirected: out.edges.push_back({a, b, graph::EdgeKind::Bidirected, {}}); break;
    }
  }
  if (!p.open && p.blockedAt != id::kNoIndex) {
    const QString name = qs(g.name(p.blockedAt));
    out.closedBecause = p.blockedByCollider ? QObject::tr("closed at the collider %1").arg(name)
                                            : QObject::tr("closed by adjusting for %1").arg(name);
  }
  return out;
}

QString namesOf(const graph::IndexedGraph& g, std::span<const id::Index> nodes) {
  QStringList names;
  for (const std::string& n : id::sortedNames(g, nodes)) names << qs(n);
  return names.join(QStringLiteral(", "));
}

QString joinSets(const std::vector<NodeGroup>& sets, const QString& lastSeparator) {
  QStringList texts;
  for (const NodeGroup& s : sets) texts << s.text;
  if (texts.size() <= 1) return texts.join(QString());
  const QString last = texts.takeLast();
  return texts.join(QStringLiteral(", ")) + lastSeparator + last;
}

}  // namespace

QString formatCount(std::size_t count) { return QLocale().toString(static_cast<qulonglong>(count)); }

IdentificationResult toResult(const graph::IndexedGraph& g, const id::IdentificationSummary& s, quint64 revision) {
  IdentificationResult r;
  r.revision = revision;
  r.ok = true;
  r.nodeCount = g.size();
  r.exposures = group(g, s.exposures);
  r.outcomes = group(g, s.outcomes);
  r.hasQuestion = !s.exposures.empty() && !s.outcomes.empty();
  r.effect = s.effect;
  if (r.hasQuestion && (!s.selected.empty() || s.effect == id::Effect::Direct))
    r.populationSentence = qs(id::populationSentence(g, s));
  for (const auto& set : s.selectedUnitSets) r.selectedUnitSets.push_back(group(g, set));

  r.adjustmentComputed = s.adjustmentComputed;
  for (const auto& set : s.adjustmentSets) r.adjustmentSets.push_back(group(g, set));
  r.adjustmentTruncated = s.adjustmentTruncated;
  if (s.canonicalSet) r.canonicalSet = group(g, *s.canonicalSet);
  for (const auto& set : s.setsIgnoringAdjusted) r.setsIgnoringAdjusted.push_back(group(g, set));
  r.setsIgnoringAdjustedTruncated = s.setsIgnoringAdjustedTruncated;
  if (s.adjustedSetCheck) {
    AdjustedSetVerdict v;
    v.valid = s.adjustedSetCheck->valid;
    v.adjusted = group(g, s.adjusted);
    v.forbidden = namesOf(g, s.adjustedSetCheck->forbidden);
    v.latent = namesOf(g, s.adjustedSetCheck->latent);
    if (s.adjustedSetCheck->openBiasingPath) {
      id::ClassifiedPath p;
      p.path = *s.adjustedSetCheck->openBiasingPath;
      p.open = true;
      v.openPath = pathInfo(g, p);
    }
    r.adjustedSet = v;
  }
  if (s.optimal) {
    OptimalSetInfo o;
    o.status = s.optimal->status;
    o.nodes = group(g, s.optimal->nodes);
    o.latent = group(g, s.optimal->latent);
    r.optimal = o;
  }

  r.instrumentsComputed = s.instrumentsComputed;
  for (const id::Instrument& i : s.instruments) {
    InstrumentInfo info;
    info.instrument = g.id(i.instrument);
    info.given = group(g, i.given);
    info.text = qs(g.name(i.instrument));
    if (!i.given.empty()) info.text += QStringLiteral(" | ") + namesOf(g, i.given);
    r.instruments.push_back(info);
  }

  addFrontDoor(g, s, r);

  r.pathsComputed = s.pathsComputed;
  for (const id::ClassifiedPath& p : s.paths) r.paths.push_back(pathInfo(g, p));
  r.pathsTruncated = s.pathsTruncated;

  r.implicationsComputed = s.implicationsComputed;
  for (const id::Implication& i : s.implications) r.implications << qs(id::formatImplication(g, i));
  r.implicationsTruncated = s.implicationsTruncated;

  for (const std::string& note : s.notes) r.notes << qs(note);
  return r;
}

void addFrontDoor(const graph::IndexedGraph& g, const id::IdentificationSummary& s, IdentificationResult& r) {
  r.frontDoorComputed = s.frontDoorComputed;
  r.frontDoorPending = false;
  r.frontDoorSets.clear();
  for (const auto& set : s.frontDoorSets) r.frontDoorSets.push_back(group(g, set));
  r.frontDoorTruncated = s.frontDoorTruncated;
}

QString IdentificationResult::adjustmentSentence() const {
  if (!ok) return QObject::tr("Identification failed: %1").arg(error);
  if (!hasQuestion) return QObject::tr("Mark an exposure (E) and an outcome (O) to see adjustment sets.");
  const QString x = exposures.ids.size() == 1 ? exposures.text.mid(1, exposures.text.size() - 2) : exposures.text;
  const QString y = outcomes.ids.size() == 1 ? outcomes.text.mid(1, outcomes.text.size() - 2) : outcomes.text;
  if (!adjustmentComputed) return QObject::tr("Adjustment sets were not computed.");
  const QString effectWord = effect == identification::Effect::Direct ? QObject::tr("direct") : QObject::tr("total");
  if (adjustmentSets.empty())
    return QObject::tr("The %3 effect of %1 on %2 cannot be estimated by covariate adjustment.").arg(x, y, effectWord);
  if (adjustmentSets.size() == 1 && adjustmentSets.front().ids.empty())
    return QObject::tr("No adjustment is necessary to estimate the %3 effect of %1 on %2: "
                       "the empty set {} is sufficient.")
        .arg(x, y, effectWord);
  QString sentence = QObject::tr("To estimate the %4 effect of %1 on %2, adjust for %3.")
                         .arg(x, y, joinSets(adjustmentSets, QObject::tr(" or ")), effectWord);
  if (adjustmentTruncated)
    sentence += QLatin1Char(' ') + QObject::tr("(Showing the first %1 sets.)").arg(formatCount(adjustmentSets.size()));
  return sentence;
}

std::vector<graph::EdgeData> IdentificationResult::causalPathEdges() const {
  std::vector<graph::EdgeData> out;
  for (const PathInfo& p : paths)
    if (p.causal) out.insert(out.end(), p.edges.begin(), p.edges.end());
  return out;
}

std::vector<graph::EdgeData> IdentificationResult::biasingPathEdges() const {
  std::vector<graph::EdgeData> out;
  for (const PathInfo& p : paths)
    if (!p.causal && p.open) out.insert(out.end(), p.edges.begin(), p.edges.end());
  // The path that makes the adjusted set fail is red even when the path listing was cut short.
  if (adjustedSet && adjustedSet->openPath)
    out.insert(out.end(), adjustedSet->openPath->edges.begin(), adjustedSet->openPath->edges.end());
  return out;
}

}  // namespace causeway::ui
