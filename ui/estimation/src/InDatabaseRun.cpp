#include "causeway/ui/estimation/InDatabaseRun.hpp"

#include <algorithm>

#include "causeway/database/Catalog.hpp"
#include "causeway/study/ProjectStudy.hpp"

namespace causeway::ui {

namespace est = estimation;

EstimationOutcome outcomeFromDatabase(const study::InDatabaseStudyResult& result, const std::vector<est::Method>& methods,
                                      const EstimationSettings& settings) {
  // The engine's own estimates, balance, overlap summary, answer and verdict; the panels add only
  // what did not run and where the numbers came from.
  auto study = std::make_shared<study::StudyResult>(result.study);
  study->warnings = result.warnings;
  est::EstimationReport& r = study->estimation;
  r.adjustmentSet = result.adjustment.nodes;
  std::erase_if(r.estimates, [&](const est::EffectEstimate& e) { return std::find(methods.begin(), methods.end(), e.method) == methods.end(); });
  for (const auto& [what, why] : result.notRun) r.warnings.push_back("Not run in the database: " + what + " (" + why + ")");
  const auto& db = result.database;
  r.conventions = "Analysed in " + database::sourceLabel(result.source) + " by " + std::to_string(db.queries.size()) +
                  " aggregate queries (the propensity model by IRLS in " + std::to_string(db.iterations) + " iterations).";

  EstimationOutcome out;
  out.settings = settings;
  out.inDatabase = true;
  out.inDatabaseResult = std::make_shared<const study::InDatabaseStudyResult>(result);
  out.dataPath = database::sourceLabel(result.source);
  out.study = std::move(study);
  return out;
}

Result<EstimationOutcome> runInDatabaseJob(const InDatabaseInputs& inputs, const Progress& progress) {
  if (!inputs.graph) return makeError(ErrorCode::InvalidArgument, "no model");
  // The same spec as an in-memory run (studySpec), then the same request as the CLI's.
  std::map<std::string, std::string> overrides = inputs.columnOverrides;
  std::erase_if(overrides, [&](const auto& entry) { return inputs.unmeasuredNodes.contains(entry.first); });
  auto spec = study::studySpec(inputs.settings.analysis, overrides, *inputs.graph);
  if (!spec) return spec.error();
  spec->unmeasuredNodes = inputs.unmeasuredNodes;
  const study::InDatabaseStudyRequest request = study::inDatabaseRequest(*spec, inputs.source);
  auto result = study::runInDatabaseStudy(request, progress);
  if (!result) return result.error();
  EstimationOutcome out = outcomeFromDatabase(*result, request.methods, inputs.settings);
  out.dataset = inputs.dataset;
  return out;
}

}  // namespace causeway::ui
