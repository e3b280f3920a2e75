#include "causeway/identification/Identify.hpp"

#include <algorithm>

#include "causeway/identification/FrontDoor.hpp"

namespace causeway::identification {

using graph::Role;

namespace {

Error cancelledError() { return makeError(ErrorCode::Cancelled, "identification was cancelled"); }

void addAdjustment(const graph::IndexedGraph& g, const IdentificationOptions& options, const Progress& progress,
                   IdentificationSummary& s) {
  const AdjustmentAnalysis analysis(g, s.exposures, s.outcomes);
  if (options.parts.adjustment) {
    const auto outcome = analysis.listMinimalSets(
        [&](const NodeSet& set) { s.adjustmentSets.push_back(set); return true; }, options.maxSets, progress);
    s.adjustmentTruncated = outcome.truncated;
    s.canonicalSet = analysis.canonicalSet();
    s.adjustedSetCheck = analysis.check(s.adjusted);
    s.adjustmentComputed = true;
  }
  if (options.parts.optimal) s.optimal = analysis.optimalSet();
}

}  // namespace

Result<IdentificationSummary> identify(const graph::IndexedGraph& g, const IdentificationOptions& options,
                                       const Progress& progress) {
  IdentificationSummary s;
  s.exposures = normalized(options.exposures.value_or(g.withRole(Role::Exposure)));
  s.outcomes = normalized(options.outcomes.value_or(g.withRole(Role::Outcome)));
  for (Index v : s.exposures)
    if (std::binary_search(s.outcomes.begin(), s.outcomes.end(), v)) {
      ErrorContext context;
      context.variable = g.name(v);
      return makeError(ErrorCode::InvalidArgument, "'" + g.name(v) + "' is both an exposure and an outcome", context);
    }
  for (Index v : g.withRole(Role::Adjusted))
    if (!std::binary_search(s.exposures.begin(), s.exposures.end(), v) &&
        !std::binary_search(s.outcomes.begin(), s.outcomes.end(), v))
      s.adjusted.push_back(v);

  const bool haveQuestion = !s.exposures.empty() && !s.outcomes.empty();
  const bool single = s.exposures.size() == 1 && s.outcomes.size() == 1;
  if (!haveQuestion) s.notes.emplace_back("no exposure and outcome: only testable implications are listed");

  if (haveQuestion && (options.parts.adjustment || options.parts.optimal)) {
    addAdjustment(g, options, progress, s);
    if (progress.cancelled()) return cancelledError();
  }
  progress.report(0.3);
  if (haveQuestion && options.parts.instruments) {
    if (single) {
      s.instruments = findInstruments(g, s.exposures[0], s.outcomes[0], progress);
      s.instrumentsComputed = true;
    } else {
      s.notes.emplace_back("instruments need a single exposure and a single outcome");
    }
    if (progress.cancelled()) return cancelledError();
  }
  progress.report(0.4);
  if (haveQuestion && options.parts.frontDoor) {
    if (single) {
      const auto outcome = listMinimalFrontDoorSets(
          g, s.exposures[0], s.outcomes[0], [&](const NodeSet& set) { s.frontDoorSets.push_back(set); return true; },
          options.maxSets, progress);
      s.frontDoorTruncated = outcome.truncated;
      s.frontDoorComputed = true;
    } else {
      s.notes.emplace_back("front-door sets need a single exposure and a single outcome");
    }
    if (progress.cancelled()) return cancelledError();
  }
  progress.report(0.5);
  if (haveQuestion && options.parts.paths) {
    const auto outcome = enumeratePaths(
        g, s.exposures, s.outcomes, s.adjusted, [&](const ClassifiedPath& p) { s.paths.push_back(p); return true; },
        options.paths, progress);
    s.pathsTruncated = outcome.truncated;
    s.pathsComputed = true;
    if (progress.cancelled()) return cancelledError();
  }
  progress.report(0.6);
  if (options.parts.implications) {
    const auto outcome = listImpliedIndependencies(
        g, [&](const Implication& i) { s.implications.push_back(i); return true; }, options.maxSets, progress);
    s.implicationsTruncated = outcome.truncated;
    if (outcome.cancelled) return cancelledError();
    s.basis = basisSet(g);
    s.implicationsComputed = true;
  }
  progress.report(1.0);
  return s;
}

}  // namespace causeway::identification
