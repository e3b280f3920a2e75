#include "causeway/identification/Identify.hpp"

#include <algorithm>

#include "causeway/identification/DirectEffect.hpp"
#include "causeway/identification/FrontDoor.hpp"

namespace causeway::identification {

using graph::Role;

namespace {

Error cancelledError() { return makeError(ErrorCode::Cancelled, "identification was cancelled"); }

void addTotalEffect(const graph::IndexedGraph& g, const IdentificationOptions& options, const Progress& progress,
                    IdentificationSummary& s) {
  const AdjustmentAnalysis analysis(g, s.exposures, s.outcomes);
  s.selected = analysis.selected();
  s.selectionPath = analysis.selectionPath();
  if (s.selectionPath) s.population = Population::SelectedOnly;
  if (options.parts.adjustment) {
    const auto outcome = analysis.listMinimalSets(
        [&](const NodeSet& set) { s.adjustmentSets.push_back(set); return true; }, options.maxSets, progress);
    s.adjustmentTruncated = outcome.truncated;
    s.canonicalSet = analysis.canonicalSet();
    s.adjustedSetCheck = analysis.check(s.adjusted);
    if (!analysis.forced().empty()) {
      const AdjustmentAnalysis unforced(g, s.exposures, s.outcomes, false);
      s.setsIgnoringAdjustedTruncated =
          unforced
              .listMinimalSets([&](const NodeSet& set) { s.setsIgnoringAdjusted.push_back(set); return true; },
                               options.maxSets, progress)
              .truncated;
    }
    if (s.population == Population::SelectedOnly) {
      const AdjustmentAnalysis withinSelected(g, s.exposures, s.outcomes, true, Scope::SelectedUnits);
      s.selectedUnitSetsTruncated =
          withinSelected
              .listMinimalSets([&](const NodeSet& set) { s.selectedUnitSets.push_back(set); return true; },
                               options.maxSets, progress)
              .truncated;
    }
    s.adjustmentComputed = true;
  }
  if (options.parts.optimal) s.optimal = analysis.optimalSet();
}

void addDirectEffect(const graph::IndexedGraph& g, const IdentificationOptions& options, const Progress& progress,
                     IdentificationSummary& s) {
  if (s.exposures.size() != 1 || s.outcomes.size() != 1) {
    s.notes.emplace_back("direct-effect adjustment needs a single exposure and a single outcome");
    return;
  }
  if (!g.withRole(Role::Selected).empty()) {
    s.notes.emplace_back(
        "direct-effect adjustment sets are not given for models with selected nodes: the single-door criterion "
        "does not account for selection (DAGitty refuses them too); ask for the total effect instead");
    return;
  }
  if (options.parts.optimal) s.notes.emplace_back("the optimal adjustment set (O-set) is defined for the total effect only");
  if (!options.parts.adjustment) return;
  const DirectEffectAnalysis analysis(g, s.exposures[0], s.outcomes[0]);
  s.adjustmentTruncated =
      analysis.listMinimalSets([&](const NodeSet& set) { s.adjustmentSets.push_back(set); return true; },
                               options.maxSets, progress)
          .truncated;
  s.adjustedSetCheck = analysis.check(s.adjusted);
  if (!analysis.forced().empty()) {
    const DirectEffectAnalysis unforced(g, s.exposures[0], s.outcomes[0], false);
    s.setsIgnoringAdjustedTruncated =
        unforced.listMinimalSets([&](const NodeSet& set) { s.setsIgnoringAdjusted.push_back(set); return true; },
                                 options.maxSets, progress)
            .truncated;
  }
  s.adjustmentComputed = true;
}

std::string side(const graph::IndexedGraph& g, const NodeSet& nodes) {
  return nodes.size() == 1 ? g.name(nodes[0]) : formatSet(g, nodes);
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
  s.effect = options.effect;
  for (Index v : g.withRole(Role::Adjusted)) {
    const bool isExposure = std::binary_search(s.exposures.begin(), s.exposures.end(), v);
    const bool isOutcome = std::binary_search(s.outcomes.begin(), s.outcomes.end(), v);
    if (!isExposure && !isOutcome) s.adjusted.push_back(v);
    else
      s.notes.push_back("'" + g.name(v) + "' is the " + (isExposure ? "exposure" : "outcome") +
                        " and is also marked adjusted; the adjusted mark is ignored (the effect of a variable "
                        "cannot be estimated while holding it fixed)");
  }

  const bool haveQuestion = !s.exposures.empty() && !s.outcomes.empty();
  const bool single = s.exposures.size() == 1 && s.outcomes.size() == 1;
  if (!haveQuestion) s.notes.emplace_back("no exposure and outcome: only testable implications are listed");

  if (haveQuestion && (options.parts.adjustment || options.parts.optimal)) {
    if (options.effect == Effect::Direct) addDirectEffect(g, options, progress, s);
    else addTotalEffect(g, options, progress, s);
    if (progress.cancelled()) return cancelledError();
  }
  progress.report(0.3);
  if (haveQuestion && options.parts.instruments) {
    if (single) {
      s.instruments = findInstruments(g, s.exposures[0], s.outcomes[0], progress);
      if (s.instruments.size() > options.maxSets) {
        s.instruments.resize(options.maxSets);
        s.instrumentsTruncated = true;
      }
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
    PathOptions pathOptions = options.paths;
    pathOptions.maxPaths = std::min(pathOptions.maxPaths, options.maxSets);
    OrderedPaths ordered = listPathsInOrder(g, s.exposures, s.outcomes, s.adjusted, pathOptions, progress);
    if (ordered.cancelled) return cancelledError();
    s.paths = std::move(ordered.paths);
    s.pathsTruncated = ordered.truncated;
    s.pathsComputed = true;
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

std::string populationSentence(const graph::IndexedGraph& g, const IdentificationSummary& s) {
  const std::string effect = std::string(s.effect == Effect::Direct ? "direct" : "total") + " effect of " +
                             side(g, s.exposures) + " on " + side(g, s.outcomes);
  if (s.population == Population::Whole) {
    if (s.effect == Effect::Direct)
      return "Adjustment sets give the " + effect + " (its path coefficient in a linear model) in the whole population.";
    if (s.selected.empty()) return "Adjustment sets give the " + effect + " in the whole population.";
    return "Adjustment sets give the " + effect + " in the whole population: the selection on " +
           formatSet(g, s.selected) + " is d-separated from " + side(g, s.outcomes) + ".";
  }
  const std::string because = "because " + g.name(s.selectionPath->nodes.front()) + " is connected to " +
                              g.name(s.selectionPath->nodes.back()) + " by the open path " +
                              formatPath(g, *s.selectionPath);
  if (s.selectedUnitSets.empty())
    return "No set gives the " + effect + ", neither in the whole population (" + because +
           ") nor among the selected units.";
  return "Adjustment sets give the " + effect + " only among the selected units, " + because +
         " (the data hold the selected units alone).";
}

}  // namespace causeway::identification
