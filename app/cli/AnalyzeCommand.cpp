// causeway-cli analyze: every identification result for a model, as text or JSON.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "CliSupport.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::cli {

namespace id = causeway::identification;
using nlohmann::json;

namespace {

std::string joinSets(const graph::IndexedGraph& g, const std::vector<id::NodeSet>& sets, const char* separator) {
  std::string out;
  for (const auto& s : sets) out += (out.empty() ? "" : separator) + id::formatSet(g, s);
  return out;
}

std::string describeQuestion(const graph::IndexedGraph& g, const id::IdentificationSummary& s) {
  auto side = [&](const id::NodeSet& nodes) {
    return nodes.size() == 1 ? g.name(nodes[0]) : id::formatSet(g, nodes);
  };
  return std::string(s.effect == id::Effect::Direct ? "the direct effect of " : "the total effect of ") +
         side(s.exposures) + " on " + side(s.outcomes);
}

std::string truncatedMark(bool truncated) { return truncated ? " (list truncated)" : ""; }

void printAdjustment(const graph::IndexedGraph& g, const id::IdentificationSummary& s, std::ostream& out) {
  const std::string question = describeQuestion(g, s);
  out << "Adjustment (minimal sufficient sets):\n  ";
  if (s.adjustmentSets.empty()) {
    out << "No set of observed variables identifies " << question << " by covariate adjustment.\n";
  } else if (s.adjustmentSets.size() == 1 && s.adjustmentSets[0].empty()) {
    out << "No adjustment is necessary to estimate " << question << ".\n";
  } else {
    out << "To estimate " << question << ", adjust for " << joinSets(g, s.adjustmentSets, " or ")
        << truncatedMark(s.adjustmentTruncated) << ".\n";
  }
  if (!s.selectedUnitSets.empty())
    out << "  Among the selected units only, adjust for " << joinSets(g, s.selectedUnitSets, " or ")
        << truncatedMark(s.selectedUnitSetsTruncated) << ".\n";
  out << "  " << id::populationSentence(g, s) << "\n";
  if (s.effect == id::Effect::Direct)
    out << "  (Single-door criterion: this identifies the X -> Y path coefficient in a linear model; a "
           "nonparametric controlled direct effect needs more.)\n";
  if (s.adjustedSetCheck) {
    const auto& c = *s.adjustedSetCheck;
    out << "  Adjusted set " << id::formatSet(g, s.adjusted) << ": " << (c.valid ? "valid" : "not valid") << "\n";
    if (!c.forbidden.empty())
      out << "    contains " << id::formatSet(g, c.forbidden)
          << (s.effect == id::Effect::Direct ? ", the exposure or descendants of the outcome\n"
                                             : ", affected by the exposure (mediators, outcomes or their descendants)\n");
    if (c.selectionPath && !c.openBiasingPath)
      out << "    holds only among the selected units (open path " << id::formatPath(g, *c.selectionPath) << ")\n";
    if (!c.latent.empty()) out << "    contains unobserved " << id::formatSet(g, c.latent) << "\n";
    if (c.openBiasingPath) out << "    leaves a biasing path open: " << id::formatPath(g, *c.openBiasingPath) << "\n";
  }
}

void printOptimal(const graph::IndexedGraph& g, const id::OptimalSet& o, std::ostream& out) {
  using Status = id::OptimalSet::Status;
  out << "Optimal adjustment set (O-set): ";
  switch (o.status) {
    case Status::Defined: out << id::formatSet(g, o.nodes) << "\n"; break;
    case Status::NoValidSet: out << "none (no valid adjustment set)\n"; break;
    case Status::NoCausalPath: out << "not defined (an outcome is not affected by the exposures)\n"; break;
    case Status::NotObservable:
      out << "not observable (needs " << (o.latent.empty() ? "" : id::formatSet(g, o.latent) + " ")
          << (o.hiddenParent ? "and hidden common causes of mediators" : "") << ")\n";
      break;
  }
}

void printText(const graph::IndexedGraph& g, const id::IdentificationSummary& s, const id::IdentificationParts& parts,
               std::ostream& out) {
  if (!s.exposures.empty() && !s.outcomes.empty()) out << "Question: " << describeQuestion(g, s) << "\n\n";
  if (parts.adjustment && s.adjustmentComputed) printAdjustment(g, s, out);
  if (parts.optimal && s.optimal) printOptimal(g, *s.optimal, out);
  if (parts.frontDoor && s.frontDoorComputed)
    out << "Front-door sets: " << (s.frontDoorSets.empty() ? "none" : joinSets(g, s.frontDoorSets, " or "))
        << (s.frontDoorTruncated ? " (list truncated)" : "") << "\n";
  if (parts.instruments && s.instrumentsComputed) {
    out << "\nInstrumental variables:" << (s.instruments.empty() ? " none\n" : "\n");
    for (const auto& i : s.instruments)
      out << "  " << g.name(i.instrument) << (i.given.empty() ? "" : " | " + id::formatSet(g, i.given)) << "\n";
    if (s.instrumentsTruncated) out << "  ... (list truncated)\n";
  }
  if (parts.implications && s.implicationsComputed) {
    out << "\nTestable implications:" << (s.implications.empty() ? " none\n" : "\n");
    for (const auto& i : s.implications) out << "  " << id::formatImplication(g, i) << "\n";
    if (s.implicationsTruncated) out << "  ... (list truncated)\n";
  }
  if (parts.paths && s.pathsComputed) {
    out << "\nPaths (given " << id::formatSet(g, s.adjusted) << "):" << (s.paths.empty() ? " none\n" : "\n");
    for (const auto& p : s.paths) {
      out << "  " << (p.causal ? "causal" : "biasing") << ", ";
      if (p.open) out << "open";
      else out << "closed at " << g.name(p.blockedAt) << (p.blockedByCollider ? " (collider)" : " (adjusted)");
      out << ": " << id::formatPath(g, p.path) << "\n";
    }
    if (s.pathsTruncated) out << "  ... (list truncated)\n";
  }
  for (const auto& note : s.notes) out << "\nNote: " << note << "\n";
}

json names(const graph::IndexedGraph& g, const id::NodeSet& nodes) { return id::sortedNames(g, nodes); }

json toJson(const graph::IndexedGraph& g, const id::IdentificationSummary& s) {
  json j;
  j["exposures"] = names(g, s.exposures);
  j["outcomes"] = names(g, s.outcomes);
  j["adjusted"] = names(g, s.adjusted);
  json sets = json::array();
  for (const auto& set : s.adjustmentSets) sets.push_back(names(g, set));
  j["adjustment_sets"] = sets;
  j["effect"] = s.effect == id::Effect::Direct ? "direct" : "total";
  j["population"] = s.population == id::Population::Whole ? "whole" : "selected_only";
  j["population_sentence"] = s.adjustmentComputed ? json(id::populationSentence(g, s)) : json(nullptr);
  j["selected"] = names(g, s.selected);
  j["selection_path"] = s.selectionPath ? json(id::formatPath(g, *s.selectionPath)) : json(nullptr);
  json selectedSets = json::array();
  for (const auto& set : s.selectedUnitSets) selectedSets.push_back(names(g, set));
  j["adjustment_sets_selected_units"] = selectedSets;
  j["adjusted_set_valid"] = s.adjustedSetCheck ? json(s.adjustedSetCheck->valid) : json(nullptr);
  if (s.adjustedSetCheck && s.adjustedSetCheck->openBiasingPath)
    j["adjusted_set_open_path"] = id::formatPath(g, *s.adjustedSetCheck->openBiasingPath);
  j["canonical_set"] = s.canonicalSet ? names(g, *s.canonicalSet) : json(nullptr);
  if (s.optimal) {
    using Status = id::OptimalSet::Status;
    const char* status = s.optimal->status == Status::Defined         ? "defined"
                         : s.optimal->status == Status::NoValidSet    ? "no_valid_set"
                         : s.optimal->status == Status::NoCausalPath  ? "not_defined"
                                                                      : "not_observable";
    j["optimal_set"] = s.optimal->status == Status::Defined ? names(g, s.optimal->nodes) : json(nullptr);
    j["optimal_set_status"] = status;
  } else {
    j["optimal_set"] = nullptr;
  }
  json fd = json::array();
  for (const auto& set : s.frontDoorSets) fd.push_back(names(g, set));
  j["frontdoor_sets"] = fd;
  json instruments = json::array();
  for (const auto& i : s.instruments)
    instruments.push_back({{"instrument", g.name(i.instrument)}, {"given", names(g, i.given)}});
  j["instruments"] = instruments;
  json implications = json::array();
  for (const auto& i : s.implications)
    implications.push_back({{"x", g.name(i.x)}, {"y", g.name(i.y)}, {"given", names(g, i.given)}});
  j["implications"] = implications;
  json paths = json::array();
  for (const auto& p : s.paths) {
    json entry = {{"path", id::formatPath(g, p.path)}, {"causal", p.causal}, {"open", p.open}};
    std::vector<std::string> nodes;
    for (auto v : p.path.nodes) nodes.push_back(g.name(v));
    entry["nodes"] = nodes;
    if (!p.open) entry["blocked_at"] = g.name(p.blockedAt);
    paths.push_back(entry);
  }
  j["paths"] = paths;
  j["truncated_by_listing"] = {{"adjustment_sets", s.adjustmentTruncated},
                               {"adjustment_sets_selected_units", s.selectedUnitSetsTruncated},
                               {"sets_ignoring_adjusted", s.setsIgnoringAdjustedTruncated},
                               {"frontdoor_sets", s.frontDoorTruncated},
                               {"instruments", s.instrumentsTruncated},
                               {"implications", s.implicationsTruncated},
                               {"paths", s.pathsTruncated}};
  j["truncated"] = s.truncated();  // the OR of truncated_by_listing
  j["notes"] = s.notes;
  return j;
}

}  // namespace

int runAnalyze(const std::vector<std::string>& args, CommandIo& io) {
  CommandLine line{"analyze", po::options_description("Usage: causeway-cli analyze MODEL [options]\n\nOptions"),
                   {}, {}, UsageStyle::OptionsAfterErrors};
  line.visible.add_options()("help,h", "show this help")(
      "exposure,e", po::value<std::vector<std::string>>()->composing(), "exposure(s), comma separated or repeated")(
      "outcome,o", po::value<std::vector<std::string>>()->composing(), "outcome(s), comma separated or repeated")(
      "effect", po::value<std::string>()->default_value("total"),
      "total|direct: the effect the adjustment sets are for (direct: single-door criterion)")(
      "json", "print JSON")("max-sets", po::value<std::size_t>()->default_value(id::kDefaultMaxSets),
                            "cap on each listing (sets, instruments, implications, paths)")(
      "only", po::value<std::vector<std::string>>()->composing(),
      "adjustment|optimal|frontdoor|instruments|implications|paths (repeatable)");
  line.hidden.add_options()("model", po::value<std::string>(), "model file or -");
  line.positional.add("model", 1);
  po::variables_map vm;
  if (auto done = parseCommandLine(args, line, vm, io)) return *done;
  if (vm.count("model") == 0U) {
    io.err << "causeway-cli analyze: missing MODEL\n" << line.visible;
    return 2;
  }
  id::IdentificationOptions options;
  options.maxSets = vm["max-sets"].as<std::size_t>();
  if (options.maxSets == 0) {
    io.err << "causeway-cli analyze: --max-sets must be at least 1\n";
    return 2;
  }
  if (!vm["max-sets"].defaulted()) options.paths.maxPaths = options.maxSets;  // paths keep their own default cap
  if (const std::string effect = vm["effect"].as<std::string>(); effect == "direct") {
    options.effect = id::Effect::Direct;
  } else if (effect != "total") {
    io.err << "causeway-cli analyze: unknown effect '" << effect << "' for --effect (expected total or direct)\n";
    return 2;
  }
  if (vm.count("only") != 0U) {
    id::IdentificationParts parts{false, false, false, false, false, false};
    for (const std::string& part : splitList(vm["only"].as<std::vector<std::string>>())) {
      if (part == "adjustment") parts.adjustment = true;
      else if (part == "optimal") parts.optimal = true;
      else if (part == "frontdoor") parts.frontDoor = true;
      else if (part == "instruments") parts.instruments = true;
      else if (part == "implications") parts.implications = true;
      else if (part == "paths") parts.paths = true;
      else {
        io.err << "causeway-cli analyze: unknown part '" << part << "' for --only\n";
        return 2;
      }
    }
    options.parts = parts;
  }
  const auto model = readModel(vm["model"].as<std::string>(), io);
  if (!model) return reportError(io, "analyze", model.error());
  const graph::IndexedGraph g(*model);
  for (const char* key : {"exposure", "outcome"}) {
    if (vm.count(key) == 0U) continue;
    auto nodes = id::nodesNamed(g, splitList(vm[key].as<std::vector<std::string>>()));
    if (!nodes) {
      io.err << "causeway-cli analyze: " << nodes.error().message << "\n";
      return 1;
    }
    (std::string(key) == "exposure" ? options.exposures : options.outcomes) = nodes.value();
  }
  const auto summary = id::identify(g, options);
  if (!summary) {
    return reportError(io, "analyze", summary.error());
  }
  if (vm.count("json") != 0U) io.out << toJson(g, *summary).dump(2) << "\n";
  else printText(g, *summary, options.parts, io.out);
  return 0;
}

}  // namespace causeway::cli
