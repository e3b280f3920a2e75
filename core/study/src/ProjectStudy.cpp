#include "causeway/study/ProjectStudy.hpp"

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/study/Defaults.hpp"

namespace causeway::study {

namespace {

Error fieldError(const std::string& field, const std::string& problem) {
  return makeError(ErrorCode::MalformedData, "project field 'analysis." + field + "' " + problem);
}

}  // namespace

Result<StudySpec> studySpec(const project::AnalysisSettings& analysis,
                            const std::map<std::string, std::string>& columnOverrides, graph::CausalGraph graph) {
  StudySpec spec;
  spec.graph = std::move(graph);
  spec.adjustmentSet = analysis.adjustmentSet;
  spec.columnOverrides = columnOverrides;
  spec.compareAdjustmentSets = defaults::kCompareAdjustmentSets;
  spec.maxComparedSets = defaults::kMaxComparedSets;
  spec.maxImplications = defaults::kMaxImplications;

  auto estimand = estimation::parseEstimand(analysis.estimand);
  if (!estimand)
    return fieldError("estimand", "has an unknown estimand '" + analysis.estimand + "' (expected ATE, ATT, ATC or ATO)");
  spec.request.estimand = *estimand;
  if (analysis.methods.empty()) return fieldError("methods", "lists no method");
  spec.request.methods.clear();
  for (const auto& name : analysis.methods) {
    auto method = estimation::parseMethod(name);
    if (!method)
      return fieldError("methods", "has an unknown method '" + name +
                                       "' (expected regression, g-computation, ipw, matching, aipw or difference-in-means)");
    spec.request.methods.push_back(*method);
  }
  if (analysis.bootstrap < 0)
    return fieldError("bootstrap", "is " + std::to_string(analysis.bootstrap) + "; it must be 0 or more");
  spec.request.bootstrapReplicates = analysis.bootstrap;
  spec.request.seed = analysis.seed;
  if (analysis.trim) {
    const estimation::PropensityTrim trim{analysis.trim->first, analysis.trim->second};
    if (const std::string problem = trim.problem(); !problem.empty()) return fieldError("trim", "is wrong: " + problem);
    spec.request.trim = trim;
  }
  spec.request.treatedValue = analysis.treatedValue;
  if (analysis.matchingOrder != project::kMatchingOrderGreedy && analysis.matchingOrder != project::kMatchingOrderMatchIt)
    return fieldError("matchingOrder", "is '" + analysis.matchingOrder + "'; expected greedy or matchit");
  spec.request.matching.matchItLeftFirst = analysis.matchingOrder == project::kMatchingOrderMatchIt;
  spec.request.refute = defaults::kRefute;
  return spec;
}

Result<ProjectStudy> loadProjectStudy(const std::filesystem::path& projectFile) {
  auto project = project::loadProject(projectFile);
  if (!project) return project.error();
  auto graph = graph::parseDagitty(project->modelText, projectFile.string() + " (model)");
  if (!graph) return graph.error();
  auto spec = studySpec(project->analysis, project->columnOverrides, std::move(graph).value());
  if (!spec) {
    Error error = spec.error();
    error.context.file = projectFile.string();
    return error;
  }
  ProjectStudy out;
  out.dataPath = project->resolveDataPath(projectFile);
  out.project = std::move(project).value();
  out.spec = std::move(spec).value();
  return out;
}

}  // namespace causeway::study
