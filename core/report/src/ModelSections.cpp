#include "causeway/report/ModelSections.hpp"

#include <set>

#include "causeway/identification/Path.hpp"
#include "causeway/identification/PathEnumeration.hpp"

namespace causeway::report {

namespace {

using identification::formatSet;
using identification::IdentificationSummary;
using identification::NodeSet;

std::string joinNames(const graph::IndexedGraph& g, const NodeSet& nodes) {
  const auto names = identification::sortedNames(g, nodes);
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::vector<std::string> rolesAndAssumptions(const graph::IndexedGraph& g, const IdentificationSummary& s) {
  std::vector<std::string> items;
  items.push_back("Exposure: " + joinNames(g, s.exposures) + "; outcome: " + joinNames(g, s.outcomes) + ".");
  const auto latent = g.withRole(graph::Role::Latent);
  if (!latent.empty())
    items.push_back("Unobserved (latent) variables: " + joinNames(g, latent) + ". They can never be adjusted for.");
  if (g.bidirectedEdgeCount() > 0)
    items.push_back("Bidirected edges (<->) stand for unobserved common causes of the two variables they join.");
  const auto selected = g.withRole(graph::Role::Selected);
  if (!selected.empty())
    items.push_back("The data were selected on " + joinNames(g, selected) + " (conditioned on by design).");
  if (!s.adjusted.empty()) items.push_back("Variables the analyst chose to adjust for: " + joinNames(g, s.adjusted) + ".");
  items.push_back(
      "Every arrow that is missing is an assumption: that variable has no direct effect on the other. Every pair "
      "without a common cause drawn is assumed to share none, observed or not.");
  return items;
}

void addIdentification(Section& section, const graph::IndexedGraph& g, const IdentificationSummary& s) {
  const std::string question = describeQuestion(g, s);
  if (s.adjustmentComputed) {
    if (s.adjustmentSets.empty()) {
      section.blocks.emplace_back(Paragraph{"No set of observed variables is sufficient to estimate " + question +
                                                " by covariate adjustment: some biasing path runs through unobserved "
                                                "variables only. Consider the front-door sets or instruments below.",
                                            Paragraph::Style::Warning});
    } else if (s.adjustmentSets.size() == 1 && s.adjustmentSets.front().empty()) {
      section.blocks.emplace_back(
          Paragraph{"No adjustment is necessary to estimate " + question + ": no biasing path is open."});
    } else {
      std::string sets;
      for (std::size_t i = 0; i < s.adjustmentSets.size(); ++i)
        sets += (i ? " or " : "") + formatSet(g, s.adjustmentSets[i]);
      section.blocks.emplace_back(Paragraph{"To estimate " + question + ", adjust for " + sets + "."});
      if (s.adjustmentTruncated)
        section.blocks.emplace_back(Paragraph{"Only the first " + std::to_string(s.adjustmentSets.size()) +
                                                  " minimal sets are listed; more exist.",
                                              Paragraph::Style::Note});
    }
    // With selected nodes, say whether the answer holds for everyone or for the selected units only.
    if (!s.selected.empty() || s.effect == identification::Effect::Direct)
      section.blocks.emplace_back(Paragraph{identification::populationSentence(g, s), Paragraph::Style::Note});
  }
  if (s.adjustedSetCheck && !s.adjusted.empty()) {
    const auto& check = *s.adjustedSetCheck;
    if (check.valid) {
      section.blocks.emplace_back(Paragraph{"The chosen adjustment set " + formatSet(g, s.adjusted) + " is valid."});
    } else {
      std::string why = "The chosen adjustment set " + formatSet(g, s.adjusted) + " is not valid:";
      if (!check.forbidden.empty())
        why += " it contains " + formatSet(g, check.forbidden) +
               ", which lie on or descend from the causal path (adjusting for them removes part of the effect or "
               "opens a biasing path);";
      if (!check.latent.empty()) why += " it contains unobserved variables " + formatSet(g, check.latent) + ";";
      if (check.openBiasingPath)
        why += " the biasing path " + identification::formatPath(g, *check.openBiasingPath) + " stays open;";
      why.back() = '.';
      section.blocks.emplace_back(Paragraph{why, Paragraph::Style::Warning});
    }
  }
  if (s.optimal) {
    using Status = identification::OptimalSet::Status;
    switch (s.optimal->status) {
      case Status::Defined:
        section.blocks.emplace_back(Paragraph{"The optimal adjustment set (O-set; Henckel, Perković & Maathuis 2022), "
                                              "with the smallest asymptotic variance among valid sets, is " +
                                              formatSet(g, s.optimal->nodes) + "."});
        break;
      case Status::NotObservable:
        section.blocks.emplace_back(Paragraph{"The optimal adjustment set would need unobserved variables " +
                                                  formatSet(g, s.optimal->latent) + ", so it is not observable.",
                                              Paragraph::Style::Note});
        break;
      case Status::NoCausalPath:
        section.blocks.emplace_back(Paragraph{"The model has no causal path from the exposure to the outcome: it "
                                              "asserts that the effect is zero."});
        break;
      case Status::NoValidSet: break;
    }
  }
  if (s.instrumentsComputed && !s.instruments.empty()) {
    BulletList list;
    for (const auto& iv : s.instruments)
      list.items.push_back(g.name(iv.instrument) + (iv.given.empty() ? "" : " given " + formatSet(g, iv.given)));
    section.blocks.emplace_back(Paragraph{"Instrumental variables:"});
    section.blocks.emplace_back(std::move(list));
  }
  if (s.frontDoorComputed && !s.frontDoorSets.empty()) {
    std::string sets;
    for (std::size_t i = 0; i < s.frontDoorSets.size(); ++i) sets += (i ? " or " : "") + formatSet(g, s.frontDoorSets[i]);
    section.blocks.emplace_back(Paragraph{"Front-door sets (Pearl's front-door criterion): " + sets + "."});
  }
  for (const auto& note : s.notes) section.blocks.emplace_back(Paragraph{note, Paragraph::Style::Note});
}

}  // namespace

std::string describeQuestion(const graph::IndexedGraph& g, const IdentificationSummary& s) {
  return "the total effect of " + joinNames(g, s.exposures) + " on " + joinNames(g, s.outcomes);
}

std::vector<std::pair<std::pair<graph::NodeId, graph::NodeId>, EdgeEmphasis>> pathEmphasis(
    const graph::IndexedGraph& g, const IdentificationSummary& s, const identification::NodeSet& adjustedFor) {
  std::vector<identification::ClassifiedPath> paths;
  (void)identification::enumeratePaths(g, s.exposures, s.outcomes, adjustedFor,
                                       [&](const identification::ClassifiedPath& p) {
                                         paths.push_back(p);
                                         return true;
                                       });
  std::set<std::pair<graph::NodeId, graph::NodeId>> causal, biasing;
  for (const auto& cp : paths) {
    if (!cp.causal && !cp.open) continue;
    for (std::size_t i = 0; i < cp.path.steps.size(); ++i) {
      const auto a = g.id(cp.path.nodes[i]), b = g.id(cp.path.nodes[i + 1]);
      const auto step = cp.path.steps[i];
      if (step == identification::Step::Bidirected) continue;
      const auto edge = step == identification::Step::Forward ? std::pair{a, b} : std::pair{b, a};
      (cp.causal ? causal : biasing).insert(edge);
    }
  }
  std::vector<std::pair<std::pair<graph::NodeId, graph::NodeId>, EdgeEmphasis>> out;
  for (const auto& e : biasing) out.push_back({e, EdgeEmphasis::Biasing});
  for (const auto& e : causal) out.push_back({e, EdgeEmphasis::Causal});  // causal wins when both
  return out;
}

void addModelSections(ReportDocument& doc, const graph::CausalGraph& laidOut, const std::string& modelText,
                      const IdentificationSummary& s, const identification::NodeSet& adjustedFor) {
  const graph::IndexedGraph g(laidOut);
  GraphPictureOptions picture;
  picture.emphasis = pathEmphasis(g, s, adjustedFor);
  Section model{"Causal model and assumptions", {}};
  model.blocks.emplace_back(Figure{"The causal diagram. Green: causal paths; red: biasing paths left open when "
                                   "adjusting for " + formatSet(g, adjustedFor) + ".",
                                   renderGraphSvg(laidOut, picture), picture.width, picture.height + 56});
  model.blocks.emplace_back(BulletList{rolesAndAssumptions(g, s)});
  model.blocks.emplace_back(Paragraph{"The model in DAGitty syntax:"});
  model.blocks.emplace_back(CodeBlock{modelText});
  doc.sections.push_back(std::move(model));

  Section identificationSection{"Identification: what to adjust for", {}};
  addIdentification(identificationSection, g, s);
  doc.sections.push_back(std::move(identificationSection));
}

}  // namespace causeway::report
